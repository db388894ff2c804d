#pragma once

#include "core/Error.h"
#include "core/SampleTime.h"
#include "core/Timecode.h"
#include "session/Session.h"

namespace sprocket::session
{
/** The session's timecode grid on the timeline (sample 0 is the start timecode). Frame
    boundaries follow the absolute timecode, so at 23.976 or 29.97 they fall on the same
    samples in every session that shares a rate. */

/** The nearest frame boundary to `position`. */
core::SamplePosition snapToFrame (const Session& session, core::SamplePosition position);

/** `position` moved by `frames` frames, keeping its offset inside the frame. */
core::SamplePosition nudgeByFrames (const Session& session, core::SamplePosition position, int64_t frames);

/** Where a timecode falls on the timeline; an error when it is before the session start. */
core::Result<core::SamplePosition> timelinePosition (const Session& session, const core::Timecode& timecode);

/** A timeline position as timecode (the frame it lies in). */
core::Timecode timecodeAt (const Session& session, core::SamplePosition position);

/** The session start as session-rate samples since midnight (BWF time reference). */
int64_t sessionStartSinceMidnight (const Session& session);
} // namespace sprocket::session
