#pragma once

#include "EditSelection.h"
#include "Timebase.h"

#include "session/Session.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace sprocket::app
{
/** The strip above the timeline: the large counter (the playhead in the main timebase; a
    click cycles the timebase), the selection's start, end and length, the edit mode (Shuffle,
    Slip, Spot or Grid: F1 to F4), waveform building progress, and a banner when the session is read-only.
    [[message thread]] */
class TransportBar final : public juce::Component
{
public:
    TransportBar();

    void setSession (const session::Session* session) { shown = session; repaint(); }
    void setPosition (int64_t position, bool playing);
    void setSelection (const EditSelection& selection);
    void setTimebase (Timebase timebase);
    Timebase getTimebase() const noexcept { return timebase; }
    void setModeText (const juce::String& text);
    juce::String getModeText() const { return modeText; }
    /** "Building waveforms 3 of 15 (40 %)", or empty. */
    void setProgressText (const juce::String& text);
    /** Empty: writable. Otherwise the reason (who holds the lock). */
    void setReadOnlyText (const juce::String& text);

    /** The counter as shown ("01:00:02:13"). */
    juce::String getCounterText() const;
    juce::String getReadOnlyText() const { return readOnly; }

    /** A click on the counter or its unit cycles the timebase. */
    std::function<void()> onTimebaseClicked;

    static constexpr int height = 52;

    void paint (juce::Graphics&) override;
    void mouseDown (const juce::MouseEvent&) override;

private:
    juce::Rectangle<int> counterArea() const;

    const session::Session* shown = nullptr;
    int64_t position = 0;
    bool playing = false;
    EditSelection selection;
    Timebase timebase = Timebase::timecode;
    juce::String modeText = "Slip", progress, readOnly;
};
} // namespace sprocket::app
