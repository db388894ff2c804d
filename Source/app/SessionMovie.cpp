#include "SessionMovie.h"

namespace sprocket::app
{
core::Result<video::MoviePlacement> placeSessionMovie (const video::MovieInfo& movie, const session::Session& session,
                                                       bool forDisplay)
{
    video::PlacementOptions options;
    if (session.video)
    {
        options.startTimecode = session.video->startTimecode;
        options.offsetFrames = forDisplay ? session.video->offsetFrames : 0;
        options.conform = session.video->conform;
    }
    return video::placeMovie (movie, session.frameRate, session.sampleRate, session.startTimecode, options);
}
} // namespace sprocket::app
