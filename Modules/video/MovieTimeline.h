#pragma once

#include "core/Error.h"
#include "core/FrameRate.h"
#include "core/SampleTime.h"
#include "core/Timecode.h"
#include "video/MovieInfo.h"

#include <cstdint>

namespace sprocket::video
{
/** Where a movie sits on a session's timeline. Pure math shared by the app and the tests.

    Both timecodes count frames since midnight in their own rate (so a drop-frame label means
    what it says); the movie's frame 0 is shown at the session frame whose timecode is the
    movie's start timecode, plus `offsetFrames` (positive: the picture is shown later). */
struct MoviePlacement
{
    core::FrameRate sessionRate = core::FrameRate::fps25;
    int64_t sampleRate = 48000;
    int64_t sessionStartFrame = 0; // the session start timecode as frames since midnight
    int64_t movieStartFrame = 0;   // the movie's first picture as frames since midnight
    int64_t offsetFrames = 0;
    int64_t movieFrameCount = 0;
};

/** Checks that the movie can play against the session and places it. The picture rates must be
    equal (29.97 drop and non-drop are the same picture rate); otherwise fails with a message that
    names the file and both rates. A movie without a timecode starts at the session start. */
core::Result<MoviePlacement> placeMovie (const MovieInfo& movie, core::FrameRate sessionRate, int64_t sampleRate,
                                         const core::Timecode& sessionStart, int64_t offsetFrames = 0);

/** The movie frame shown at a session position: the session frame the sample falls in
    (floor, as core::frameCountFromSamples) mapped through the placement. May be negative or
    >= movieFrameCount: then no picture is shown (see isInMovie). [[any thread]] */
int64_t movieFrameAt (core::SamplePosition position, const MoviePlacement& placement) noexcept;

/** The first session sample at which a movie frame is shown. [[any thread]] */
core::SamplePosition sessionPositionOfMovieFrame (int64_t movieFrame, const MoviePlacement& placement) noexcept;

bool isInMovie (int64_t movieFrame, const MoviePlacement& placement) noexcept;
} // namespace sprocket::video
