#include "core/Timecode.h"

#include "core/IntegerMath.h"

#include <algorithm>
#include <cstdio>

namespace sprocket::core
{
namespace
{
    bool isSkippedDropFrameLabel (const Timecode& tc, FrameRate rate) noexcept
    {
        return isDropFrame (rate) && tc.seconds == 0 && tc.minutes % 10 != 0 && tc.frames < droppedFramesPerMinute (rate);
    }
} // namespace

int64_t framesPerDay (FrameRate rate) noexcept
{
    const int64_t fps = nominalFramesPerSecond (rate);
    // 24 h = 144 ten-minute blocks; each drops 9 * dropsPerMinute labels.
    return fps * 86400 - 144 * 9 * droppedFramesPerMinute (rate);
}

int64_t frameCountFromTimecode (const Timecode& tc, FrameRate rate) noexcept
{
    const int64_t fps = nominalFramesPerSecond (rate);
    const int64_t totalMinutes = 60 * int64_t (tc.hours) + tc.minutes;
    const int64_t labelled = ((int64_t (tc.hours) * 3600 + tc.minutes * 60 + tc.seconds) * fps) + tc.frames;
    const int64_t drop = droppedFramesPerMinute (rate);
    return labelled - drop * (totalMinutes - totalMinutes / 10);
}

Timecode timecodeFromFrameCount (int64_t frameCount, FrameRate rate) noexcept
{
    const int64_t fps = nominalFramesPerSecond (rate);
    int64_t frame = frameCount % framesPerDay (rate);
    if (frame < 0)
        frame += framesPerDay (rate);

    if (const int64_t drop = droppedFramesPerMinute (rate); drop > 0)
    {
        // Re-insert the skipped labels so the count can be split like non-drop.
        const int64_t framesPerTenMinutes = fps * 600 - 9 * drop;
        const int64_t framesPerMinute = fps * 60 - drop;
        const int64_t tens = frame / framesPerTenMinutes;
        const int64_t rest = frame % framesPerTenMinutes;
        frame += 9 * drop * tens;
        if (rest > drop)
            frame += drop * ((rest - drop) / framesPerMinute);
    }

    Timecode tc;
    tc.frames = int (frame % fps);
    tc.seconds = int ((frame / fps) % 60);
    tc.minutes = int ((frame / (fps * 60)) % 60);
    tc.hours = int (frame / (fps * 3600));
    return tc;
}

std::string formatTimecode (const Timecode& tc, FrameRate rate)
{
    char text[32];
    std::snprintf (text, sizeof text, "%02d:%02d:%02d%c%02d", tc.hours, tc.minutes, tc.seconds, isDropFrame (rate) ? ';' : ':',
                   tc.frames);
    return text;
}

Result<Timecode> parseTimecode (std::string_view text, FrameRate rate)
{
    const auto fail = [&] (const std::string& why) { return makeError ("timecode '" + std::string (text) + "': " + why); };

    int fields[4] = {};
    size_t i = 0;
    for (int f = 0; f < 4; ++f)
    {
        const size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9')
            fields[f] = fields[f] * 10 + (text[i++] - '0');
        if (i == start || i - start > 2)
            return fail ("expected HH:MM:SS:FF");
        if (f < 3)
        {
            if (i >= text.size() || (text[i] != ':' && ! (f == 2 && (text[i] == ';' || text[i] == '.'))))
                return fail ("expected HH:MM:SS:FF");
            ++i;
        }
    }
    if (i != text.size())
        return fail ("expected HH:MM:SS:FF");

    const Timecode tc { fields[0], fields[1], fields[2], fields[3] };
    if (tc.hours > 23)
        return fail ("hours must be 0-23");
    if (tc.minutes > 59)
        return fail ("minutes must be 0-59");
    if (tc.seconds > 59)
        return fail ("seconds must be 0-59");
    if (tc.frames >= nominalFramesPerSecond (rate))
        return fail ("frames must be below " + std::to_string (nominalFramesPerSecond (rate)) + " at "
                     + std::string (frameRateName (rate)) + " fps");
    if (isSkippedDropFrameLabel (tc, rate))
        return fail ("drop-frame timecode skips this frame number");
    return tc;
}

Timecode relabelTimecode (const Timecode& tc, FrameRate to) noexcept
{
    auto label = tc;
    label.frames = std::min (label.frames, nominalFramesPerSecond (to) - 1);
    while (isSkippedDropFrameLabel (label, to))
        ++label.frames;
    return label;
}

int64_t samplesFromFrameCount (int64_t frameCount, FrameRate rate, int64_t sampleRate) noexcept
{
    const auto r = frameRatio (rate);
    return ceilDiv (frameCount * sampleRate * r.denominator, r.numerator);
}

int64_t frameCountFromSamples (int64_t samples, FrameRate rate, int64_t sampleRate) noexcept
{
    const auto r = frameRatio (rate);
    return floorDiv (samples * r.numerator, sampleRate * r.denominator);
}

int64_t samplesSinceMidnight (const Timecode& tc, FrameRate rate, int64_t sampleRate) noexcept
{
    return samplesFromFrameCount (frameCountFromTimecode (tc, rate), rate, sampleRate);
}
} // namespace sprocket::core
