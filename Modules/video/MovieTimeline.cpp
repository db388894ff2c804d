#include "video/MovieTimeline.h"

namespace sprocket::video
{
core::Result<MoviePlacement> placeMovie (const MovieInfo& movie, core::FrameRate sessionRate, int64_t sampleRate,
                                         const core::Timecode& sessionStart, int64_t offsetFrames)
{
    const auto session = core::frameRatio (sessionRate);
    const bool sameRate = movie.frameRatio.numerator * session.denominator == session.numerator * movie.frameRatio.denominator;
    if (! sameRate)
        return core::makeError (movie.path.string() + ": the movie runs at " + movie.frameRateText() + " fps and the session at "
                                + std::string (core::frameRateName (sessionRate))
                                + " fps; convert the movie or change the session's frame rate");

    MoviePlacement placement;
    placement.sessionRate = sessionRate;
    placement.sampleRate = sampleRate;
    placement.sessionStartFrame = core::frameCountFromTimecode (sessionStart, sessionRate);
    placement.offsetFrames = offsetFrames;
    placement.movieFrameCount = movie.frameCount;
    placement.movieStartFrame = movie.startTimecode && movie.frameRate
                                    ? core::frameCountFromTimecode (*movie.startTimecode, *movie.frameRate)
                                    : placement.sessionStartFrame;
    return placement;
}

int64_t movieFrameAt (core::SamplePosition position, const MoviePlacement& placement) noexcept
{
    const int64_t sessionFrame =
        placement.sessionStartFrame + core::frameCountFromSamples (position.samples, placement.sessionRate, placement.sampleRate);
    return sessionFrame - placement.movieStartFrame - placement.offsetFrames;
}

core::SamplePosition sessionPositionOfMovieFrame (int64_t movieFrame, const MoviePlacement& placement) noexcept
{
    const int64_t sessionFrame = movieFrame + placement.movieStartFrame + placement.offsetFrames - placement.sessionStartFrame;
    return { core::samplesFromFrameCount (sessionFrame, placement.sessionRate, placement.sampleRate) };
}

bool isInMovie (int64_t movieFrame, const MoviePlacement& placement) noexcept
{
    return movieFrame >= 0 && movieFrame < placement.movieFrameCount;
}
} // namespace sprocket::video
