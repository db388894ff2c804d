#include "dsp/ProcessorRegistry.h"

#include "dsp/CompressorProcessor.h"
#include "dsp/ConvolutionReverbProcessor.h"
#include "dsp/DeEsserProcessor.h"
#include "dsp/DeHumProcessor.h"
#include "dsp/DelayProcessor.h"
#include "dsp/DownmixProcessor.h"
#include "dsp/EqProcessor.h"
#include "dsp/FilterProcessor.h"
#include "dsp/GainProcessor.h"
#include "dsp/GateProcessor.h"
#include "dsp/LimiterProcessor.h"
#include "dsp/PanProcessor.h"
#include "dsp/PolarityProcessor.h"
#include "dsp/RoomReverbProcessor.h"
#include "dsp/TruePeakLimiterProcessor.h"
#include "dsp/UnknownProcessor.h"

#include <nlohmann/json.hpp>

namespace sprocket::dsp
{
template <typename ProcessorType>
static ProcessorRegistry::Factory factoryFor()
{
    return [] { return std::unique_ptr<Processor> (std::make_unique<ProcessorType>()); };
}

ProcessorRegistry::ProcessorRegistry()
{
    add ("gain", factoryFor<GainProcessor>());
    add ("polarity", factoryFor<PolarityProcessor>());
    add ("delay", factoryFor<DelayProcessor>());
    add ("pan", factoryFor<PanProcessor>());
    add ("eq", factoryFor<EqProcessor>());
    add ("compressor", factoryFor<CompressorProcessor>());
    add ("limiter", factoryFor<LimiterProcessor>());
    add ("gate", factoryFor<GateProcessor>());
    add ("true_peak_limiter", factoryFor<TruePeakLimiterProcessor>());
    add ("high_pass", [] { return std::unique_ptr<Processor> (std::make_unique<FilterProcessor> (FilterProcessor::Kind::highPass)); });
    add ("low_pass", [] { return std::unique_ptr<Processor> (std::make_unique<FilterProcessor> (FilterProcessor::Kind::lowPass)); });
    add ("notch", [] { return std::unique_ptr<Processor> (std::make_unique<FilterProcessor> (FilterProcessor::Kind::notch)); });
    add ("de_hum", factoryFor<DeHumProcessor>());
    add ("de_esser", factoryFor<DeEsserProcessor>());
    add ("downmix", factoryFor<DownmixProcessor>());
    add ("convolution_reverb", factoryFor<ConvolutionReverbProcessor>());
    add ("room_reverb", factoryFor<RoomReverbProcessor>());
}

const ProcessorRegistry& ProcessorRegistry::builtIns()
{
    static const ProcessorRegistry registry;
    return registry;
}

void ProcessorRegistry::add (std::string type, Factory factory)
{
    for (auto& entry : entries)
    {
        if (entry.type == type)
        {
            entry.factory = std::move (factory);
            return;
        }
    }
    entries.push_back ({ std::move (type), std::move (factory) });
}

bool ProcessorRegistry::contains (std::string_view type) const noexcept
{
    for (const auto& entry : entries)
        if (entry.type == type)
            return true;
    return false;
}

std::unique_ptr<Processor> ProcessorRegistry::create (std::string_view type) const
{
    for (const auto& entry : entries)
        if (entry.type == type)
            return entry.factory();
    return std::make_unique<UnknownProcessor> (std::string (type));
}

core::Result<std::unique_ptr<Processor>> ProcessorRegistry::createWithState (std::string_view type,
                                                                           const nlohmann::json& state) const
{
    auto processor = create (type);
    if (auto status = processor->setState (state); ! status)
        return status.error();
    return processor;
}

std::vector<std::string> ProcessorRegistry::typeNames() const
{
    std::vector<std::string> names;
    for (const auto& entry : entries)
        names.push_back (entry.type);
    return names;
}

std::vector<ProcessorTypeInfo> ProcessorRegistry::types() const
{
    std::vector<ProcessorTypeInfo> result;
    for (const auto& entry : entries)
        result.push_back ({ entry.type, entry.factory()->parameters() });
    return result;
}

nlohmann::json ProcessorRegistry::describe() const
{
    auto list = nlohmann::json::array();
    for (const auto& info : types())
    {
        auto params = nlohmann::json::array();
        for (const auto& p : info.parameters)
            params.push_back ({ { "id", p.id },
                                { "name", p.name },
                                { "unit", p.unit },
                                { "min", floatForJson (p.min) },
                                { "max", floatForJson (p.max) },
                                { "default", floatForJson (p.defaultValue) },
                                { "smoothing_ms", floatForJson (p.smoothingMs) } });
        list.push_back ({ { "type", info.type }, { "parameters", std::move (params) } });
    }
    return list;
}
} // namespace sprocket::dsp
