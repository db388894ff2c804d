#pragma once

#include "session/Automation.h"
#include "session/Problems.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sprocket::session
{
/** A breakpoint as it stood in the file, before repair: its index in the lane's array, and its
    value NaN when the file held null (what a NaN is saved as). */
struct RawAutomationPoint
{
    size_t index = 0;
    int64_t position = 0;
    double value = 0.0;
};

/** Turns a lane read from a file into a valid one, and says what it changed: one warning per
    repaired point, located by `lanePath` + "[index]" (docs/SESSION_FORMAT.md, "Automation"):
    - a NaN value: the point is dropped;
    - a negative position: moved to 0;
    - a value outside [minimum, maximum] (infinities too): clamped to the range;
    - a point earlier than one before it: moved to its place (a stable sort, so points at one
      position keep their file order);
    - three or more points at one position: only the first (the value arriving) and the last
      (the value after the jump) make the step; the ones between are dropped.
    Nothing here is an error: the load goes on with the repaired lane. [[any thread]] */
AutomationLane repairAutomationLane (std::vector<RawAutomationPoint> points, double minimum, double maximum,
                                     const std::string& lanePath, Problems& warnings);
} // namespace sprocket::session
