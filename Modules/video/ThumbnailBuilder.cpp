#include "video/ThumbnailBuilder.h"

#include "video/FrameDecoder.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <pthread.h>

namespace sprocket::video
{
struct ThumbnailBuilder::Impl
{
    std::unique_ptr<FrameDecoder> decoder; // the worker's alone
    std::vector<int64_t> planned;

    mutable std::mutex mutex;
    mutable std::condition_variable done;
    std::vector<std::shared_ptr<const VideoFrame>> made; // parallel to planned
    std::atomic<size_t> madeCount { 0 };
    std::atomic<bool> cancelled { false };
    std::atomic<bool> complete { false };
    std::thread worker;

    void run()
    {
        pthread_setname_np (pthread_self(), "sprocket-thumbs");
        for (size_t i = 0; i < planned.size() && ! cancelled.load(); ++i)
        {
            auto decoded = decoder->decodeFrame (planned[i]);
            auto frame = decoded.ok() ? std::make_shared<const VideoFrame> (std::move (decoded.value()))
                                      : std::make_shared<const VideoFrame> (VideoFrame { planned[i], 0, 0, {}, true });
            std::lock_guard lock (mutex);
            made[i] = std::move (frame);
            madeCount.store (i + 1);
        }
        std::lock_guard lock (mutex);
        complete.store (true);
        done.notify_all();
    }
};

ThumbnailBuilder::ThumbnailBuilder (std::unique_ptr<Impl> state) : impl (std::move (state))
{
    impl->worker = std::thread ([this] { impl->run(); });
}

ThumbnailBuilder::~ThumbnailBuilder()
{
    cancel();
    impl->worker.join();
}

core::Result<std::unique_ptr<ThumbnailBuilder>> ThumbnailBuilder::start (const std::filesystem::path& path,
                                                                         const ThumbnailRequest& request)
{
    DecoderOptions options;
    options.outputSize = { 0, std::max (2, request.height) };
    options.threads = request.threads;
    auto decoder = FrameDecoder::open (path, options);
    if (! decoder.ok())
        return decoder.error();

    auto impl = std::make_unique<Impl>();
    impl->decoder = std::move (decoder.value());
    const int64_t last = request.lastFrame < 0 ? impl->decoder->info().frameCount - 1
                                               : std::min (request.lastFrame, impl->decoder->info().frameCount - 1);
    for (int64_t frame = std::max<int64_t> (0, request.firstFrame); frame <= last;
         frame += std::max<int64_t> (1, request.spacing))
        impl->planned.push_back (frame);
    impl->made.resize (impl->planned.size());
    return std::unique_ptr<ThumbnailBuilder> (new ThumbnailBuilder (std::move (impl)));
}

const MovieInfo& ThumbnailBuilder::info() const noexcept
{
    return impl->decoder->info();
}

std::shared_ptr<const VideoFrame> ThumbnailBuilder::thumbnailAt (int64_t frame) const
{
    const auto& planned = impl->planned;
    auto it = std::upper_bound (planned.begin(), planned.end(), frame);
    if (it == planned.begin())
        return nullptr;
    std::lock_guard lock (impl->mutex);
    return impl->made[size_t (std::distance (planned.begin(), it) - 1)];
}

const std::vector<int64_t>& ThumbnailBuilder::plannedFrames() const noexcept
{
    return impl->planned;
}

double ThumbnailBuilder::progress() const noexcept
{
    return impl->planned.empty() ? 1.0 : double (impl->madeCount.load()) / double (impl->planned.size());
}

bool ThumbnailBuilder::finished() const noexcept
{
    return impl->complete.load();
}

void ThumbnailBuilder::cancel() noexcept
{
    impl->cancelled.store (true);
}

void ThumbnailBuilder::waitUntilFinished() const
{
    std::unique_lock lock (impl->mutex);
    impl->done.wait (lock, [&] { return impl->complete.load(); });
}
} // namespace sprocket::video
