#include "session/AutomationThinning.h"

#include <cmath>
#include <utility>

namespace sprocket::session
{
namespace
{
    /** Marks in `keep` the points of points[first..last] (strictly increasing positions) that
        the tolerance needs; first and last are kept by the caller. */
    void markBends (const AutomationLane& points, size_t first, size_t last, double tolerance, std::vector<bool>& keep)
    {
        std::vector<std::pair<size_t, size_t>> runs { { first, last } };
        while (! runs.empty())
        {
            const auto [from, to] = runs.back();
            runs.pop_back();
            const auto& a = points[from];
            const auto& b = points[to];
            const double slope = (b.value - a.value) / double (b.position - a.position);
            double worst = tolerance;
            size_t split = from;
            for (size_t i = from + 1; i < to; ++i)
            {
                const double error = std::abs (a.value + slope * double (points[i].position - a.position) - points[i].value);
                if (error > worst)
                {
                    worst = error;
                    split = i;
                }
            }
            if (split == from)
                continue; // the line fits every point between
            keep[split] = true;
            runs.push_back ({ from, split });
            runs.push_back ({ split, to });
        }
    }
} // namespace

AutomationLane thinAutomation (const AutomationLane& points, double tolerance)
{
    if (points.size() <= 2)
        return points;

    // Steps cut the lane into runs of rising positions; each run is thinned on its own and
    // keeps its ends, so both points of every step stay.
    std::vector<bool> keep (points.size(), false);
    size_t runStart = 0;
    for (size_t i = 1; i <= points.size(); ++i)
    {
        if (i < points.size() && points[i].position != points[i - 1].position)
            continue;
        keep[runStart] = keep[i - 1] = true;
        if (i - 1 > runStart + 1)
            markBends (points, runStart, i - 1, tolerance, keep);
        runStart = i;
    }

    AutomationLane kept;
    for (size_t i = 0; i < points.size(); ++i)
        if (keep[i])
            kept.push_back (points[i]);
    return kept;
}
} // namespace sprocket::session
