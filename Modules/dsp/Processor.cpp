#include "dsp/Processor.h"

#include "dsp/ScopedNoDenormals.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace sprocket::dsp
{
double floatForJson (float value) noexcept
{
    char text[32];
    const auto end = std::to_chars (text, text + sizeof (text) - 1, value).ptr;
    *end = '\0';
    return std::strtod (text, nullptr);
}

static std::string formatNumber (double value)
{
    char text[32];
    const auto end = std::to_chars (text, text + sizeof (text), value).ptr;
    return std::string (text, end);
}

Processor::Processor (std::vector<ParameterInfo> parameterInfos)
    : infos (std::move (parameterInfos)),
      values (std::make_unique<std::atomic<float>[]> (infos.size()))
{
    for (size_t i = 0; i < infos.size(); ++i)
        values[i].store (infos[i].defaultValue, std::memory_order_relaxed);
}

Processor::~Processor() = default;

void Processor::prepare (double newSampleRate, int newMaxBlockSize, int channels)
{
    assert (newSampleRate > 0.0 && newMaxBlockSize > 0 && channels > 0);
    preparedSampleRate = newSampleRate;
    preparedMaxBlockSize = newMaxBlockSize;
    preparedChannels = channels;
    prepareToPlay();
    prepared = true;
    resetState();
}

void Processor::process (float* const* channels, int channelCount, int numFrames) noexcept
{
    // Backs the [[audio thread]] contract in debug builds: prepared, and within what prepare
    // allocated for.
    assert (prepared);
    assert (numFrames <= preparedMaxBlockSize);
    assert (channelCount <= std::max (preparedChannels, outputChannels (preparedChannels)));
    if (numFrames <= 0 || channelCount <= 0)
        return;
    ScopedNoDenormals noDenormals;
    processBlock (channels, channelCount, numFrames);
}

void Processor::reset() noexcept
{
    if (prepared)
        resetState();
}

int Processor::parameterIndex (std::string_view id) const noexcept
{
    for (size_t i = 0; i < infos.size(); ++i)
        if (infos[i].id == id)
            return (int) i;
    return -1;
}

void Processor::setParameter (int index, float value) noexcept
{
    if (index < 0 || index >= (int) infos.size() || std::isnan (value))
        return;
    const auto& info = infos[(size_t) index];
    values[(size_t) index].store (std::clamp (value, info.min, info.max), std::memory_order_relaxed);
}

bool Processor::setParameter (std::string_view id, float value) noexcept
{
    const int index = parameterIndex (id);
    setParameter (index, value);
    return index >= 0;
}

float Processor::getParameter (int index) const noexcept
{
    if (index < 0 || index >= (int) infos.size())
        return 0.0f;
    return values[(size_t) index].load (std::memory_order_relaxed);
}

std::optional<float> Processor::getParameter (std::string_view id) const noexcept
{
    const int index = parameterIndex (id);
    if (index < 0)
        return std::nullopt;
    return getParameter (index);
}

nlohmann::json Processor::state() const
{
    auto params = nlohmann::json::object();
    for (size_t i = 0; i < infos.size(); ++i)
        params[infos[i].id] = floatForJson (getParameter ((int) i));
    return { { "params", std::move (params) } };
}

core::Status Processor::setState (const nlohmann::json& newState)
{
    const std::string prefix = std::string (typeName()) + ": ";
    if (! newState.is_object())
        return core::makeError (prefix + "state must be a JSON object");

    std::vector<float> newValues;
    for (const auto& info : infos)
        newValues.push_back (info.defaultValue);

    std::vector<std::string> problems;
    if (const auto it = newState.find ("params"); it != newState.end())
    {
        if (! it->is_object())
            return core::makeError (prefix + "\"params\" must be a JSON object");

        for (const auto& [id, value] : it->items())
        {
            const int index = parameterIndex (id);
            if (index < 0)
            {
                problems.push_back ("unknown parameter '" + id + "'");
                continue;
            }
            const auto& info = infos[(size_t) index];
            if (! value.is_number())
            {
                problems.push_back ("parameter '" + id + "' must be a number");
                continue;
            }
            const double v = value.get<double>();
            if (! (v >= (double) info.min && v <= (double) info.max))
            {
                problems.push_back ("parameter '" + id + "' = " + formatNumber (v)
                                    + " is out of range [" + formatNumber (info.min) + ", "
                                    + formatNumber (info.max) + "]");
                continue;
            }
            newValues[(size_t) index] = (float) v;
        }
    }

    if (! problems.empty())
    {
        std::string message = prefix;
        for (size_t i = 0; i < problems.size(); ++i)
            message += (i > 0 ? "; " : "") + problems[i];
        return core::makeError (message);
    }

    for (size_t i = 0; i < newValues.size(); ++i)
        setParameter ((int) i, newValues[i]);
    return {};
}
} // namespace sprocket::dsp
