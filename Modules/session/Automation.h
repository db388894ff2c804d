#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sprocket::session
{
/** A breakpoint: at timeline sample `position` the parameter has `value`, in its own unit. */
struct AutomationPoint
{
    int64_t position = 0;
    double value = 0.0;

    bool operator== (const AutomationPoint&) const = default;
};

/** Breakpoints in time order (equal positions make a step). */
using AutomationLane = std::vector<AutomationPoint>;

/** A track's or bus's automation, by parameter: "gain_db", "pan", "mute", "send.<id>.gain_db"
    or "inserts[<n>].<param-id>" (docs/SESSION_FORMAT.md). A lane overrides the static value. */
using Automation = std::map<std::string, AutomationLane>;

/** The lane's value at `position`: linear between the points around it, the first point's value
    before it and the last one's after it. At a step (two points at one position) the later one
    holds from that position on. An empty lane gives `fallback`. */
double automationValueAt (const AutomationLane& lane, int64_t position, double fallback = 0.0) noexcept;
} // namespace sprocket::session
