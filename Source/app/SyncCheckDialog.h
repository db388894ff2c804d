#pragma once

#include "BackgroundTask.h"

#include "qc/SyncCheck.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

namespace sprocket::app
{
/** File > Check Sync (2-pop)...: finds the 2-pop in the printmaster or one track and says how far
    it is from where it should be, in frames and samples (docs/SYNC.md), the same check as
    `sprocket-cli synccheck`. The expected pop starts two seconds before the FFOA marker when
    the session has one; with a movie, "Movie's Flash Frame" finds the flash of its leader and
    expects the pop there. The render and the movie scan run on a thread of their own over a copy
    of the session; the dialog polls them. [[message thread]] */
class SyncCheckDialog final : public juce::Component, private juce::Timer
{
public:
    explicit SyncCheckDialog (session::Session session);
    ~SyncCheckDialog() override;

    /** Two seconds before a marker named FFOA (any case), else the session's start. */
    static core::Timecode defaultPopTimecode (const session::Session& session);

    void setExpectedTimecode (const juce::String& text);
    /** "Printmaster", or a track's name. */
    void setSource (const juce::String& trackNameOrPrintmaster);

    /** The Check button: starts the check (or says what is wrong with the input). */
    void check();
    /** The Movie's Flash Frame button: finds the flash frame in the movie's first minute and makes
        its timecode the expected one. */
    void findFlashFrame();
    bool isRunning() const noexcept { return job != nullptr || flashJob != nullptr; }

    struct FlashFrame
    {
        int64_t movieFrame = 0;
        core::Timecode timecode; // where the session shows it
    };
    const std::optional<FlashFrame>& getFlashFrame() const noexcept { return flash; }
    /** The result ("2-pop at 01:00:05:03: +3 frames (+6006 samples) late"), or the problem. */
    juce::String getMessage() const { return message; }
    const std::optional<qc::SyncCheckResult>& getResult() const noexcept { return result; }

    /** Where the pop was found on the timeline, to show it there. */
    std::function<void (int64_t position)> onFound;

    /** What the timer does: picks up the finished check or scan. Public so tests can step it. */
    void poll();

    void resized() override;
    void paint (juce::Graphics& g) override;

private:
    using CheckTask = BackgroundTask<core::Result<qc::SyncCheckResult>>;
    using FlashTask = BackgroundTask<core::Result<FlashFrame>>;

    void timerCallback() override { poll(); }
    void startPolling();
    void takeCheck (const core::Result<qc::SyncCheckResult>& outcome);
    void takeFlashFrame (const core::Result<FlashFrame>& found);

    session::Session session;
    juce::Label expectedLabel { {}, "2-pop expected at" }, sourceLabel { {}, "Listen to" };
    juce::TextEditor expectedEditor;
    juce::ComboBox sourceChooser;
    juce::TextButton checkButton { "Check" }, flashButton { "Movie's Flash Frame" };
    juce::String message;
    std::optional<qc::SyncCheckResult> result;
    std::optional<FlashFrame> flash;
    std::unique_ptr<CheckTask> job;
    std::unique_ptr<FlashTask> flashJob;
};
} // namespace sprocket::app
