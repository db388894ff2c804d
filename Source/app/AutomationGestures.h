#pragma once

#include "EditController.h"
#include "TimelineComponent.h"

#include "session/Automation.h"
#include "session/AutomationParameters.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <string>

namespace sprocket::app
{
/** The mouse on a track shown in an automation view (Pro Tools' grabber and pencil on a
    volume, pan or plug-in lane; docs/SHORTCUTS.md):
      - click on the line or anywhere in the lane: adds a breakpoint there (keep dragging to
        place it); a lane with no breakpoints yet starts with one at the session start holding
        the static value, so the line before the new point is what played before;
      - drag a breakpoint: moves it in time and value, never past its neighbours (shift: value
        only); alt-click a breakpoint: deletes it;
      - ctrl (cmd) drag: draws freehand, replacing the lane under the stroke; the stroke is
        thinned to the parameter's tolerance on release.
    In grid mode positions snap like clip edges. Drags preview on a copy; the release stores the
    lane as one undoable step (session::setAutomationLane). [[message thread]] */
class AutomationGestures
{
public:
    AutomationGestures (TimelineComponent& timeline, EditController& controller);

    /** A press on an automation lane or breakpoint (`hit` from the timeline). */
    void mouseDown (const juce::MouseEvent& event, const TimelineComponent::Hit& hit);
    void mouseDrag (const juce::MouseEvent& event);
    void mouseUp (const juce::MouseEvent& event);
    bool isDragging() const noexcept { return drag != Drag::none; }

    std::function<void (const std::string& message)> onProblem;

    /** How far a drawn stroke may be simplified: 0.1 dB on dB lanes, 1/1000 of the range
        elsewhere (AutomationRecorder's tolerances). */
    static double toleranceFor (const session::AutomatableParameter& parameter);

private:
    enum class Drag
    {
        none,
        point,
        stroke
    };

    session::AutomationPoint pointAt (juce::Point<float> position) const;
    void preview();
    void store();

    TimelineComponent& timeline;
    EditController& controller;

    Drag drag = Drag::none;
    std::string trackId, key, editName;
    size_t trackIndex = 0;
    session::AutomatableParameter parameter;
    session::AutomationLane original; // the lane at the press
    session::AutomationLane base;     // what a point drag starts from (after an added point)
    session::AutomationLane edited;   // what the release stores
    session::AutomationLane stroke;
    size_t pointIndex = 0;
    bool changed = false;
};
} // namespace sprocket::app
