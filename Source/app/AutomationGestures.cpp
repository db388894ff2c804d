#include "AutomationGestures.h"

#include "AutomationLanePainter.h"

#include "session/AutomationEdits.h"

#include <algorithm>
#include <cmath>

namespace sprocket::app
{
using Part = TimelineComponent::Hit::Part;

AutomationGestures::AutomationGestures (TimelineComponent& timelineToUse, EditController& controllerToUse)
    : timeline (timelineToUse), controller (controllerToUse)
{
}

double AutomationGestures::toleranceFor (const session::AutomatableParameter& p)
{
    return p.unit == "dB" ? 0.1 : (p.maximum - p.minimum) / 1000.0;
}

session::AutomationPoint AutomationGestures::pointAt (juce::Point<float> position) const
{
    const auto sample = std::max<int64_t> (0, int64_t (std::llround (timeline.getScale().sampleForX (position.x))));
    const double value = AutomationLanePainter::valueForY (parameter, position.y, timeline.getAutomationArea (trackIndex));
    return { controller.place ({ sample }).samples, std::clamp (value, parameter.minimum, parameter.maximum) };
}

void AutomationGestures::mouseDown (const juce::MouseEvent& event, const TimelineComponent::Hit& hit)
{
    drag = Drag::none;
    changed = false;
    auto* document = controller.getDocument();
    if (document == nullptr || hit.track < 0 || size_t (hit.track) >= document->session().tracks.size())
        return;
    const auto& session = document->session();
    trackIndex = size_t (hit.track);
    trackId = session.tracks[trackIndex].id;
    key = timeline.automationViewOf (trackId);
    const auto strip = session::StripRef::track (trackId);
    const auto found = session::findAutomatableParameter (session, strip, key);
    if (! found)
        return;
    parameter = *found;
    const auto* lane = session::findLane (session, strip, key);
    original = lane != nullptr ? *lane : session::AutomationLane {};
    const auto e = event.getEventRelativeTo (&timeline);

    if (hit.part == Part::automationPoint && e.mods.isAltDown())
    {
        edited = session::withPointRemoved (original, size_t (hit.point));
        editName = "Delete Breakpoint";
        store();
        return;
    }
    if (hit.part == Part::automationPoint)
    {
        drag = Drag::point;
        base = edited = original;
        pointIndex = size_t (hit.point);
        editName = "Move Breakpoint";
        return;
    }
    if (e.mods.isCommandDown())
    {
        drag = Drag::stroke;
        stroke = { pointAt (e.position) };
        editName = "Draw Automation";
        return;
    }
    // A new breakpoint; an empty lane first gets the static value at the session start.
    const auto start = original.empty() ? session::AutomationLane { { 0, parameter.staticValue } } : original;
    base = edited = session::withPointAdded (start, pointAt (e.position), &pointIndex);
    drag = Drag::point;
    changed = true;
    editName = "Add Breakpoint";
    preview();
}

void AutomationGestures::mouseDrag (const juce::MouseEvent& event)
{
    if (drag == Drag::none)
        return;
    const auto e = event.getEventRelativeTo (&timeline);
    auto at = pointAt (e.position);
    if (drag == Drag::point)
    {
        if (e.mods.isShiftDown() && pointIndex < base.size())
            at.position = base[pointIndex].position; // value only
        edited = session::withPointMoved (base, pointIndex, at);
        changed = changed || edited != original;
    }
    else if (at.position > stroke.back().position)
    {
        stroke.push_back (at); // a stroke runs forward in time; going back adds nothing
        edited = session::withStrokeDrawn (original, stroke);
        changed = stroke.size() > 1;
    }
    preview();
}

void AutomationGestures::mouseUp (const juce::MouseEvent&)
{
    if (drag == Drag::none)
        return;
    if (drag == Drag::stroke && stroke.size() > 1)
        edited =
            session::withStrokeDrawn (original, session::withRangeThinned (stroke, stroke.front().position,
                                                                           stroke.back().position + 1, toleranceFor (parameter)));
    drag = Drag::none;
    timeline.setPreview (std::nullopt);
    if (changed)
        store();
}

void AutomationGestures::preview()
{
    auto copy = controller.getDocument()->session();
    session::SessionEditor editor (copy);
    if (session::setAutomationLane (editor, session::StripRef::track (trackId), key, edited).ok())
        timeline.setPreview (std::move (copy));
}

void AutomationGestures::store()
{
    auto* document = controller.getDocument();
    if (document == nullptr)
        return;
    const auto status =
        document->perform (editName, [strip = session::StripRef::track (trackId), k = key, lane = edited] (
                                         session::SessionEditor& e) { return session::setAutomationLane (e, strip, k, lane); });
    if (! status.ok() && onProblem)
        onProblem (editName + ": " + status.error().message);
}
} // namespace sprocket::app
