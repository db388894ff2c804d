#pragma once

#include "StripLevels.h"
#include "device/DeviceOutput.h"
#include "engine/DiskStreamer.h"
#include "engine/RealtimeEngine.h"
#include "engine/WorkerPool.h"
#include "session/Session.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sprocket::app
{
/** The app's real-time playback: one disk streamer, engine and sound-card output per open
    session, plus a worker pool that lives as long as the app. The GUI only sends transport
    commands (lock-free) and reads the engine's position and state; poll() is its regular
    chance to free retired plans and hear about device trouble. [[message thread]] */
class Playback
{
public:
    struct Options
    {
        std::string deviceName; // empty: the system default
        /** With no sound card, play silently on "No audio output" rather than not at all. */
        bool fallBackToSilence = true;
        /** Offer "No audio output" by name too (tests). */
        bool offerSilentDevice = false;
    };

    explicit Playback (Options options);
    ~Playback();

    /** Builds the real-time stack for `session` (its sample rate and master width), posts its
        plan and opens the output. A device that cannot open leaves playback off, with the reason
        in audioStatus(); the next play tries again. */
    void load (const session::Session& session);

    /** Posts a plan compiled from the edited `session` to the running engine: no device
        reopening, no gap (plan swaps are seamless; the streamer refills what the edit changed).
        A change of sample rate or master width reloads instead. */
    void update (const session::Session& session);

    /** Plays [start, end) and stops there (a selection: Pro Tools' space with a range); with
        `loop`, loops it until stopped. */
    bool playRange (int64_t start, int64_t end, bool loop);

    /** Moves the playhead (rolling or not). */
    void locate (int64_t position);

    /** Each track's meter peak since the last call (linear, 1 = full scale), in track order. */
    std::vector<float> takeTrackPeaks();

    /** Every strip's sample and true peaks since the last call, per channel: tracks and buses in
        session order, then the master (the mixer's meters). Peaks are taken once: call this or
        takeTrackPeaks() each refresh, not both. */
    using StripPeaks = MixerLevels;
    StripPeaks takeStripPeaks();

    /** Space: stop if rolling, else play from the playhead (opening the output if a failure
        had closed it). False when it could not start; takeProblem() then says why. */
    bool togglePlay();

    /** Return: the playhead goes to the session start (sample 0), rolling or not. */
    void returnToStart();

    bool isLoaded() const noexcept { return engine != nullptr; }
    bool isPlaying() const noexcept { return engine != nullptr && engine->isPlaying(); }
    /** Where the playhead is drawn. Rolling, that is the sample being heard: the engine's
        position less its insert latency and the device's output latency. Stopped, it is where
        play will start. */
    int64_t position() const noexcept;

    /** "Audio: <device>", "Audio: no output device — playing silently", "Audio: stopped — ...". */
    std::string audioStatus() const;
    /** True when audioStatus() reports a problem (draw it as a warning). */
    bool hasAudioProblem() const;

    /** Frees retired plans and checks the device. [[message thread]], ~30 times a second. */
    void poll();

    /** A device failure or a failed play since the last call, once: for an alert. */
    std::optional<std::string> takeProblem();
    /** What the last plan could not honour (an unreadable impulse response: that reverb plays
        bypassed), once each time it changes: for an alert. */
    std::optional<std::string> takePlanProblem();

    engine::RealtimeEngine* getEngine() noexcept { return engine.get(); }
    device::DeviceOutput* getOutput() noexcept { return output.get(); }

    /** The engine's largest block; device blocks are split to fit. */
    static constexpr int maxBlockSize = 512;

private:
    bool openOutput();
    void unload();
    void notePlanProblems (const engine::RenderPlan& plan);

    const Options options;
    int64_t loadedRate = 0;
    int loadedChannels = 0;
    size_t trackCount = 0, busCount = 0;
    bool looping = false;
    engine::WorkerPool workers;
    std::unique_ptr<engine::DiskStreamer> streamer;
    std::unique_ptr<engine::RealtimeEngine> engine;
    std::unique_ptr<device::DeviceOutput> output;
    std::string openError;
    std::optional<std::string> problem;
    std::vector<std::string> shownPlanProblems;
    std::optional<std::string> planProblem;
};
} // namespace sprocket::app
