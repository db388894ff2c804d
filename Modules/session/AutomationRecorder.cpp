#include "session/AutomationRecorder.h"

#include "session/AutomationThinning.h"

#include <algorithm>

namespace sprocket::session
{
namespace
{
    /** The value the lane arrives at `position` with: at a step, the value before the jump. */
    double arrivingValue (const AutomationLane& lane, int64_t position, double fallback)
    {
        auto at = std::lower_bound (lane.begin(), lane.end(), position,
                                    [] (const AutomationPoint& point, int64_t p) { return point.position < p; });
        if (at == lane.end() || at->position > position)
            return automationValueAt (lane, position, fallback);
        return at->value;
    }

    /** Drops repeated points and keeps only the first and last of points sharing a position. */
    AutomationLane tidy (const AutomationLane& lane)
    {
        AutomationLane result;
        for (const auto& point : lane)
        {
            if (! result.empty() && result.back() == point)
                continue;
            const size_t n = result.size();
            if (n >= 2 && result[n - 1].position == point.position && result[n - 2].position == point.position)
                result.back() = point;
            else
                result.push_back (point);
        }
        return result;
    }

    bool writesOffsets (AutomationMode mode)
    {
        return mode == AutomationMode::trim;
    }
} // namespace

AutomationRecorder::AutomationRecorder (AutomationLane existingLane, AutomationMode recordMode, AutomationTarget recordTarget)
    : existing (std::move (existingLane)), mode (recordMode), target (recordTarget)
{
}

int64_t AutomationRecorder::forward (int64_t position)
{
    latest = std::max (latest, position);
    return latest;
}

void AutomationRecorder::start (int64_t position, double controlValue)
{
    latest = position;
    if (mode == AutomationMode::write)
        openSpan (position, controlValue);
}

void AutomationRecorder::touch (int64_t position, double value)
{
    position = forward (position);
    const bool writes = mode == AutomationMode::touch || mode == AutomationMode::latch || mode == AutomationMode::trim
                        || mode == AutomationMode::write;
    if (! writes)
        return;
    if (writing)
        addPoint (position, value);
    else
        openSpan (position, value);
}

void AutomationRecorder::move (int64_t position, double value)
{
    touch (position, value);
}

void AutomationRecorder::release (int64_t position)
{
    position = forward (position);
    if (writing && (mode == AutomationMode::touch || mode == AutomationMode::trim))
        closeSpan (position, true);
}

void AutomationRecorder::openSpan (int64_t position, double value)
{
    spans.push_back ({});
    writing = true;
    addPoint (position, value);
}

void AutomationRecorder::addPoint (int64_t position, double value)
{
    if (! writesOffsets (mode))
        value = std::clamp (value, target.minimum, target.maximum);
    auto& points = spans.back().points;
    if (! points.empty() && points.back().position == position)
        points.back().value = value; // one value per position: the latest event wins
    else
        points.push_back ({ position, value });
}

void AutomationRecorder::closeSpan (int64_t position, bool glides)
{
    addPoint (position, spans.back().points.back().value); // the control held its last value until now
    spans.back().glides = glides;
    writing = false;
}

AutomationLane AutomationRecorder::stop (int64_t position)
{
    position = forward (position);
    if (writing)
        closeSpan (position, false);
    if (mode == AutomationMode::off || mode == AutomationMode::read || spans.empty())
        return existing;

    AutomationLane lane = existing;
    for (const auto& span : spans)
    {
        auto written = thinAutomation (span.points, target.tolerance);
        const auto end = written.back();
        if (span.glides && target.autoMatchSamples > 0 && position > end.position)
        {
            // AutoMatch: a straight line back to the existing automation (an offset of 0 in trim),
            // cut short where the transport stopped.
            const int64_t glideEnd = end.position + target.autoMatchSamples;
            const double goal = writesOffsets (mode) ? 0.0 : automationValueAt (lane, glideEnd, target.staticValue);
            if (glideEnd <= position)
                written.push_back ({ glideEnd, goal });
            else
                written.push_back (
                    { position,
                      end.value + (goal - end.value) * double (position - end.position) / double (target.autoMatchSamples) });
        }
        if (writesOffsets (mode))
            written = trimmedSpan (written, lane);
        lane = splice (lane, written);
    }
    return tidy (lane);
}

AutomationLane AutomationRecorder::trimmedSpan (const AutomationLane& offsets, const AutomationLane& lane) const
{
    // The sum of two straight-line curves bends only where one of them does: at the offset's
    // points and at the existing lane's points inside the span (both points of a step).
    AutomationLane sum;
    const auto add = [&] (int64_t position, double laneValue) {
        const double offset = automationValueAt (offsets, position, 0.0);
        sum.push_back ({ position, std::clamp (laneValue + offset, target.minimum, target.maximum) });
    };
    auto existingPoint = std::lower_bound (lane.begin(), lane.end(), offsets.front().position,
                                           [] (const AutomationPoint& point, int64_t p) { return point.position < p; });
    for (const auto& knot : offsets)
    {
        for (; existingPoint != lane.end() && existingPoint->position < knot.position; ++existingPoint)
            add (existingPoint->position, existingPoint->value);
        if (existingPoint == lane.end() || existingPoint->position != knot.position)
            add (knot.position, automationValueAt (lane, knot.position, target.staticValue));
        for (; existingPoint != lane.end() && existingPoint->position == knot.position; ++existingPoint)
            add (existingPoint->position, existingPoint->value);
    }
    return sum;
}

AutomationLane AutomationRecorder::splice (const AutomationLane& lane, const AutomationLane& written) const
{
    // Replaces the lane over the written span: unchanged before it (a point where the span starts
    // pins the old line there), the written points, then a step back to the lane's value where
    // the span ends, and the lane from there on.
    const int64_t first = written.front().position;
    const int64_t last = written.back().position;
    AutomationLane result;
    for (const auto& point : lane)
        if (point.position < first)
            result.push_back (point);
    result.push_back ({ first, arrivingValue (lane, first, target.staticValue) });
    result.insert (result.end(), written.begin(), written.end());
    result.push_back ({ last, automationValueAt (lane, last, target.staticValue) });
    for (const auto& point : lane)
        if (point.position > last)
            result.push_back (point);
    return tidy (result);
}
} // namespace sprocket::session
