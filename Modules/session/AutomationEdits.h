#pragma once

#include "core/Error.h"
#include "session/Automation.h"
#include "session/AutomationMode.h"
#include "session/SessionEditor.h"
#include "session/StripRef.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sprocket::session
{
/** The breakpoint editor's edits. The lane functions are pure: each takes a lane and returns the
    edited one (still in time order), so a drag can preview them on a copy; setAutomationLane
    then stores the result as one undoable step. [[message thread]] */

/** Adds `point`; a point already at that position (not a step) takes its value instead.
    `index` (optional) receives where the point ended up. */
AutomationLane withPointAdded (const AutomationLane& lane, AutomationPoint point, size_t* index = nullptr);

/** Moves point `index` to `to`, kept between its neighbours' positions (a point cannot pass
    another) and at or after sample 0. Values are the caller's to clamp. */
AutomationLane withPointMoved (const AutomationLane& lane, size_t index, AutomationPoint to);

/** Without point `index`. */
AutomationLane withPointRemoved (const AutomationLane& lane, size_t index);

/** Without the points inside [start, end): anchors at both ends keep the lane outside the
    range as it was, and the line runs straight between them (Pro Tools' delete in a selection). */
AutomationLane withRangeCleared (const AutomationLane& lane, int64_t start, int64_t end);

/** A freehand stroke (points in time order) replacing the lane between its first and last
    position; the line steps from the old lane to the stroke and back at its ends. */
AutomationLane withStrokeDrawn (const AutomationLane& lane, const AutomationLane& stroke);

/** Thins the points inside [start, end) to `tolerance` (AutomationThinning), leaving the
    points outside and the first and last inside where they are. */
AutomationLane withRangeThinned (const AutomationLane& lane, int64_t start, int64_t end, double tolerance);

/** The lane `key` of a track or bus (null when it has none). */
const AutomationLane* findLane (const Session& session, const StripRef& strip, const std::string& key);

/** Stores `lane` as the strip's lane `key` (an empty lane removes it, so the static value plays
    again). Refused, changing nothing, when the strip has no such parameter, a position is
    negative or earlier than the one before, a value is not finite or outside the parameter's
    range, or three points share a position. */
core::Status setAutomationLane (SessionEditor&, const StripRef& strip, const std::string& key, AutomationLane lane);

/** A lane of one strip, for edits that store several at once (a writing pass, thinning). */
struct StripLane
{
    StripRef strip;
    std::string key;
    AutomationLane lane;
};

/** setAutomationLane for each, all or nothing (the first refusal is the error). */
core::Status setAutomationLanes (SessionEditor&, const std::vector<StripLane>& lanes);

/** A track's or bus's automation mode (nullopt for the master or a strip that is not there). */
std::optional<AutomationMode> automationModeOf (const Session& session, const StripRef& strip);

/** The strip's automation mode (Pro Tools' off / read / touch / latch / write / trim). */
core::Status setAutomationMode (SessionEditor&, const StripRef& strip, AutomationMode mode);
} // namespace sprocket::session
