#pragma once

#include "session/Problems.h"
#include "session/Session.h"

namespace sprocket::session
{
/** Checks the session against the disk: every media file exists and is readable audio, its
    channel count matches the tracks that use it, and every clip lies inside its media
    (source_offset + length within the file's length at the session rate). [[not audio thread]] */
Problems checkMedia (const Session& session);

/** A media file's length in session-rate samples (what a resampling reader presents). */
int64_t lengthAtSessionRate (int64_t frames, int64_t mediaRate, int64_t sessionRate) noexcept;
} // namespace sprocket::session
