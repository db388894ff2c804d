#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace sprocket::app
{
/** Clip > Spot... (ctrl+shift+P), and what a click on a clip opens in Spot mode (F3), as Pro
    Tools' Spot dialog: the clip's start timecode to type over, OK (return) to move the clip
    there, Original Time to put it where it was recorded (its BWF time reference), Cancel
    (escape). OK and Original Time ask their callback, which answers with a problem to show
    (empty: done, and the dialog's window closes). [[message thread]] */
class SpotDialog final : public juce::Component
{
public:
    /** `clipName` is shown in the prompt; `start` fills the field ("01:00:03:12"). */
    SpotDialog (const juce::String& clipName, const juce::String& start);

    std::function<juce::String (const juce::String& timecode)> onSpot;
    std::function<juce::String()> onOriginalTime;
    std::function<void()> onCancel;

    juce::TextEditor& getStartEditor() noexcept { return start; }
    juce::Button& getOkButton() noexcept { return ok; }
    juce::Button& getOriginalTimeButton() noexcept { return original; }
    juce::Button& getCancelButton() noexcept { return cancel; }
    juce::String getPrompt() const { return prompt.getText(); }
    juce::String getProblem() const { return problem.getText(); }

    void paint (juce::Graphics&) override;
    void resized() override;
    /** In its window, the start field takes the keys (type the timecode, press return). */
    void parentHierarchyChanged() override;

private:
    /** OK or return in the field: ask onSpot with the typed timecode. */
    void spotPressed();
    void answered (const juce::String& problemText);

    juce::Label prompt, startLabel { {}, "Start" }, problem;
    juce::TextEditor start;
    juce::TextButton ok { "OK" }, original { "Original Time" }, cancel { "Cancel" };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (SpotDialog)
};
} // namespace sprocket::app
