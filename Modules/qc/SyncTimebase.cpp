#include "qc/SyncTimebase.h"

#include "core/Timecode.h"

#include <charconv>

namespace sprocket::qc
{
namespace
{
    /** "24000/1001" or "25/1" (a bare "25" too). */
    std::optional<core::FrameRatio> parseRatio (const std::string& text)
    {
        core::FrameRatio ratio { 0, 1 };
        const char* end = text.data() + text.size();
        auto [afterNumerator, error] = std::from_chars (text.data(), end, ratio.numerator);
        if (error != std::errc() || ratio.numerator <= 0)
            return std::nullopt;
        if (afterNumerator != end)
        {
            if (*afterNumerator != '/')
                return std::nullopt;
            auto [afterDenominator, error2] = std::from_chars (afterNumerator + 1, end, ratio.denominator);
            if (error2 != std::errc() || afterDenominator != end || ratio.denominator <= 0)
                return std::nullopt;
        }
        return ratio;
    }
} // namespace

std::optional<core::FrameRate> frameRateFromIxml (const io::IxmlInfo& ixml)
{
    const auto ratio = parseRatio (ixml.timecodeRate);
    if (! ratio)
        return std::nullopt;
    const bool drop = ixml.timecodeFlag == "DF";
    for (const auto rate : core::allFrameRates)
    {
        const auto r = core::frameRatio (rate);
        if (r.numerator * ratio->denominator == ratio->numerator * r.denominator && core::isDropFrame (rate) == drop)
            return rate;
    }
    return std::nullopt;
}

SyncTimebase fileTimebase (const io::AudioFileInfo& info, std::optional<core::FrameRate> chosen)
{
    SyncTimebase base;
    base.sampleRate = info.sampleRate;
    base.startSample = info.bext ? info.bext->timeReference : 0;
    if (chosen)
    {
        base.frameRate = *chosen;
        base.frameRateSource = "option";
    }
    else if (const auto fromIxml = info.ixml ? frameRateFromIxml (*info.ixml) : std::nullopt)
    {
        base.frameRate = *fromIxml;
        base.frameRateSource = "ixml";
    }
    else
    {
        base.frameRate = core::FrameRate::fps24; // film's rate; docs/SYNC.md
        base.frameRateSource = "default";
    }
    return base;
}

SyncTimebase sessionTimebase (const session::Session& session, std::optional<core::FrameRate> chosen)
{
    SyncTimebase base;
    base.sampleRate = session.sampleRate;
    base.startSample = core::samplesSinceMidnight (session.startTimecode, session.frameRate, session.sampleRate);
    base.frameRate = chosen.value_or (session.frameRate);
    base.frameRateSource = chosen ? "option" : "session";
    return base;
}
} // namespace sprocket::qc
