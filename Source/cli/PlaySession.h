#pragma once

#include "engine/DiskStreamer.h"
#include "engine/RealtimeEngine.h"
#include "engine/WorkerPool.h"
#include "session/Session.h"

#include <functional>
#include <optional>
#include <random>
#include <string>

namespace sprocket::cli
{
/** What `sprocket-cli play` was asked to do, checked and resolved to samples. */
struct PlayRequest
{
    session::Session session;
    int64_t from = 0;       // session samples
    double seconds = 0.0;   // how much to play
    int blockSize = 256;
    int64_t stressEdits = 0;
};

/** The real-time stack `play` runs, whatever drives the audio thread (the headless driver or a
    sound card): disk streamer, worker pool, engine, and the main-thread loop that posts plans,
    applies stress edits and prints progress. */
class PlaySession
{
public:
    explicit PlaySession (PlayRequest request);

    engine::RealtimeEngine& getEngine() noexcept { return engine; }
    engine::DiskStreamer& getStreamer() noexcept { return streamer; }
    const PlayRequest& getRequest() const noexcept { return request; }

    struct Outcome
    {
        int64_t edits = 0;
        std::optional<std::string> failure; // what `poll` reported, if it ended the run
    };

    /** Locates to `from`, plays until `seconds` have played (or 30 s more have passed), spreading
        the stress edits evenly, printing "play: TIMECODE" to stderr each second. Every 5 ms it
        collects retired plans and calls `poll`; a message from it ends the run. Leaves the
        transport rolling: the caller stops it and its driver. */
    Outcome run (const std::function<std::optional<std::string>()>& poll = {});

    /** Seconds played since `from`. */
    double playedSeconds() const;

private:
    void post();
    void randomEdit();

    PlayRequest request;
    engine::DiskStreamer streamer;
    engine::WorkerPool workers;
    engine::RealtimeEngine engine;
    std::mt19937 random { 1 };
};
} // namespace sprocket::cli
