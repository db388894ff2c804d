#pragma once

#include "session/Automation.h"

namespace sprocket::session
{
/** Drops breakpoints that a straight line between the points kept around them reproduces to
    within `tolerance` (in the lane's unit), so a control written for 30 s at one point per
    sample (1,440,000 at 48 kHz) keeps only the points where its line bends. Points connect
    linearly, so the error between two kept points is largest at a dropped point: checking those
    bounds it everywhere. The first and last points are always kept, and so are both points of a
    step.

    Douglas-Peucker on the value error: a run of points is replaced by the line from its first to
    its last point unless some point strays further than `tolerance` from it; then the run is split
    at the point that strays most, and each half is tried again. Splitting at the worst point puts
    the kept points on the real corners of a gesture (where a move starts and stops), which a
    one-pass greedy thinning would round off by up to the tolerance. Typically O(n log n); the
    splits are kept on an explicit stack, so no input can exhaust the call stack. [[any thread]] */
AutomationLane thinAutomation (const AutomationLane& points, double tolerance);
} // namespace sprocket::session
