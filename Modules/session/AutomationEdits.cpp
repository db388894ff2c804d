#include "session/AutomationEdits.h"

#include "session/AutomationParameters.h"
#include "session/AutomationThinning.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sprocket::session
{
using core::makeError;
using core::Status;

namespace
{
    bool earlier (const AutomationPoint& a, const AutomationPoint& b)
    {
        return a.position < b.position;
    }

    /** The value the lane arrives at `position` with from the left: at a step, the first
        point's value (automationValueAt gives the one after the jump). */
    double valueArriving (const AutomationLane& lane, int64_t position)
    {
        const auto after = std::lower_bound (lane.begin(), lane.end(), AutomationPoint { position, 0.0 }, earlier);
        if (after == lane.begin())
            return lane.front().value;
        if (after == lane.end())
            return lane.back().value;
        const auto& a = *(after - 1);
        const auto& b = *after;
        const double t = double (position - a.position) / double (b.position - a.position);
        return a.value + (b.value - a.value) * t;
    }

    /** The lane's points before `start`, then `middle`, then its points from `end` on. */
    AutomationLane spliced (const AutomationLane& lane, int64_t start, const AutomationLane& middle, int64_t end,
                            bool endInclusive)
    {
        AutomationLane result;
        for (auto& point : lane)
            if (point.position < start)
                result.push_back (point);
        result.insert (result.end(), middle.begin(), middle.end());
        for (auto& point : lane)
            if (endInclusive ? point.position > end : point.position >= end)
                result.push_back (point);
        return result;
    }

    /** The automation and the mode of a track or bus, from the editor (recorded) or null. */
    struct StripLanes
    {
        Automation* automation = nullptr;
        AutomationMode* mode = nullptr;
    };

    StripLanes lanesOf (SessionEditor& editor, const StripRef& strip)
    {
        if (strip.kind == StripRef::Kind::track)
            if (auto* track = editor.track (strip.id))
                return { &track->automation, &track->automationMode };
        if (strip.kind == StripRef::Kind::bus)
        {
            // Looked up before the list is asked for, so a missing bus records nothing.
            const auto& buses = editor.session().buses;
            const auto known = std::find_if (buses.begin(), buses.end(), [&] (auto& b) { return b.id == strip.id; });
            if (known != buses.end())
            {
                auto& bus = editor.buses()[size_t (known - buses.begin())];
                return { &bus.automation, &bus.automationMode };
            }
        }
        return {};
    }

    std::string describe (const StripRef& strip)
    {
        switch (strip.kind)
        {
            case StripRef::Kind::track: return "track '" + strip.id + "'";
            case StripRef::Kind::bus: return "bus '" + strip.id + "'";
            case StripRef::Kind::vca: return "VCA '" + strip.id + "'";
            case StripRef::Kind::master: break;
        }
        return "the master";
    }
} // namespace

AutomationLane withPointAdded (const AutomationLane& lane, AutomationPoint point, size_t* index)
{
    auto result = lane;
    auto at = std::upper_bound (result.begin(), result.end(), point, earlier);
    if (at != result.begin() && (at - 1)->position == point.position)
        (at - 1)->value = point.value; // a point is there already (the later of a step): it takes the value
    else
        at = result.insert (at, point) + 1;
    if (index != nullptr)
        *index = size_t (at - result.begin()) - 1;
    return result;
}

AutomationLane withPointMoved (const AutomationLane& lane, size_t index, AutomationPoint to)
{
    if (index >= lane.size())
        return lane;
    int64_t lowest = 0;
    int64_t highest = std::numeric_limits<int64_t>::max();
    if (index > 0)
    {
        lowest = lane[index - 1].position;
        // A neighbour that is half of a step already: meeting it would make three at one position.
        if (index > 1 && lane[index - 2].position == lowest)
            ++lowest;
    }
    if (index + 1 < lane.size())
    {
        highest = lane[index + 1].position;
        if (index + 2 < lane.size() && lane[index + 2].position == highest)
            --highest;
    }
    auto result = lane;
    result[index] = { std::clamp (to.position, lowest, std::max (lowest, highest)), to.value };
    return result;
}

AutomationLane withPointRemoved (const AutomationLane& lane, size_t index)
{
    auto result = lane;
    if (index < result.size())
        result.erase (result.begin() + std::ptrdiff_t (index));
    return result;
}

AutomationLane withRangeCleared (const AutomationLane& lane, int64_t start, int64_t end)
{
    if (lane.empty() || end <= start)
        return lane;
    AutomationLane anchors { { start, valueArriving (lane, start) } };
    const bool pointAtEnd = std::any_of (lane.begin(), lane.end(), [end] (auto& p) { return p.position == end; });
    if (! pointAtEnd)
        anchors.push_back ({ end, automationValueAt (lane, end) });
    return spliced (lane, start, anchors, end, false);
}

AutomationLane withStrokeDrawn (const AutomationLane& lane, const AutomationLane& stroke)
{
    if (stroke.empty())
        return lane;
    if (lane.empty())
        return stroke;
    const auto start = stroke.front().position;
    const auto end = stroke.back().position;
    AutomationLane middle;
    // Where the stroke begins and ends off the old line, the lane jumps there (a step).
    if (const double before = valueArriving (lane, start); before != stroke.front().value)
        middle.push_back ({ start, before });
    middle.insert (middle.end(), stroke.begin(), stroke.end());
    if (const double after = automationValueAt (lane, end); after != stroke.back().value)
        middle.push_back ({ end, after });
    return spliced (lane, start, middle, end, true);
}

AutomationLane withRangeThinned (const AutomationLane& lane, int64_t start, int64_t end, double tolerance)
{
    AutomationLane inside;
    for (auto& point : lane)
        if (point.position >= start && point.position < end)
            inside.push_back (point);
    if (inside.size() < 3)
        return lane;
    return spliced (lane, start, thinAutomation (inside, tolerance), end, false);
}

const AutomationLane* findLane (const Session& session, const StripRef& strip, const std::string& key)
{
    const Automation* automation = nullptr;
    if (strip.kind == StripRef::Kind::track)
    {
        for (auto& track : session.tracks)
            if (track.id == strip.id)
                automation = &track.automation;
    }
    else if (const auto* bus = strip.kind == StripRef::Kind::bus ? session.findBus (strip.id) : nullptr)
        automation = &bus->automation;
    if (automation == nullptr)
        return nullptr;
    const auto lane = automation->find (key);
    return lane != automation->end() ? &lane->second : nullptr;
}

Status setAutomationLane (SessionEditor& editor, const StripRef& strip, const std::string& key, AutomationLane lane)
{
    const auto parameter = findAutomatableParameter (editor.session(), strip, key);
    if (! parameter)
        return makeError (describe (strip) + " has no automatable parameter '" + key + "'");
    for (size_t i = 0; i < lane.size(); ++i)
    {
        const auto& point = lane[i];
        const auto where = "automation '" + key + "' of " + describe (strip) + ", point " + std::to_string (i) + ": ";
        if (point.position < 0)
            return makeError (where + "position " + std::to_string (point.position) + " is before the session start");
        if (i > 0 && point.position < lane[i - 1].position)
            return makeError (where + "position " + std::to_string (point.position) + " is earlier than the point before it");
        if (i > 1 && point.position == lane[i - 2].position)
            return makeError (where + "a third point at position " + std::to_string (point.position));
        if (! std::isfinite (point.value) || point.value < parameter->minimum || point.value > parameter->maximum)
            return makeError (where + "value " + std::to_string (point.value) + " is outside "
                              + std::to_string (parameter->minimum) + " .. " + std::to_string (parameter->maximum));
    }
    auto lanes = lanesOf (editor, strip);
    if (lanes.automation == nullptr)
        return makeError ("there is no " + describe (strip));
    if (lane.empty())
        lanes.automation->erase (key);
    else
        (*lanes.automation)[key] = std::move (lane);
    return {};
}

Status setAutomationLanes (SessionEditor& editor, const std::vector<StripLane>& lanes)
{
    // A refusal part-way leaves earlier lanes set: EditHistory rolls a failed edit back.
    for (auto& lane : lanes)
        if (auto status = setAutomationLane (editor, lane.strip, lane.key, lane.lane); ! status.ok())
            return status;
    return {};
}

std::optional<AutomationMode> automationModeOf (const Session& session, const StripRef& strip)
{
    if (strip.kind == StripRef::Kind::track)
        for (auto& track : session.tracks)
            if (track.id == strip.id)
                return track.automationMode;
    if (strip.kind == StripRef::Kind::bus)
        if (const auto* bus = session.findBus (strip.id))
            return bus->automationMode;
    return std::nullopt;
}

Status setAutomationMode (SessionEditor& editor, const StripRef& strip, AutomationMode mode)
{
    auto lanes = lanesOf (editor, strip);
    if (lanes.mode == nullptr)
        return makeError ("there is no " + describe (strip) + " to set an automation mode on");
    *lanes.mode = mode;
    return {};
}
} // namespace sprocket::session
