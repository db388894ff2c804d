#include "Timebase.h"

#include "core/FeetFrames.h"
#include "core/Timecode.h"
#include "session/TimelineGrid.h"

#include <cinttypes>
#include <cstdio>

namespace sprocket::app
{
std::string timebaseName (Timebase timebase)
{
    switch (timebase)
    {
        case Timebase::timecode:
            return "Timecode";
        case Timebase::feetFrames:
            return "Feet+Frames";
        case Timebase::samples:
            return "Samples";
        case Timebase::minSec:
            return "Min:Sec";
        case Timebase::barsBeats:
            return "Bars|Beats";
    }
    return {};
}

Timebase nextTimebase (Timebase timebase)
{
    switch (timebase)
    {
        case Timebase::timecode:
            return Timebase::feetFrames;
        case Timebase::feetFrames:
            return Timebase::samples;
        case Timebase::samples:
            return Timebase::minSec;
        case Timebase::minSec:
            return Timebase::barsBeats;
        case Timebase::barsBeats:
            return Timebase::timecode;
    }
    return Timebase::timecode;
}

std::string formatLength (const session::Session& s, int64_t length, Timebase timebase)
{
    const bool negative = length < 0;
    const int64_t magnitude = negative ? -length : length;
    std::string text;
    switch (timebase)
    {
        case Timebase::timecode:
            text = core::formatTimecode (
                core::timecodeFromFrameCount (core::frameCountFromSamples (magnitude, s.frameRate, s.sampleRate), s.frameRate),
                s.frameRate);
            break;
        case Timebase::feetFrames:
            text = core::formatFeetFrames (
                core::feetFramesFromFrameCount (core::frameCountFromSamples (magnitude, s.frameRate, s.sampleRate)));
            break;
        case Timebase::samples:
            text = std::to_string (magnitude);
            break;
        case Timebase::minSec:
        {
            const int64_t ms = magnitude * 1000 / std::max<int64_t> (1, s.sampleRate);
            char buffer[48];
            std::snprintf (buffer, sizeof buffer, "%" PRId64 ":%02d.%03d", ms / 60000, int (ms / 1000 % 60), int (ms % 1000));
            text = buffer;
            break;
        }
        case Timebase::barsBeats:
        {
            const auto& map = s.tempoMap;
            const auto tick = map.tickContaining (map.barOnePosition() + core::SampleDuration { magnitude }, s.sampleRate);
            const auto span = map.barsBeatsAt (tick);
            text = core::formatBarsBeats ({ span.bar - 1, span.beat - 1, span.tick });
            break;
        }
    }
    return negative ? "-" + text : text;
}

std::string formatPosition (const session::Session& s, int64_t position, Timebase timebase)
{
    if (timebase == Timebase::timecode)
        return core::formatTimecode (session::timecodeAt (s, { position }), s.frameRate);
    if (timebase == Timebase::barsBeats)
    {
        return core::formatBarsBeats (s.tempoMap.barsBeatsAt (s.tempoMap.tickContaining ({ position }, s.sampleRate)));
    }
    return formatLength (s, position, timebase);
}
} // namespace sprocket::app
