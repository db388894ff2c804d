#pragma once

#include "DeliveryJob.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>

namespace sprocket::app
{
/** File > Deliver...: prints the deliverables of a delivery spec (docs/DELIVERY.md), the one the
    session stores or a spec file, into an output folder, on a background thread (DeliveryJob)
    with a progress bar and Cancel, then lists every file (pass/FAIL, name, loudness) and the
    verdict, or says what was wrong. [[message thread]] */
class DeliverDialog final : public juce::Component, private juce::ListBoxModel, private juce::Timer
{
public:
    /** Delivers a copy of `session`; its file locates the default output folder. Starts with the
        session's own spec when it has one. */
    explicit DeliverDialog (session::Session session);
    ~DeliverDialog() override;

    /** `<session folder>/Deliveries/<session name>` (the Documents folder for an unsaved one). */
    static juce::File defaultOutputFolder (const session::Session& session);

    void useStoredSpec();
    void useSpecFile (const juce::File& file);
    void setOutputFolder (const juce::File& folder);
    juce::File getOutputFolder() const { return outputFolder; }

    enum class State
    {
        ready,     // nothing started, or input to fix
        running,   // the job is working
        delivered, // finished: every file listed (some may have failed their checks)
        failed     // cancelled, or the delivery could not be made
    };
    State getState() const noexcept { return state; }
    double getProgress() const noexcept { return progress; }
    /** The verdict, the error or the problem with the input; empty before anything happened. */
    juce::String getMessage() const { return message; }
    /** One line per delivered file: "pass  Reel 1_PM.wav  -23.0 LUFS  -1.2 dBTP". */
    juce::StringArray getResultLines() const;

    /** The Deliver button: checks the spec and folder, then starts the job. */
    void deliver();
    /** The Cancel button. */
    void cancel();
    /** What the timer does (~20 times a second): progress, and the outcome once the job ends.
        Public so tests can step it. */
    void poll();

    /** Called on the delivery thread with the progress; tests slow the delivery with it. */
    std::function<void (double)> onWorkerProgress;

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    int getNumRows() override;
    void paintListBoxItem (int row, juce::Graphics&, int width, int height, bool selected) override;
    void timerCallback() override { poll(); }

    void chooseSpecFile();
    void chooseOutputFolder();
    void finish();
    void showProblem (const juce::String& text);
    void updateControls();
    juce::Rectangle<int> progressArea() const;

    session::Session session;
    juce::File specFile; // used instead of the stored spec when set
    juce::File outputFolder;
    std::unique_ptr<DeliveryJob> job;
    std::vector<engine::DeliveredFile> files;
    State state = State::ready;
    double progress = 0.0;
    juce::String message;
    bool messageIsBad = false;
    std::unique_ptr<juce::FileChooser> chooser;

    juce::Label title, specCaption, specText, folderCaption, folderText, statusText, messageText;
    juce::TextButton storedSpecButton { "Session's Spec" }, specFileButton { "Choose Spec File..." },
        folderButton { "Choose..." }, deliverButton { "Deliver" }, cancelButton { "Cancel" }, closeButton { "Close" };
    juce::ListBox results { "Delivered files", this };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (DeliverDialog)
};
} // namespace sprocket::app
