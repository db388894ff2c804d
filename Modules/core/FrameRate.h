#pragma once

#include "core/Error.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace sprocket::core
{
/** The SMPTE frame rates a session may run at. Names follow the session file
    ("29.97df" is drop-frame, "29.97" non-drop). */
enum class FrameRate
{
    fps23_976,
    fps24,
    fps25,
    fps29_97df,
    fps29_97,
    fps30,
    fps48,
    fps50,
    fps59_94df,
    fps59_94,
    fps60
};

inline constexpr std::array allFrameRates { FrameRate::fps23_976,  FrameRate::fps24,    FrameRate::fps25, FrameRate::fps29_97df,
                                            FrameRate::fps29_97,   FrameRate::fps30,    FrameRate::fps48, FrameRate::fps50,
                                            FrameRate::fps59_94df, FrameRate::fps59_94, FrameRate::fps60 };

/** Exact frames per second as a ratio: 23.976 is 24000/1001. */
struct FrameRatio
{
    int64_t numerator;
    int64_t denominator;
};

FrameRatio frameRatio (FrameRate rate) noexcept;

/** Frames counted per timecode second (24 for 23.976, 30 for 29.97). */
int nominalFramesPerSecond (FrameRate rate) noexcept;

bool isDropFrame (FrameRate rate) noexcept;

/** Frames skipped in the count at each minute not divisible by ten (2 at 29.97, 4 at 59.94). */
int droppedFramesPerMinute (FrameRate rate) noexcept;

/** The session-file name: "23.976", "29.97df", ... */
std::string_view frameRateName (FrameRate rate) noexcept;

Result<FrameRate> parseFrameRate (std::string_view name);
} // namespace sprocket::core
