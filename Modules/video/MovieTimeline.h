#pragma once

#include "core/Error.h"
#include "core/FrameRate.h"
#include "core/SampleTime.h"
#include "core/Timecode.h"
#include "video/MovieInfo.h"

#include <cstdint>
#include <optional>

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

/** How the session wants its movie placed (session::VideoReference, without the session). */
struct PlacementOptions
{
    /** The timecode of the movie's first frame at the session's rate, instead of the movie's own. */
    std::optional<core::Timecode> startTimecode;
    /** Display latency: the picture is shown this many frames later. */
    int64_t offsetFrames = 0;
    /** Play a movie of another picture rate frame for frame at the session's rate (pull-up or
        pull-down): its frames count as session frames and its timecode label is read at the
        session's rate (core::relabelTimecode). */
    bool conform = false;
};

/** Checks that the movie can play against the session and places it. The picture rates must be
    equal (29.97 drop and non-drop are the same picture rate) unless `options.conform`; otherwise
    fails with a message that names the file and both rates. A movie without a timecode starts at
    the session start. */
core::Result<MoviePlacement> placeMovie (const MovieInfo& movie, core::FrameRate sessionRate, int64_t sampleRate,
                                         const core::Timecode& sessionStart, const PlacementOptions& options);

inline core::Result<MoviePlacement> placeMovie (const MovieInfo& movie, core::FrameRate sessionRate, int64_t sampleRate,
                                                const core::Timecode& sessionStart, int64_t offsetFrames = 0)
{
    return placeMovie (movie, sessionRate, sampleRate, sessionStart, PlacementOptions { std::nullopt, offsetFrames, false });
}

/** Whether the movie's picture rate is the session's (29.97 drop and non-drop are one rate). */
bool hasSessionPictureRate (const MovieInfo& movie, core::FrameRate sessionRate) noexcept;

/** The movie frame shown at a session position: the session frame the sample falls in
    (floor, as core::frameCountFromSamples) mapped through the placement. May be negative or
    >= movieFrameCount: then no picture is shown (see isInMovie). [[any thread]] */
int64_t movieFrameAt (core::SamplePosition position, const MoviePlacement& placement) noexcept;

/** The first session sample at which a movie frame is shown. [[any thread]] */
core::SamplePosition sessionPositionOfMovieFrame (int64_t movieFrame, const MoviePlacement& placement) noexcept;

bool isInMovie (int64_t movieFrame, const MoviePlacement& placement) noexcept;
} // namespace sprocket::video
