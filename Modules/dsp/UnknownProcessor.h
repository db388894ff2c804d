#pragma once

#include "dsp/Processor.h"

#include <nlohmann/json.hpp>

#include <string>

namespace sprocket::dsp
{
/** Stands in for a processor type this build does not know (a plugin that is not installed, a
    type from a newer Sprocket): it passes audio through untouched (bypassed), has no parameters,
    and keeps whatever state it was given verbatim, so a session saves it back byte for byte and
    nothing is lost when the session is opened where the type exists. */
class UnknownProcessor final : public Processor
{
public:
    explicit UnknownProcessor (std::string type, nlohmann::json savedState = nlohmann::json::object());

    std::string_view typeName() const noexcept override { return type; }
    bool isPlaceholder() const noexcept override { return true; }

    /** The saved state exactly as given. [[message thread]] */
    nlohmann::json state() const override { return saved; }

    /** Accepts anything and keeps it unchanged. [[message thread]] */
    core::Status setState (const nlohmann::json& newState) override;

protected:
    void prepareToPlay() override {}
    void processBlock (float* const*, int, int) noexcept override {}
    void resetState() noexcept override {}

private:
    std::string type;
    nlohmann::json saved;
};
} // namespace sprocket::dsp
