#include "video/MovieTimeline.h"

namespace sprocket::video
{
bool hasSessionPictureRate (const MovieInfo& movie, core::FrameRate sessionRate) noexcept
{
    const auto session = core::frameRatio (sessionRate);
    return movie.frameRatio.numerator * session.denominator == session.numerator * movie.frameRatio.denominator;
}

core::Result<MoviePlacement> placeMovie (const MovieInfo& movie, core::FrameRate sessionRate, int64_t sampleRate,
                                         const core::Timecode& sessionStart, const PlacementOptions& options)
{
    if (! options.conform && ! hasSessionPictureRate (movie, sessionRate))
        return core::makeError (movie.path.string() + ": the movie runs at " + movie.frameRateText() + " fps and the session at "
                                + std::string (core::frameRateName (sessionRate))
                                + " fps; change the session's frame rate, or conform the movie to the session's rate");

    MoviePlacement placement;
    placement.sessionRate = sessionRate;
    placement.sampleRate = sampleRate;
    placement.sessionStartFrame = core::frameCountFromTimecode (sessionStart, sessionRate);
    placement.offsetFrames = options.offsetFrames;
    placement.movieFrameCount = movie.frameCount;
    if (options.startTimecode)
        placement.movieStartFrame = core::frameCountFromTimecode (*options.startTimecode, sessionRate);
    else if (movie.startTimecode && movie.frameRate)
        placement.movieStartFrame =
            options.conform
                ? core::frameCountFromTimecode (core::relabelTimecode (*movie.startTimecode, sessionRate), sessionRate)
                : core::frameCountFromTimecode (*movie.startTimecode, *movie.frameRate);
    else
        placement.movieStartFrame = placement.sessionStartFrame;
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
