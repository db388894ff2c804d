#pragma once

#include "session/Automation.h"

#include <cstdint>

namespace sprocket::session
{
/** Automation that follows a shuffle edit (Pro Tools' "automation follows edit"): time taken
    out of a track or put into it moves the track's breakpoints with its audio. Each function is
    pure and returns a lane in time order with at most two points at one position (a step), so
    setAutomationLane accepts it. An empty lane stays empty. [[any thread]] */

/** The lane with [start, end) taken out: the points after it move `end - start` earlier, the
    points inside go, and a step at `start` joins the value the lane had there to the value it
    had at `end`, so what plays before and after the removed time is unchanged. */
AutomationLane laneWithTimeRemoved (const AutomationLane& lane, int64_t start, int64_t end);

/** The lane with `length` samples put in at `at`: the points from `at` on move `length` later.
    The new time holds the value the lane had just before `at` (a step at its end back to what
    followed), or plays `piece` (a lanePiece, positions from 0 to `length`) when given. */
AutomationLane laneWithTimeInserted (const AutomationLane& lane, int64_t at, int64_t length,
                                     const AutomationLane* piece = nullptr);

/** What the lane plays over [start, end), as points from 0 to `end - start`: its value at
    `start`, the points inside, and its value arriving at `end`. Empty for an empty lane. */
AutomationLane lanePiece (const AutomationLane& lane, int64_t start, int64_t end);
} // namespace sprocket::session
