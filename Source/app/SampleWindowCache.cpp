#include "SampleWindowCache.h"

#include "io/AudioFileReader.h"

#include <algorithm>
#include <chrono>

namespace sprocket::app
{
namespace
{
    int64_t floorTo (int64_t value, int64_t step)
    {
        return (value >= 0 ? value : value - (step - 1)) / step * step;
    }
} // namespace

void SampleWindow::computeBlocks()
{
    const auto count = blockCount();
    blocks.assign (size_t (count) * size_t (channels), {});
    for (int c = 0; c < channels; ++c)
    {
        const float* data = channel (c);
        for (int64_t b = 0; b < count; ++b)
        {
            const int64_t end = std::min (frames, (b + 1) * blockFrames);
            float low = data[b * blockFrames], high = low;
            for (int64_t f = b * blockFrames + 1; f < end; ++f)
            {
                low = std::min (low, data[f]);
                high = std::max (high, data[f]);
            }
            blocks[size_t (c) * size_t (count) + size_t (b)] = { low, high };
        }
    }
}

std::pair<float, float> SampleWindow::range (int c, int64_t from, int64_t to) const noexcept
{
    const float* data = channel (c);
    const auto* block = blocks.data() + size_t (c) * size_t (blockCount());
    int64_t i = from - start;
    const int64_t last = to - start;
    float low = data[i], high = low;
    const auto take = [&] (float lo, float hi) {
        low = std::min (low, lo);
        high = std::max (high, hi);
    };
    for (; i <= last && i % blockFrames != 0; ++i)
        take (data[i], data[i]);
    for (; i + blockFrames - 1 <= last; i += blockFrames)
        take (block[i / blockFrames].first, block[i / blockFrames].second);
    for (; i <= last; ++i)
        take (data[i], data[i]);
    return { low, high };
}

SampleWindowCache::SampleWindowCache() : SampleWindowCache (Limits {}) {}

SampleWindowCache::SampleWindowCache (Limits l) : limits (l)
{
    reader = std::thread ([this] { run(); });
}

SampleWindowCache::~SampleWindowCache()
{
    stopTimer();
    {
        std::lock_guard<std::mutex> guard (lock);
        quit = true;
        queue.clear();
    }
    wake.notify_all();
    reader.join();
}

core::SampleRange SampleWindowCache::windowFor (int64_t from, int64_t to)
{
    to = std::max (to, from + 1);
    const int64_t margin = std::max (minimumMargin, (to - from) / 2);
    const int64_t start = std::max<int64_t> (0, floorTo (from - margin, alignment));
    const int64_t end = std::max (start + alignment, floorTo (to + margin + alignment - 1, alignment));
    return { { start }, { end } };
}

size_t SampleWindowCache::bytesHeld() const noexcept
{
    size_t bytes = 0;
    for (auto& entry : windows)
        bytes += entry.window->bytes();
    return bytes;
}

const SampleWindow* SampleWindowCache::find (const std::filesystem::path& file, int channels, int64_t from, int64_t to)
{
    for (auto& entry : windows)
        if (entry.window->file == file && entry.window->holds (from, to))
        {
            entry.lastPass = pass;
            return entry.window.get();
        }

    if (channels <= 0 || unreadable.count (file) > 0)
        return nullptr;
    for (auto& request : pending)
        if (request.file == file && request.range.start.samples <= from && to <= request.range.end.samples)
            return nullptr; // on its way

    // What this pass already holds or waits for, plus this: over the limits, the clip keeps
    // its peaks rather than evicting a window another clip on screen is drawn from.
    Request request { file, channels, windowFor (from, to) };
    size_t bytes = request.bytes();
    size_t count = 1;
    for (auto& entry : windows)
        if (entry.lastPass == pass)
        {
            bytes += entry.window->bytes();
            ++count;
        }
    for (auto& queued : pending)
    {
        bytes += queued.bytes();
        ++count;
    }
    if (bytes > limits.maxBytes || count > limits.maxWindows)
        return nullptr;

    pending.push_back (request);
    {
        std::lock_guard<std::mutex> guard (lock);
        queue.push_back (std::move (request));
    }
    wake.notify_all();
    // A frame at 30 Hz: the samples appear as soon as the eye could tell.
    startTimer (30);
    return nullptr;
}

SampleWindowCache::Finished SampleWindowCache::read (const Request& request)
{
    Finished done { request, nullptr, false };
    auto opened = io::AudioFileReader::open (request.file);
    if (! opened.ok())
    {
        done.failed = true;
        return done;
    }
    auto& file = *opened.value();
    auto window = std::make_shared<SampleWindow>();
    window->file = request.file;
    window->start = request.range.start.samples;
    window->frames = request.range.length().samples;
    window->channels = file.info().channels;
    window->samples.resize (size_t (window->frames) * size_t (window->channels));
    std::vector<float*> channels;
    for (int c = 0; c < window->channels; ++c)
        channels.push_back (window->samples.data() + size_t (c) * size_t (window->frames));
    if (! file.readPlanar (window->start, channels.data(), window->frames).ok())
    {
        done.failed = true;
        return done;
    }
    window->computeBlocks();
    done.window = std::move (window);
    return done;
}

void SampleWindowCache::run()
{
    for (;;)
    {
        Request request;
        bool superseded = false;
        {
            std::unique_lock<std::mutex> guard (lock);
            wake.wait (guard, [this] { return quit || ! queue.empty(); });
            if (quit)
                return;
            request = queue.front();
            queue.erase (queue.begin());
            // Scrolling queues a request per paint: only the newest of a file is worth reading.
            superseded = std::any_of (queue.begin(), queue.end(), [&] (const Request& r) { return r.file == request.file; });
        }
        auto done = superseded ? Finished { request, nullptr, false } : read (request);
        std::lock_guard<std::mutex> guard (lock);
        finished.push_back (std::move (done));
    }
}

bool SampleWindowCache::takeFinished()
{
    std::vector<Finished> done;
    {
        std::lock_guard<std::mutex> guard (lock);
        done.swap (finished);
    }
    for (auto& item : done)
    {
        const auto match = std::find_if (pending.begin(), pending.end(), [&] (const Request& r) {
            return r.file == item.request.file && r.range == item.request.range;
        });
        if (match != pending.end())
            pending.erase (match);
        if (item.failed)
            unreadable.insert (item.request.file);
        if (item.window == nullptr)
            continue;

        windows.push_back ({ std::move (item.window), pass });
        // Least recently used first; the window just arrived is the newest and stays.
        while (windows.size() > 1 && (windows.size() > limits.maxWindows || bytesHeld() > limits.maxBytes))
        {
            const auto oldest = std::min_element (windows.begin(), windows.end() - 1,
                                                  [] (const Entry& a, const Entry& b) { return a.lastPass < b.lastPass; });
            windows.erase (oldest);
        }
    }
    return ! done.empty();
}

void SampleWindowCache::timerCallback()
{
    const bool arrived = takeFinished();
    if (pending.empty())
        stopTimer();
    if (arrived && onUpdate)
        onUpdate();
}

void SampleWindowCache::waitUntilIdle()
{
    bool arrived = false;
    while (! pending.empty())
    {
        if (takeFinished())
            arrived = true;
        else
            std::this_thread::sleep_for (std::chrono::milliseconds (2));
    }
    stopTimer();
    if (arrived && onUpdate)
        onUpdate();
}
} // namespace sprocket::app
