#pragma once

#include "session/Session.h"

#include <cstdint>
#include <string>

namespace sprocket::app
{
/** How the app counts time: the main counter's and the ruler's units, switchable as Pro Tools'
    main timebase. */
enum class Timebase
{
    timecode,   // 01:00:10:12 (session start timecode + position)
    feetFrames, // 35 mm feet+frames from the session start: 15+08
    samples,    // session samples from the start
    minSec,     // minutes:seconds.milliseconds from the start: 0:10.500
    barsBeats   // bar|beat|tick on the session's tempo map: 17|3|480
};

/** "Timecode", "Feet+Frames", "Samples", "Min:Sec", "Bars|Beats". */
std::string timebaseName (Timebase timebase);
Timebase nextTimebase (Timebase timebase);

/** A timeline position (session samples from the start) in `timebase`. */
std::string formatPosition (const session::Session& session, int64_t position, Timebase timebase);
/** A length, in the same units (timecode lengths are counted from 00:00:00:00; a bars|beats
    length is the bars, beats and ticks it spans from bar 1: 0|2|000 is two beats). */
std::string formatLength (const session::Session& session, int64_t length, Timebase timebase);
} // namespace sprocket::app
