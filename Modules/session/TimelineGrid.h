#pragma once

#include "core/Error.h"
#include "core/SampleTime.h"
#include "core/Timecode.h"
#include "session/Session.h"

#include <vector>

namespace sprocket::session
{
/** The session's timecode grid on the timeline (sample 0 is the start timecode). Frame
    boundaries follow the absolute timecode, so at 23.976 or 29.97 they fall on the same
    samples in every session that shares a rate. */

/** The nearest frame boundary to `position`. */
core::SamplePosition snapToFrame (const Session& session, core::SamplePosition position);

/** `position` moved by `frames` frames, keeping its offset inside the frame. */
core::SamplePosition nudgeByFrames (const Session& session, core::SamplePosition position, int64_t frames);

/** How far a nudge moves (Pro Tools' Nudge value): whole frames on the timecode grid, a
    fraction of a frame, or a count of samples or milliseconds. */
struct NudgeValue
{
    enum class Unit
    {
        frames,
        frameFraction,
        samples,
        milliseconds
    };
    Unit unit = Unit::frames;
    double amount = 1.0;
    const char* name = "1 frame";
};

/** The nudge values offered, finest first: 1 and 10 samples, 1 and 10 ms, 1/4 and 1/2 frame,
    1 frame (the default) and 5 frames. */
const std::vector<NudgeValue>& nudgeValues();
inline constexpr size_t defaultNudgeIndex = 6;

/** `position` nudged by `value` (`direction` +1 later, -1 earlier). Frames keep the offset
    inside the frame (nudgeByFrames); fractions of a frame are rounded to the sample. */
core::SamplePosition nudgeBy (const Session& session, core::SamplePosition position, const NudgeValue& value, int direction);

/** Where a timecode falls on the timeline; an error when it is before the session start. */
core::Result<core::SamplePosition> timelinePosition (const Session& session, const core::Timecode& timecode);

/** A timeline position as timecode (the frame it lies in). */
core::Timecode timecodeAt (const Session& session, core::SamplePosition position);

/** The session start as session-rate samples since midnight (BWF time reference). */
int64_t sessionStartSinceMidnight (const Session& session);
} // namespace sprocket::session
