#include "engine/HeadlessDriver.h"

#include <algorithm>
#include <chrono>
#include <pthread.h>

namespace sprocket::engine
{
HeadlessDriver::HeadlessDriver (double rate, int size, int channels, bool realtimePacing)
    : sampleRate (rate), blockSize (size), paced (realtimePacing), outputs (size_t (channels), std::vector<float> (size_t (size)))
{
    for (auto& channel : outputs)
        outputPointers.push_back (channel.data());
}

HeadlessDriver::~HeadlessDriver()
{
    stop();
}

void HeadlessDriver::start (Callback cb, int64_t maxRecordedCallbacks)
{
    stop();
    callback = std::move (cb);
    durationsUs.assign (size_t (maxRecordedCallbacks), 0.0f);
    done = 0;
    xruns = 0;
    running = true;
    thread = std::thread ([this] { run(); });
}

void HeadlessDriver::stop()
{
    running = false;
    if (thread.joinable())
        thread.join();
}

void HeadlessDriver::run()
{
    pthread_setname_np (pthread_self(), "sprocket-audio");
    using Clock = std::chrono::steady_clock;
    const auto blockDuration = std::chrono::duration<double> (double (blockSize) / sampleRate);
    const double budgetUs = blockDuration.count() * 1e6;
    auto next = Clock::now();
    while (running.load (std::memory_order_relaxed))
    {
        const auto started = Clock::now();
        callback (outputPointers.data(), blockSize);
        const double tookUs = std::chrono::duration<double, std::micro> (Clock::now() - started).count();

        const auto index = done.load (std::memory_order_relaxed);
        if (index < int64_t (durationsUs.size()))
            durationsUs[size_t (index)] = float (tookUs);
        if (tookUs > budgetUs)
            xruns.fetch_add (1, std::memory_order_relaxed);
        done.store (index + 1, std::memory_order_release);

        if (paced)
        {
            next += std::chrono::duration_cast<Clock::duration> (blockDuration);
            std::this_thread::sleep_until (next);
        }
    }
}

HeadlessDriver::Statistics HeadlessDriver::statistics() const
{
    Statistics s;
    s.callbacks = done.load (std::memory_order_acquire);
    s.xruns = xruns.load();
    s.budgetUs = double (blockSize) / sampleRate * 1e6;
    std::vector<float> sorted (durationsUs.begin(),
                               durationsUs.begin() + std::min<int64_t> (s.callbacks, int64_t (durationsUs.size())));
    if (sorted.empty())
        return s;
    std::sort (sorted.begin(), sorted.end());
    const auto at = [&] (double q) { return double (sorted[std::min (sorted.size() - 1, size_t (q * double (sorted.size())))]); };
    s.p50Us = at (0.5);
    s.p99Us = at (0.99);
    s.p999Us = at (0.999);
    s.maxUs = double (sorted.back());
    return s;
}
} // namespace sprocket::engine
