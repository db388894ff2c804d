#pragma once

#include "FaderComponent.h"
#include "LevelMeter.h"
#include "MixerStrips.h"
#include "PanControl.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace sprocket::app
{
/** One mixer strip, top to bottom: the name on its bus colour, the format badge and where it
    goes, the insert slots, the send slots, the panner, record arm, mute and solo, the fader with
    its scale beside the meter, and under them the gain read-out and, on metered strips, the
    true-peak read-out beside it (Pro Tools' volume and peak boxes: the highest true peak since
    it was clicked, in dBTP; a click resets it). It only shows a StripInfo and reports
    gestures; MixerView turns them into edits (docs/SHORTCUTS.md, *Mixer*):
    - insert slot: click an empty one or right-click any for the menu; click a used one to open
      its editor, ctrl/cmd+click to bypass it; drag one onto another used slot to move it there;
    - send slot: click an empty one or right-click any for the menu; click a used one to open its
      send fader. [[message thread]] */
class ChannelStrip final : public juce::Component
{
public:
    /** Narrow enough for 20 strips across a 1920-pixel screen. */
    static constexpr int width = 86;
    static constexpr int insertSlots = 5;
    static constexpr int sendSlots = 3;

    ChannelStrip();

    void setInfo (const StripInfo& info);
    const StripInfo& getInfo() const noexcept { return info; }

    /** Sample and true peaks since the last refresh, per channel. */
    void setLevels (const StripLevels& levels) { meter.setLevels (levels); }
    void setPeaks (const std::vector<float>& peaks) { meter.setPeaks (peaks); }

    // Gestures: `commit` false while a drag goes on, true once when it ends.
    std::function<void (double db, bool commit)> onGain;
    std::function<void (double pan, bool commit)> onPan;
    std::function<void()> onOpenSurroundPan;        // a click on a surround pan display
    std::function<void (bool solo)> onToggleSwitch; // mute (false) or solo (true)
    std::function<void()> onToggleRecordArm;
    std::function<void (size_t insert)> onToggleInsert;        // ctrl/cmd+click: bypass
    std::function<void (size_t insert)> onOpenInsert;          // click on a used slot
    std::function<void (size_t slot)> onInsertMenu;            // empty slot or right-click
    std::function<void (size_t from, size_t to)> onMoveInsert; // drag onto another slot
    std::function<void (size_t send)> onOpenSend;              // click on a used send slot
    std::function<void (size_t slot)> onSendMenu;              // empty send slot or right-click
    std::function<void()> onAutomationModeMenu;                // click on the automation mode box
    std::function<void()> onToggleSoloSafe; // ctrl+click on S (Pro Tools' cmd-click)
    /** Double-click on the name; right-click on the name (its colour and group menu). */
    std::function<void()> onRenameRequest;
    std::function<void()> onNameMenu;

    FaderComponent& getFader() noexcept { return fader; }
    PanControl& getPanControl() noexcept { return panControl; }
    LevelMeter& getMeter() noexcept { return meter; }
    /** Record arm: the track's `record_arm`, as the track header's R shows it. */
    bool isArmed() const noexcept { return info.recordArm; }

    juce::Rectangle<int> getNameArea() const;
    juce::Rectangle<int> getRecordButtonArea() const;
    juce::Rectangle<int> getMuteButtonArea() const;
    juce::Rectangle<int> getSoloButtonArea() const;
    juce::Rectangle<int> getInsertSlotArea (size_t index) const;
    juce::Rectangle<int> getSendSlotArea (size_t index) const;
    /** The automation mode box under the sends ("read", "touch", ...): tracks and buses. */
    juce::Rectangle<int> getAutomationModeArea() const;
    /** The read-out under the fader: "-6.5", "0.0", "-inf". */
    juce::String getGainText() const;
    /** The true-peak read-out beside it (dBTP): "-3.2", "+0.4", "-inf"; empty on a VCA strip. */
    juce::String getTruePeakText() const;
    juce::Rectangle<int> getGainReadoutArea() const;
    /** Empty on a strip without a meter (VCA). */
    juce::Rectangle<int> getTruePeakReadoutArea() const;

    void paint (juce::Graphics&) override;
    void resized() override;
    void mouseDown (const juce::MouseEvent&) override;
    void mouseUp (const juce::MouseEvent&) override;
    void mouseDoubleClick (const juce::MouseEvent&) override;

private:
    enum class Part
    {
        none,
        record,
        mute,
        solo,
        insert,
        emptyInsert,
        send,
        emptySend,
        automationMode,
        name
    };
    Part partAt (juce::Point<int> point, size_t& slotIndex) const;
    int panTop() const;

    StripInfo info;
    FaderComponent fader;
    LevelMeter meter;
    PanControl panControl;
    Part pressed = Part::none;
    size_t pressedInsert = 0;
    bool pressedWithCtrl = false;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (ChannelStrip)
};
} // namespace sprocket::app
