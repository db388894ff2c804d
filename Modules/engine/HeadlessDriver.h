#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

namespace sprocket::engine
{
/** Calls an audio callback from its own thread ("sprocket-audio") at real-time pace, for
    machines without a sound card (CI, render servers) and for tests: the same thread rules as
    a device callback. Records each callback's duration to report percentiles and xruns
    (callbacks that took longer than the block they rendered). */
class HeadlessDriver
{
public:
    using Callback = std::function<void (float* const* outputs, int numFrames)>;

    struct Statistics
    {
        int64_t callbacks = 0;
        int64_t xruns = 0;
        double p50Us = 0, p99Us = 0, p999Us = 0, maxUs = 0;
        double budgetUs = 0;
    };

    /** `realtimePacing` false runs callbacks back to back (as fast as possible). [[message thread]] */
    HeadlessDriver (double sampleRate, int blockSize, int outputChannels, bool realtimePacing = true);
    ~HeadlessDriver();

    /** Starts calling `callback` (which must outlive the driver or stop()). Keeps timing for up
        to `maxRecordedCallbacks` callbacks, preallocated here. [[message thread]] */
    void start (Callback callback, int64_t maxRecordedCallbacks = 1 << 20);
    void stop();

    int64_t callbacksDone() const noexcept { return done.load (std::memory_order_relaxed); }
    Statistics statistics() const;

    /** The last rendered block, channel 0 (for tests that check output). */
    const std::vector<float>& lastOutput (int channel) const { return outputs[size_t (channel)]; }

private:
    void run();

    const double sampleRate;
    const int blockSize;
    const bool paced;
    std::vector<std::vector<float>> outputs;
    std::vector<float*> outputPointers;
    std::vector<float> durationsUs;
    Callback callback;
    std::thread thread;
    std::atomic<bool> running { false };
    std::atomic<int64_t> done { 0 };
    std::atomic<int64_t> xruns { 0 };
};
} // namespace sprocket::engine
