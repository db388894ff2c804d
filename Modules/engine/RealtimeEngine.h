#pragma once

#include "engine/LockFreeQueue.h"
#include "engine/AudioTap.h"
#include "engine/MeterBank.h"
#include "engine/MixEngine.h"
#include "engine/RenderPlan.h"
#include "engine/TrackSource.h"
#include "engine/TransportCommand.h"
#include "engine/WorkerPool.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace sprocket::engine
{
/** Plays RenderPlans in real time. The message thread compiles plans and hands them over with
    setPlan(); the audio thread adopts the newest at the start of a block and hands the old one
    back, so plans are created and destroyed on the message thread only (collectGarbage()).
    Transport commands travel through a second lock-free queue. Starting, stopping and locating
    while playing fade the output over `declickFrames` so they never click. */
class RealtimeEngine
{
public:
    /** With `workers`, tracks render in parallel within each callback. [[message thread]] */
    RealtimeEngine (TrackSource& tracks, int maxBlockSize, int outputChannels, WorkerPool* workers = nullptr);
    ~RealtimeEngine();

    /** Prepares a mixer for the plan and queues it for the audio thread; also frees retired
        plans. Returns false (and keeps the plan off the audio thread) if the queue is full.
        [[message thread]] allocates */
    bool setPlan (std::unique_ptr<RenderPlan> plan);

    /** Frees plans the audio thread has finished with. [[message thread]] */
    void collectGarbage();

    /** Queues a transport command; false if the queue is full. [[any thread]] lock-free */
    bool send (TransportCommand command) noexcept;

    void play() noexcept { send ({ TransportCommand::Type::play, 0, 0 }); }
    void stop() noexcept { send ({ TransportCommand::Type::stop, 0, 0 }); }
    void locate (int64_t position) noexcept { send ({ TransportCommand::Type::locate, position, 0 }); }
    void setLoop (int64_t start, int64_t end) noexcept { send ({ TransportCommand::Type::setLoop, start, end }); }
    void clearLoop() noexcept { send ({ TransportCommand::Type::clearLoop, 0, 0 }); }

    /** Plays [start, end) and stops there; end < 0 plays on. From a standstill it starts at
        `start`; while playing it jumps there seamlessly. [[any thread]] lock-free */
    void playRange (int64_t start, int64_t end) noexcept { send ({ TransportCommand::Type::playRange, start, end }); }

    /** Plays a selection the Pro Tools way: from `preRoll` before it to `postRoll` after it, then
        stops. An empty selection (start == end) plays on from the pre-roll. [[any thread]] */
    void playSelection (int64_t start, int64_t end, int64_t preRoll, int64_t postRoll) noexcept
    {
        const int64_t from = std::max<int64_t> (0, start - std::max<int64_t> (0, preRoll));
        playRange (from, end > start ? end + std::max<int64_t> (0, postRoll) : -1);
    }

    /** The playhead, in session samples. [[any thread]] */
    int64_t position() const noexcept { return publishedPosition.load (std::memory_order_relaxed); }
    bool isPlaying() const noexcept { return publishedPlaying.load (std::memory_order_relaxed); }
    int64_t planSwaps() const noexcept { return publishedSwaps.load (std::memory_order_relaxed); }

    /** How far the output lags the playhead: the compensated latency of the inserts. The
        sample being heard is position() - latency(); picture follows that. [[any thread]] */
    int latency() const noexcept { return publishedLatency.load (std::memory_order_relaxed); }
    int64_t audiblePosition() const noexcept { return position() - latency(); }

    /** Peak and RMS of every track (post-fader), bus and the master, indexed as in the plan
        most recently set. Read from one thread (the UI's). */
    MeterBank& meters() noexcept { return meterBank; }

    /** What the engine plays while it plays (not the silence while stopped), for a loudness
        meter: one reader pops it. [[reader thread]] */
    AudioTap& outputTap() noexcept { return tap; }

    /** Renders one block into the device outputs (outputChannels planar buffers); a block longer
        than maxBlockSize is rendered in parts. [[audio thread]] no allocation, lock, wait or I/O. */
    void process (float* const* outputs, int numFrames) noexcept;

    /** 5 ms at 48 kHz: long enough that a full-scale step becomes inaudible as a click, short
        enough to feel instant. */
    static constexpr int declickFrames = 240;

private:
    struct PlanInstance
    {
        std::unique_ptr<RenderPlan> plan;
        MixEngine mixer;
        std::vector<int> trackMap, busMap; // index of each track/bus in the plan posted before
    };

    enum class State
    {
        stopped,
        playing
    };

    void adoptNewestPlan() noexcept;
    void handleCommands() noexcept;
    void processBlock (float* const* outputs, int numFrames) noexcept;
    void renderChunk (float* const* outputs, int offset, int numFrames) noexcept;
    void startFadeTo (int64_t position) noexcept;
    bool sourceReady() noexcept;

    TrackSource& tracks;
    WorkerPool* workers;
    const int maxBlock;
    const int outputChannels;

    // Message-thread state: what the previously posted plan contained, to map survivors.
    std::vector<std::string> postedTrackIds, postedBusIds;

    moodycamel::ReaderWriterQueue<PlanInstance*> pendingPlans { 16 };
    moodycamel::ReaderWriterQueue<PlanInstance*> retiredPlans { 64 };
    moodycamel::ReaderWriterQueue<TransportCommand> commands { 256 };

    // Audio-thread state.
    PlanInstance* current = nullptr;
    PlanInstance* waitingToRetire = nullptr;
    State state = State::stopped;
    int64_t playhead = 0;
    float gain = 0.0f; // declick envelope, 0..1
    float gainTarget = 0.0f;
    bool pendingLocate = false;
    bool waitingForData = false; // after a jump, until the track source has buffered there
    int64_t locateTarget = 0;
    bool stopAfterFade = false;
    bool looping = false;
    int64_t loopStart = 0, loopEnd = 0;
    int64_t stopAt = -1; // playRange's end, or -1

    std::atomic<int64_t> publishedPosition { 0 };
    std::atomic<bool> publishedPlaying { false };
    std::atomic<int64_t> publishedSwaps { 0 };
    std::atomic<int> publishedLatency { 0 };

    MeterBank meterBank { 1024, 256 };
    AudioTap tap; // about 1.4 s at 48 kHz: a meter polled 30 times a second never misses a block
    static_assert (std::atomic<int64_t>::is_always_lock_free);
};
} // namespace sprocket::engine
