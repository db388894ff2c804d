#include "video/FramePrefetcher.h"

#include "video/FrameDecoder.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <pthread.h>

namespace sprocket::video
{
struct FramePrefetcher::Impl
{
    struct Entry
    {
        std::shared_ptr<const VideoFrame> frame;
        uint64_t lastUse = 0;
    };

    std::unique_ptr<FrameDecoder> decoder; // the worker's alone
    PrefetchSettings settings;
    size_t frameBytes = 0;

    mutable std::mutex mutex;
    std::condition_variable workChanged;
    mutable std::condition_variable frameArrived;
    mutable std::map<int64_t, Entry> cache;
    mutable uint64_t useClock = 0;
    size_t bytes = 0;
    int64_t target = -1;
    PlayDirection direction = PlayDirection::still;
    int64_t decodedCount = 0;
    int64_t decoding = -1; // the frame the worker is decoding, -1 when idle
    std::atomic<bool> abandon { false };
    bool stopping = false;

    std::thread worker;

    /** The frames to hold, most urgent first, never more than the budget holds. */
    std::vector<int64_t> wantedLocked() const
    {
        std::vector<int64_t> wanted;
        if (target < 0)
            return wanted;
        const auto add = [&] (int64_t frame) {
            if (frame >= 0 && frame < decoder->info().frameCount)
                wanted.push_back (frame);
        };
        add (target);
        if (direction == PlayDirection::backward)
        {
            // Decoding runs forwards only: fill the window below the target from its far end
            // (one seek), not frame by frame towards it (a seek and part of a GOP each).
            for (int i = settings.ahead; i >= 1; --i)
                add (target - i);
        }
        else
            for (int i = 1; i <= settings.ahead; ++i)
                add (target + i);
        // Behind frames oldest first: one seek back, then forward through them.
        if (direction == PlayDirection::still)
            for (int i = settings.behind; i >= 1; --i)
                add (target - i);
        const size_t fitting = std::max<size_t> (1, settings.memoryBudgetBytes / std::max<size_t> (1, frameBytes));
        if (wanted.size() > fitting)
            wanted.resize (fitting);
        return wanted;
    }

    std::optional<int64_t> nextMissingLocked() const
    {
        for (int64_t frame : wantedLocked())
            if (cache.find (frame) == cache.end())
                return frame;
        return std::nullopt;
    }

    void insertLocked (std::shared_ptr<const VideoFrame> frame)
    {
        const int64_t index = frame->index;
        bytes += frame->bytes();
        if (auto old = cache.find (index); old != cache.end())
        {
            bytes -= old->second.frame->bytes();
            cache.erase (old);
        }
        cache.emplace (index, Entry { std::move (frame), ++useClock });

        // Evict the least recently used frame the window does not want; the wanted list fits the
        // budget by construction, so there always is one while over budget.
        const auto wanted = wantedLocked();
        while (bytes > settings.memoryBudgetBytes && cache.size() > 1)
        {
            auto victim = cache.end();
            for (auto it = cache.begin(); it != cache.end(); ++it)
            {
                if (std::find (wanted.begin(), wanted.end(), it->first) != wanted.end())
                    continue;
                if (victim == cache.end() || it->second.lastUse < victim->second.lastUse)
                    victim = it;
            }
            if (victim == cache.end())
                break;
            bytes -= victim->second.frame->bytes();
            cache.erase (victim);
        }
    }

    void run()
    {
        pthread_setname_np (pthread_self(), "sprocket-video");
        std::unique_lock lock (mutex);
        while (! stopping)
        {
            const auto next = nextMissingLocked();
            if (! next)
            {
                workChanged.wait (lock);
                continue;
            }
            decoding = *next;
            abandon.store (false);
            lock.unlock();
            auto decoded = decoder->decodeFrame (*next);
            if (abandon.load())
            {
                lock.lock();
                decoding = -1;
                continue; // a locate made this frame unwanted: re-plan at once
            }
            std::shared_ptr<const VideoFrame> frame;
            if (decoded.ok())
                frame = std::make_shared<const VideoFrame> (std::move (decoded.value()));
            else
                frame = std::make_shared<const VideoFrame> (VideoFrame { *next, 0, 0, {}, true });
            lock.lock();
            decoding = -1;
            ++decodedCount;
            insertLocked (std::move (frame));
            frameArrived.notify_all();
        }
    }
};

FramePrefetcher::FramePrefetcher (std::unique_ptr<Impl> state) : impl (std::move (state))
{
    impl->worker = std::thread ([this] { impl->run(); });
}

FramePrefetcher::~FramePrefetcher()
{
    {
        std::lock_guard lock (impl->mutex);
        impl->stopping = true;
    }
    impl->workChanged.notify_all();
    impl->worker.join();
}

core::Result<std::unique_ptr<FramePrefetcher>> FramePrefetcher::open (const std::filesystem::path& path,
                                                                      const PrefetchSettings& settings)
{
    auto decoder = FrameDecoder::open (path, settings.decoder);
    if (! decoder.ok())
        return decoder.error();
    auto impl = std::make_unique<Impl>();
    impl->decoder = std::move (decoder.value());
    impl->decoder->setAbandonFlag (&impl->abandon);
    impl->settings = settings;
    const auto size = impl->decoder->outputSize();
    impl->frameBytes = size_t (size.width) * size_t (size.height) * 4;
    return std::unique_ptr<FramePrefetcher> (new FramePrefetcher (std::move (impl)));
}

const MovieInfo& FramePrefetcher::info() const noexcept
{
    return impl->decoder->info(); // immutable after open, so safe beside the worker
}

void FramePrefetcher::request (int64_t frame, PlayDirection direction)
{
    if (frame < 0 || frame >= info().frameCount)
        return;
    {
        std::lock_guard lock (impl->mutex);
        if (impl->target == frame && impl->direction == direction)
            return;
        impl->target = frame;
        impl->direction = direction;
        // Decoding towards a frame the new window does not want (a locate) only delays it.
        if (impl->decoding >= 0)
        {
            const auto wanted = impl->wantedLocked();
            if (std::find (wanted.begin(), wanted.end(), impl->decoding) == wanted.end())
                impl->abandon.store (true);
        }
    }
    impl->workChanged.notify_one();
}

FramePrefetcher::Lookup FramePrefetcher::frameIfReady (int64_t frame) const
{
    std::lock_guard lock (impl->mutex);
    auto it = impl->cache.upper_bound (frame);
    if (it == impl->cache.begin())
        return {};
    --it;
    it->second.lastUse = ++impl->useClock;
    return { it->second.frame, it->first == frame };
}

std::shared_ptr<const VideoFrame> FramePrefetcher::waitForFrame (int64_t frame, std::chrono::milliseconds timeout) const
{
    std::unique_lock lock (impl->mutex);
    impl->frameArrived.wait_for (lock, timeout, [&] { return impl->cache.count (frame) > 0; });
    auto it = impl->cache.find (frame);
    return it != impl->cache.end() ? it->second.frame : nullptr;
}

size_t FramePrefetcher::cachedBytes() const
{
    std::lock_guard lock (impl->mutex);
    return impl->bytes;
}

size_t FramePrefetcher::cachedFrames() const
{
    std::lock_guard lock (impl->mutex);
    return impl->cache.size();
}

int64_t FramePrefetcher::framesDecoded() const
{
    std::lock_guard lock (impl->mutex);
    return impl->decodedCount;
}
} // namespace sprocket::video
