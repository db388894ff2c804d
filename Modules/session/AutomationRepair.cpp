#include "session/AutomationRepair.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace sprocket::session
{
namespace
{
    /** Shortest readable form of a value in a message: "-10", "0.5", "inf". */
    std::string numberText (double value)
    {
        std::ostringstream text;
        text << value;
        return text.str();
    }

    std::string pointPath (const std::string& lanePath, size_t index)
    {
        return lanePath + "[" + std::to_string (index) + "]";
    }
} // namespace

AutomationLane repairAutomationLane (std::vector<RawAutomationPoint> points, double minimum, double maximum,
                                     const std::string& lanePath, Problems& warnings)
{
    std::vector<RawAutomationPoint> kept;
    kept.reserve (points.size());
    int64_t latest = 0;
    for (auto point : points)
    {
        const auto at = pointPath (lanePath, point.index);
        if (std::isnan (point.value))
        {
            warnings.push_back ({ at, "value is not a number, point dropped" });
            continue;
        }
        if (point.position < 0)
        {
            warnings.push_back ({ at, "position " + std::to_string (point.position) + " is before 0, moved to 0" });
            point.position = 0;
        }
        if (point.value < minimum || point.value > maximum)
        {
            const double clamped = std::clamp (point.value, minimum, maximum);
            warnings.push_back ({ at, "value " + numberText (point.value) + " is outside " + numberText (minimum) + " .. "
                                          + numberText (maximum) + ", clamped to " + numberText (clamped) });
            point.value = clamped;
        }
        if (! kept.empty() && point.position < latest)
            warnings.push_back ({ at, "out of order (position " + std::to_string (point.position) + " comes after a point at "
                                          + std::to_string (latest) + "), moved" });
        latest = std::max (latest, point.position);
        kept.push_back (point);
    }

    // Stable: points at one position stay in file order, so the last one written is the value
    // after the jump.
    std::stable_sort (kept.begin(), kept.end(),
                      [] (const RawAutomationPoint& a, const RawAutomationPoint& b) { return a.position < b.position; });

    AutomationLane lane;
    lane.reserve (kept.size());
    for (size_t first = 0; first < kept.size();)
    {
        size_t end = first;
        while (end < kept.size() && kept[end].position == kept[first].position)
            ++end;
        lane.push_back ({ kept[first].position, kept[first].value });
        for (size_t i = first + 1; i + 1 < end; ++i)
            warnings.push_back (
                { pointPath (lanePath, kept[i].index), "one of " + std::to_string (end - first) + " points at position "
                                                           + std::to_string (kept[i].position)
                                                           + " (a step keeps only the first and the last), dropped" });
        if (end - first > 1)
            lane.push_back ({ kept[end - 1].position, kept[end - 1].value });
        first = end;
    }
    return lane;
}
} // namespace sprocket::session
