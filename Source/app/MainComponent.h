#pragma once

#include "Playback.h"
#include "SessionLoader.h"
#include "TimelineComponent.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>

namespace sprocket::app
{
/** The main window's content: the timeline above a one-line status bar (transport, session,
    timebase, media state, audio device). Also what --snapshot renders, without playback.
    [[message thread]] */
class MainComponent final : public juce::Component,
                            private juce::Timer
{
public:
    MainComponent();
    ~MainComponent() override;

    /** Plays the sessions shown from now on through a sound card (the app window does this;
        snapshots and component tests do not, so they never open an audio device). A timer then
        follows the engine ~30 times a second: playhead, transport readout, device state. */
    void enablePlayback (Playback::Options options = {});
    Playback* getPlayback() noexcept { return playback.get(); }

    /** Space: play / stop. Return: back to the session start. No-ops without playback. */
    void togglePlay();
    void returnToStart();

    /** The transport readout at the left of the status bar: "▶ 01:00:02:13" / "■ 01:00:00:00". */
    juce::String getTransportText() const;
    /** The device at the right of the status bar; empty without playback. */
    juce::String getAudioStatusText() const;

    /** A problem to tell the user about (device failure, could not play) also goes here as an
        alert; tests turn the alert off. */
    void setShowsAlerts (bool shouldShow) noexcept { showsAlerts = shouldShow; }
    /** The last problem told to the user (empty if none). */
    juce::String getLastProblem() const { return lastProblem; }

    void showDocument (const DisplaySession& document);
    void showNothing();

    TimelineComponent& getTimeline() noexcept { return timeline; }
    juce::String getStatusText() const;
    juce::String getMediaStatusText() const;

    static constexpr int statusBarHeight = 26;

    void paint (juce::Graphics&) override;
    void resized() override;

    /** Reads the engine once: what the timer does. Public so tests can step it. */
    void updateFromEngine();

    /** The timer's rate: smooth enough for the eye, a fraction of a core for the repaints. */
    static constexpr int refreshHz = 30;

private:
    void timerCallback() override { updateFromEngine(); }
    juce::Rectangle<int> getStatusBarArea() const;
    juce::Rectangle<int> getTransportArea() const;

    TimelineComponent timeline;
    std::unique_ptr<Playback> playback;
    juce::String transportText, audioText, lastProblem;
    bool audioProblem = false;
    bool showsAlerts = true;
    bool hasDocument = false;
    size_t offlineCount = 0;
    size_t otherMediaProblems = 0;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (MainComponent)
};
} // namespace sprocket::app
