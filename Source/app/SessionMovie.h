#pragma once

#include "core/Error.h"
#include "session/Session.h"
#include "video/MovieInfo.h"
#include "video/MovieTimeline.h"

namespace sprocket::app
{
/** Where the session puts its movie: the movie's facts with the session's start timecode for it
    and its conform setting. `forDisplay` adds the display offset, which delays the picture on
    screen but never moves the movie on the timeline (the video track and the flash frame do not
    take it). */
core::Result<video::MoviePlacement> placeSessionMovie (const video::MovieInfo& movie, const session::Session& session,
                                                       bool forDisplay);
} // namespace sprocket::app
