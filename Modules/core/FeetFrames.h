#pragma once

#include "core/Error.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace sprocket::core
{
/** 35 mm 4-perf film counts 16 frames to the foot. */
inline constexpr int framesPerFoot35mm = 16;

struct FeetFrames
{
    int64_t feet = 0;
    int frames = 0;

    auto operator<=> (const FeetFrames&) const = default;
};

FeetFrames feetFramesFromFrameCount (int64_t frameCount) noexcept;
int64_t frameCountFromFeetFrames (const FeetFrames& ff) noexcept;

/** "90+00" style: feet, '+', two-digit frames. */
std::string formatFeetFrames (const FeetFrames& ff);
Result<FeetFrames> parseFeetFrames (std::string_view text);
} // namespace sprocket::core
