#pragma once

#include "AlternateLaneGestures.h"
#include "AutomationGestures.h"
#include "EditController.h"
#include "TimelineComponent.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sprocket::app
{
/** What the mouse does on the timeline, the Pro Tools way (docs/SHORTCUTS.md lists it all):
      - a clip's body: click selects (shift adds or removes), drag moves (across tracks too;
        shift keeps the time, moving only between tracks), ctrl+alt drag slips the audio inside;
      - a clip's edges: drag trims start or end;
      - the small handles at a clip's top corners: drag sets the fade in or out;
      - the clip-gain line: drag up or down;
      - an empty part of a lane: click puts the edit cursor there (and the playhead, when
        stopped), drag selects a time range across the tracks it covers;
      - the ruler: click locates the playhead;
      - a header's R / S / M and playlist box: record-arm, solo, mute, the playlist menu;
        ctrl+click on S: solo safe; right-click: height and colour menu; double-click: rename; its
        automation view and mode boxes: their menus;
      - a track shown in an automation view: its breakpoints (AutomationGestures);
      - the playlists view's alternate lanes: range, audition, copy to main (AlternateLaneGestures).
    While dragging, the timeline draws the edit applied to a copy of the session (the model's
    own edit function, so limits such as the end of the media show as they will be); releasing
    performs it as one undoable step. The edit mode (EditController::getMode) decides what a move
    and a trim are: in Grid every new position snaps to a frame; in Shuffle a drag moves only the
    grabbed clip and drops it between its track's clips (session::shuffleMoveClip) and a trim
    moves the clips after it; in Spot a click or drag on a clip's body selects it and asks for
    the Spot dialog (onSpotRequest) instead of moving it.
    [[message thread]] */
class TimelineGestures final : public juce::MouseListener
{
public:
    TimelineGestures (TimelineComponent& timeline, EditController& controller);

    void mouseDown (const juce::MouseEvent&) override;
    void mouseDrag (const juce::MouseEvent&) override;
    void mouseUp (const juce::MouseEvent&) override;
    void mouseDoubleClick (const juce::MouseEvent&) override;
    void mouseMove (const juce::MouseEvent&) override;

    /** Clicks that move the playhead (ruler, empty lane). */
    std::function<void (int64_t position)> onLocate;
    /** Double-click on a clip: rename it. */
    std::function<void()> onRenameRequest;
    /** Spot mode: a clip's body was clicked or dragged (it is now the selected clip). */
    std::function<void()> onSpotRequest;
    /** A header's playlist box was clicked. */
    std::function<void (size_t trackIndex, juce::Rectangle<int> box)> onPlaylistMenu;
    /** A header's automation view or mode selector was clicked. */
    std::function<void (size_t trackIndex, juce::Rectangle<int> box)> onAutomationViewMenu, onAutomationModeMenu;
    /** A header's R button. */
    std::function<void (const std::string& trackId)> onToggleRecord;
    /** Right-click on a header: its menu (heights, colours) at `where` (timeline coordinates). */
    std::function<void (size_t trackIndex, juce::Point<int> where)> onHeaderMenu;
    /** Double-click on a header's name: rename the track. */
    std::function<void (size_t trackIndex)> onTrackRenameRequest;
    /** An alternate lane's audition went on or off: what plays changed. */
    std::function<void()> onAuditionChanged;
    /** An edit the mouse made could not be done: tell the user. */
    std::function<void (const std::string& message)> onProblem;

    /** The fade shape new fades get from the handles. */
    dsp::FadeShape fadeShape = dsp::FadeShape::equalPower;

    /** The modifier that slips: ctrl+alt (Linux and Windows), cmd+alt on a Mac. */
    static bool isSlipModifier (juce::ModifierKeys mods) noexcept
    {
        return mods.isCommandDown() && mods.isAltDown();
    }

private:
    enum class Drag
    {
        none,
        move,
        slip,
        trimStart,
        trimEnd,
        fadeIn,
        fadeOut,
        gain,
        spot, // Spot mode: the release asks for the Spot dialog
        range,
        automation, // AutomationGestures has it
        alternate   // AlternateLaneGestures has it
    };

    /** The edit the drag describes so far, or nullopt if it would change nothing. */
    std::optional<std::pair<std::string, session::EditHistory::Edit>> currentEdit (const juce::MouseEvent&) const;
    void showPreview (const juce::MouseEvent&);
    core::SampleDuration dragDelta (const juce::MouseEvent&) const;
    int64_t sampleAt (float x) const;

    TimelineComponent& timeline;
    EditController& controller;
    AutomationGestures automation;
    AlternateLaneGestures alternates;

    Drag drag = Drag::none;
    bool dragged = false;
    TimelineComponent::Hit downHit;
    std::vector<session::ClipRef> dragClips; // what a move or slip takes along
    session::Clip downClip;                   // the clip under the mouse at the press
    int rangeAnchorTrack = 0;
    int64_t rangeAnchor = 0;
};
} // namespace sprocket::app
