#include "engine/DiskStreamer.h"

#include "dsp/MixKernels.h"

#include <algorithm>
#include <chrono>
#include <thread>
#include <cstring>
#include <pthread.h>

namespace sprocket::engine
{
namespace
{
    constexpr int chunkFrames = 4096; // the butler's read size: big enough for efficient I/O

    bool sameClips (const RenderPlan& a, const PlanTrack& x, const RenderPlan& b, const PlanTrack& y)
    {
        if (x.clips.size() != y.clips.size() || x.channels != y.channels)
            return false;
        for (size_t i = 0; i < x.clips.size(); ++i)
        {
            // Media indices may differ between plans; the files they name must not.
            auto p = x.clips[i];
            const auto& q = y.clips[i];
            if (a.media[size_t (p.mediaIndex)].file != b.media[size_t (q.mediaIndex)].file)
                return false;
            p.mediaIndex = q.mediaIndex;
            if (! (p == q))
                return false;
        }
        return true;
    }
} // namespace

DiskStreamer::DiskStreamer (Options o) : options (o)
{
    for (int i = 0; i < options.maxStreams; ++i)
        streams.push_back (std::make_unique<Stream>());
    renderer.prepare (chunkFrames);
    chunk.resize (size_t (maxChannels) * chunkFrames);
    // Start out buffering from the session start.
    seekTarget.store (0);
    seekGeneration.store (1);
    butler = std::thread ([this] { butlerLoop(); });
}

DiskStreamer::~DiskStreamer()
{
    {
        std::lock_guard lock (mutex);
        stopping = true;
    }
    wake.notify_all();
    butler.join();
}

void DiskStreamer::preparePlan (RenderPlan& plan)
{
    for (auto& track : plan.tracks)
    {
        int slot = -1;
        for (int s = 0; s < usedStreams; ++s)
            if (streams[size_t (s)]->trackId == track.id && streams[size_t (s)]->channels == track.channels)
                slot = s;
        if (slot < 0 && usedStreams < int (streams.size()))
        {
            slot = usedStreams;
            auto& stream = *streams[size_t (slot)];
            stream.trackId = track.id;
            stream.channels = track.channels;
            stream.ring.assign (size_t (track.channels) * size_t (options.bufferFrames), 0.0f);
            allocatedBytes += int64_t (stream.ring.size() * sizeof (float));
            ++usedStreams;
        }
        track.streamSlot = slot;
    }
    {
        std::lock_guard lock (mutex);
        incomingPlan = std::make_unique<RenderPlan> (plan);
        publishedStreams.store (usedStreams, std::memory_order_release);
    }
    wake.notify_all();
}

std::string DiskStreamer::firstMediaError()
{
    std::lock_guard lock (mutex);
    return mediaErrorMessage;
}

// ---------------------------------------------------------------------------------------------
// Audio thread

void DiskStreamer::blockStarting (int64_t position, int) noexcept { playhead.store (position, std::memory_order_release); }

void DiskStreamer::locate (int64_t position) noexcept
{
    seekTarget.store (position, std::memory_order_relaxed);
    seekGeneration.fetch_add (1, std::memory_order_release);
    playhead.store (position, std::memory_order_release);
    waitingForLocate.store (true, std::memory_order_relaxed); // the butler notices within its 5 ms nap; no syscall from here
}

bool DiskStreamer::readyAt (const RenderPlan& plan, int64_t position) noexcept
{
    const auto generation = seekGeneration.load (std::memory_order_acquire);
    for (const auto& track : plan.tracks)
    {
        if (track.streamSlot < 0 || track.clips.empty())
            continue;
        const auto& stream = *streams[size_t (track.streamSlot)];
        // Not yet taken on by the butler counts as not ready.
        if (! stream.active.load (std::memory_order_acquire)
            || stream.seekHandled.load (std::memory_order_acquire) != generation
            || stream.validStart.load (std::memory_order_acquire) > position
            || stream.validEnd.load (std::memory_order_acquire) < position + options.readyFrames)
            return false;
    }
    waitingForLocate.store (false, std::memory_order_relaxed);
    return true;
}

bool DiskStreamer::readTrack (const RenderPlan& plan, int trackIndex, int64_t position, int numFrames,
                              float* const* dest) noexcept
{
    const int slot = plan.tracks[size_t (trackIndex)].streamSlot;
    if (slot < 0)
        return false;
    const auto& stream = *streams[size_t (slot)];
    const auto miss = [&] {
        if (! waitingForLocate.load (std::memory_order_relaxed))
            underrunCount.fetch_add (1, std::memory_order_relaxed);
        return false;
    };

    const auto version = stream.version.load (std::memory_order_acquire);
    if (version % 2 != 0)
        return miss();
    const auto start = stream.validStart.load (std::memory_order_acquire);
    const auto end = stream.validEnd.load (std::memory_order_acquire);
    if (position + numFrames <= start)
        return false; // a track added ahead of the playhead: nothing due yet
    if (position < start || position + numFrames > end)
        return miss();

    const int64_t capacity = options.bufferFrames;
    const auto first = size_t (position % capacity);
    const size_t head = std::min (size_t (numFrames), size_t (capacity) - first);
    for (int c = 0; c < stream.channels; ++c)
    {
        const float* ring = stream.ring.data() + size_t (c) * size_t (capacity);
        std::memcpy (dest[c], ring + first, head * sizeof (float));
        if (head < size_t (numFrames))
            std::memcpy (dest[c] + head, ring, (size_t (numFrames) - head) * sizeof (float));
    }
    std::atomic_thread_fence (std::memory_order_acquire);
    if (stream.version.load (std::memory_order_relaxed) != version)
        return miss(); // the butler invalidated this range while we copied
    return true;
}

// ---------------------------------------------------------------------------------------------
// Butler

void DiskStreamer::invalidate (Stream& stream, int64_t start, int64_t end)
{
    stream.version.fetch_add (1, std::memory_order_acq_rel);
    stream.validStart.store (start, std::memory_order_release);
    stream.validEnd.store (end, std::memory_order_release);
    stream.version.fetch_add (1, std::memory_order_acq_rel);
}

void DiskStreamer::adoptButlerPlan (std::unique_ptr<RenderPlan> plan)
{
    const int count = publishedStreams.load (std::memory_order_acquire);
    const auto head = playhead.load (std::memory_order_acquire);
    for (int s = 0; s < count; ++s)
    {
        auto& stream = *streams[size_t (s)];
        int index = -1;
        for (size_t t = 0; t < plan->tracks.size(); ++t)
            if (plan->tracks[t].streamSlot == s)
                index = int (t);

        if (index >= 0 && stream.planTrack < 0)
        {
            // A new track: buffer from a little after the playhead; it joins in there.
            const auto from = head + options.editMarginFrames;
            invalidate (stream, from, from);
            stream.seekHandled.store (seekSeen, std::memory_order_release);
        }
        else if (index >= 0 && ! sameClips (*butlerPlan, butlerPlan->tracks[size_t (stream.planTrack)], *plan,
                                            plan->tracks[size_t (index)]))
        {
            // Its clips changed: keep what plays in the next moment, re-read everything after.
            const auto start = stream.validStart.load();
            const auto end = stream.validEnd.load();
            const auto cut = std::clamp (head + options.editMarginFrames, start, end);
            invalidate (stream, start, cut);
        }
        stream.planTrack = index;
        stream.active.store (index >= 0, std::memory_order_release);
    }
    butlerPlan = std::move (plan);
    if (files == nullptr)
    {
        files = std::make_unique<FileMediaSource> (*butlerPlan);
        files->setStopOnError (false);
    }
    files->setPlan (*butlerPlan);
}

void DiskStreamer::write (Stream& stream, int64_t position, const float* const* source, int frames)
{
    const int64_t capacity = options.bufferFrames;
    // Give up the oldest samples first, so the reader never sees them being overwritten.
    const auto oldest = position + frames - capacity;
    if (oldest > stream.validStart.load (std::memory_order_relaxed))
        stream.validStart.store (oldest, std::memory_order_release);

    const auto first = size_t (position % capacity);
    const size_t head = std::min (size_t (frames), size_t (capacity) - first);
    for (int c = 0; c < stream.channels; ++c)
    {
        float* ring = stream.ring.data() + size_t (c) * size_t (capacity);
        std::memcpy (ring + first, source[c], head * sizeof (float));
        if (head < size_t (frames))
            std::memcpy (ring, source[c] + head, (size_t (frames) - head) * sizeof (float));
    }
    stream.validEnd.store (position + frames, std::memory_order_release);
}

bool DiskStreamer::refill (Stream& stream, int slot)
{
    const auto& track = butlerPlan->tracks[size_t (stream.planTrack)];
    // Never write within two blocks of the playhead: the audio thread may be reading there.
    const int64_t guard = 2 * int64_t (options.maxBlockSize);
    float* pointers[maxChannels];
    for (int c = 0; c < maxChannels; ++c)
        pointers[c] = chunk.data() + size_t (c) * chunkFrames;

    bool wrote = false;
    for (;;)
    {
        if (seekGeneration.load (std::memory_order_acquire) != seekSeen)
            return wrote; // a locate came in: handle it first
        const auto head = playhead.load (std::memory_order_acquire);
        const auto start = stream.validEnd.load (std::memory_order_relaxed);
        const auto limit = std::max (head, stream.validStart.load (std::memory_order_relaxed)) + options.bufferFrames - guard;
        if (start >= limit)
            return wrote;
        const int n = int (std::min<int64_t> (chunkFrames, limit - start));
        if (! renderer.render (track, slot, start, n, *files, pointers))
            for (int c = 0; c < track.channels; ++c)
                dsp::clear (pointers[c], n);
        write (stream, start, pointers, n);
        wrote = true;
    }
}

void DiskStreamer::butlerLoop()
{
    pthread_setname_np (pthread_self(), "sprocket-butler");
    bool busy = false;
    for (;;)
    {
        std::unique_ptr<RenderPlan> plan;
        {
            std::unique_lock lock (mutex);
            // Nap only when every ring is full: 5 ms is a sliver of the seconds buffered in real
            // time, and offline the mixer would otherwise wait on the nap.
            wake.wait_for (lock, busy ? std::chrono::milliseconds (0) : std::chrono::milliseconds (5),
                           [&] { return stopping || incomingPlan != nullptr; });
            if (stopping)
                return;
            plan = std::move (incomingPlan);
        }
        if (plan != nullptr)
            adoptButlerPlan (std::move (plan));
        if (butlerPlan == nullptr)
            continue;

        const auto generation = seekGeneration.load (std::memory_order_acquire);
        const int count = publishedStreams.load (std::memory_order_acquire);
        if (generation != seekSeen)
        {
            seekSeen = generation;
            const auto target = seekTarget.load (std::memory_order_relaxed);
            for (int s = 0; s < count; ++s)
                if (streams[size_t (s)]->planTrack >= 0)
                    invalidate (*streams[size_t (s)], target, target);
        }
        busy = false;
        for (int s = 0; s < count; ++s)
        {
            auto& stream = *streams[size_t (s)];
            if (stream.planTrack < 0)
                continue;
            busy = refill (stream, s) || busy;
            if (seekGeneration.load (std::memory_order_acquire) == seekSeen)
                stream.seekHandled.store (seekSeen, std::memory_order_release);
        }
        if (files->failedReads() > 0 && mediaErrorCount.load() == 0)
        {
            std::lock_guard lock (mutex);
            mediaErrorMessage = files->firstError() ? files->firstError()->message : "media read failed";
        }
        mediaErrorCount.store (files->failedReads(), std::memory_order_release);
    }
}
} // namespace sprocket::engine
