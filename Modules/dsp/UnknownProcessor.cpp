#include "dsp/UnknownProcessor.h"

namespace sprocket::dsp
{
UnknownProcessor::UnknownProcessor (std::string typeNameToKeep, nlohmann::json savedState)
    : Processor ({}), type (std::move (typeNameToKeep)), saved (std::move (savedState))
{
}

core::Status UnknownProcessor::setState (const nlohmann::json& newState)
{
    saved = newState;
    return {};
}
} // namespace sprocket::dsp
