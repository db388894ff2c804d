#include "session/Automation.h"

#include <algorithm>

namespace sprocket::session
{
double automationValueAt (const AutomationLane& lane, int64_t position, double fallback) noexcept
{
    if (lane.empty())
        return fallback;
    // The first point after `position`: the segment runs from the one before it.
    auto next = std::upper_bound (lane.begin(), lane.end(), position,
                                  [] (int64_t p, const AutomationPoint& point) { return p < point.position; });
    if (next == lane.begin())
        return lane.front().value;
    if (next == lane.end())
        return lane.back().value;
    const auto& before = *(next - 1);
    const double t = double (position - before.position) / double (next->position - before.position);
    return before.value + (next->value - before.value) * t;
}
} // namespace sprocket::session
