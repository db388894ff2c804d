#pragma once

#include "EditController.h"
#include "TimelineComponent.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <string>

namespace sprocket::app
{
/** The mouse on the playlists view's alternate lanes (TimelineGestures hands the presses over):
      - drag on a lane: selects a range on that lane (snapped in grid mode);
      - its S: auditions the lane (plays it in place of the main playlist) or stops auditioning;
      - its ▲: Copy Selection to Main Playlist, one undoable step (EditController).
    [[message thread]] */
class AlternateLaneGestures
{
public:
    AlternateLaneGestures (TimelineComponent& timeline, EditController& controller);

    void mouseDown (const juce::MouseEvent& e, const TimelineComponent::Hit& hit);
    void mouseDrag (const juce::MouseEvent& e);
    void mouseUp (const juce::MouseEvent& e);
    bool isDragging() const noexcept { return dragging; }

    /** An audition started or stopped: what plays must be posted again. */
    std::function<void()> onAuditionChanged;
    std::function<void (const std::string& message)> onProblem;

private:
    void extendTo (float x);

    TimelineComponent& timeline;
    EditController& controller;
    bool dragging = false;
    TimelineComponent::AlternateSelection pressed;
    int64_t anchor = 0;
};
} // namespace sprocket::app
