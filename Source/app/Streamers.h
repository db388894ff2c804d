#pragma once

#include "session/Session.h"

#include <optional>
#include <string>

namespace sprocket::app
{
/** The cue an ADR actor or a conductor watches for: a vertical line that sweeps across the
    picture from left to right over `streamerFrames` frames and reaches the right edge on the
    cue's first frame, then a punch (a flash) for `punchFrames` frames. Cues are the ADR cues'
    ins and the music cues' starts. */
struct StreamerSettings
{
    int streamerFrames = 0; // 0: two seconds of frames at the session rate (48 at 24 fps)
    int punchFrames = 2;
};

struct Streamer
{
    double progress = 0.0; // 0 at the left edge, 1 at the cue
    bool punch = false;    // the cue's own frames: flash
    std::string cue;       // "ADR 101", "1M2"
};

/** The streamer (or punch) on screen at a timeline position, if any; when two overlap, the cue
    that comes first. */
std::optional<Streamer> streamerAt (const session::Session& session, int64_t position, const StreamerSettings& settings = {});
} // namespace sprocket::app
