#include "core/FeetFrames.h"

#include <cstdio>

namespace sprocket::core
{
FeetFrames feetFramesFromFrameCount (int64_t frameCount) noexcept
{
    int64_t feet = frameCount / framesPerFoot35mm;
    int64_t frames = frameCount % framesPerFoot35mm;
    if (frames < 0)
    {
        frames += framesPerFoot35mm;
        --feet;
    }
    return { feet, int (frames) };
}

int64_t frameCountFromFeetFrames (const FeetFrames& ff) noexcept
{
    return ff.feet * framesPerFoot35mm + ff.frames;
}

std::string formatFeetFrames (const FeetFrames& ff)
{
    char text[40];
    std::snprintf (text, sizeof text, "%lld+%02d", static_cast<long long> (ff.feet), ff.frames);
    return text;
}

Result<FeetFrames> parseFeetFrames (std::string_view text)
{
    const auto plus = text.find ('+');
    if (plus == std::string_view::npos || plus == 0 || plus + 1 >= text.size())
        return makeError ("feet+frames '" + std::string (text) + "': expected FEET+FF");

    FeetFrames ff;
    for (char c : text.substr (0, plus))
    {
        if (c < '0' || c > '9')
            return makeError ("feet+frames '" + std::string (text) + "': feet must be digits");
        ff.feet = ff.feet * 10 + (c - '0');
    }
    for (char c : text.substr (plus + 1))
    {
        if (c < '0' || c > '9')
            return makeError ("feet+frames '" + std::string (text) + "': frames must be digits");
        ff.frames = ff.frames * 10 + (c - '0');
    }
    if (ff.frames >= framesPerFoot35mm)
        return makeError ("feet+frames '" + std::string (text) + "': frames must be 0-15");
    return ff;
}
} // namespace sprocket::core
