#include "session/AutomationRipple.h"

#include <algorithm>

namespace sprocket::session
{
namespace
{
    /** The value arriving at `position` from the left: at a step, its first point. */
    double valueArriving (const AutomationLane& lane, int64_t position)
    {
        auto first = std::lower_bound (lane.begin(), lane.end(), position,
                                       [] (const AutomationPoint& point, int64_t p) { return point.position < p; });
        if (first == lane.begin())
            return lane.front().value;
        if (first == lane.end())
            return lane.back().value;
        const auto& before = *(first - 1);
        const double t = double (position - before.position) / double (first->position - before.position);
        return before.value + (first->value - before.value) * t;
    }

    /** Runs of points at one position keep their first and last (what arrives and what
        leaves); a second point of a run with the first one's value goes. */
    AutomationLane tidy (const AutomationLane& points)
    {
        AutomationLane out;
        for (size_t i = 0; i < points.size();)
        {
            size_t j = i;
            while (j + 1 < points.size() && points[j + 1].position == points[i].position)
                ++j;
            out.push_back (points[i]);
            if (j > i && points[j].value != points[i].value)
                out.push_back (points[j]);
            i = j + 1;
        }
        return out;
    }
} // namespace

AutomationLane laneWithTimeRemoved (const AutomationLane& lane, int64_t start, int64_t end)
{
    if (lane.empty() || end <= start || lane.back().position < start)
        return lane; // nothing at or after the removed time: the line is unchanged
    AutomationLane out;
    for (auto& point : lane)
        if (point.position < start)
            out.push_back (point);
    out.push_back ({ start, valueArriving (lane, start) });
    out.push_back ({ start, automationValueAt (lane, end) });
    for (auto& point : lane)
        if (point.position >= end)
            out.push_back ({ point.position - (end - start), point.value });
    return tidy (out);
}

AutomationLane laneWithTimeInserted (const AutomationLane& lane, int64_t at, int64_t length, const AutomationLane* piece)
{
    const bool hasPiece = piece != nullptr && ! piece->empty();
    if (length <= 0 || lane.empty() || (! hasPiece && lane.back().position < at))
        return lane;
    AutomationLane out;
    for (auto& point : lane)
        if (point.position < at)
            out.push_back (point);
    const double arriving = valueArriving (lane, at);
    out.push_back ({ at, arriving });
    if (hasPiece)
        for (auto& point : *piece)
            out.push_back ({ at + std::clamp<int64_t> (point.position, 0, length), point.value });
    else
        out.push_back ({ at + length, arriving });
    out.push_back ({ at + length, automationValueAt (lane, at) });
    for (auto& point : lane)
        if (point.position >= at)
            out.push_back ({ point.position + length, point.value });
    return tidy (out);
}

AutomationLane lanePiece (const AutomationLane& lane, int64_t start, int64_t end)
{
    if (lane.empty() || end <= start)
        return {};
    AutomationLane out { { 0, automationValueAt (lane, start) } };
    for (auto& point : lane)
        if (point.position > start && point.position < end)
            out.push_back ({ point.position - start, point.value });
    out.push_back ({ end - start, valueArriving (lane, end) });
    return tidy (out);
}
} // namespace sprocket::session
