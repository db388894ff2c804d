#include "core/FrameRate.h"

namespace sprocket::core
{
FrameRatio frameRatio (FrameRate rate) noexcept
{
    switch (rate)
    {
        case FrameRate::fps23_976:
            return { 24000, 1001 };
        case FrameRate::fps24:
            return { 24, 1 };
        case FrameRate::fps25:
            return { 25, 1 };
        case FrameRate::fps29_97df:
        case FrameRate::fps29_97:
            return { 30000, 1001 };
        case FrameRate::fps30:
            return { 30, 1 };
        case FrameRate::fps48:
            return { 48, 1 };
        case FrameRate::fps50:
            return { 50, 1 };
        case FrameRate::fps59_94df:
        case FrameRate::fps59_94:
            return { 60000, 1001 };
        case FrameRate::fps60:
            return { 60, 1 };
    }
    return { 25, 1 };
}

int nominalFramesPerSecond (FrameRate rate) noexcept
{
    const auto r = frameRatio (rate);
    return static_cast<int> ((r.numerator + r.denominator - 1) / r.denominator);
}

bool isDropFrame (FrameRate rate) noexcept
{
    return rate == FrameRate::fps29_97df || rate == FrameRate::fps59_94df;
}

int droppedFramesPerMinute (FrameRate rate) noexcept
{
    // Drop-frame skips 0.1% of frame numbers: 2 per minute at 30 nominal, 4 at 60,
    // except every tenth minute (SMPTE ST 12-1).
    if (! isDropFrame (rate))
        return 0;
    return nominalFramesPerSecond (rate) / 15;
}

std::string_view frameRateName (FrameRate rate) noexcept
{
    switch (rate)
    {
        case FrameRate::fps23_976:
            return "23.976";
        case FrameRate::fps24:
            return "24";
        case FrameRate::fps25:
            return "25";
        case FrameRate::fps29_97df:
            return "29.97df";
        case FrameRate::fps29_97:
            return "29.97";
        case FrameRate::fps30:
            return "30";
        case FrameRate::fps48:
            return "48";
        case FrameRate::fps50:
            return "50";
        case FrameRate::fps59_94df:
            return "59.94df";
        case FrameRate::fps59_94:
            return "59.94";
        case FrameRate::fps60:
            return "60";
    }
    return "25";
}

Result<FrameRate> parseFrameRate (std::string_view name)
{
    for (auto rate : allFrameRates)
        if (frameRateName (rate) == name)
            return rate;
    return makeError ("unknown frame rate '" + std::string (name)
                      + "' (expected one of 23.976, 24, 25, 29.97df, 29.97, 30, 48, 50, 59.94df, 59.94, 60)");
}
} // namespace sprocket::core
