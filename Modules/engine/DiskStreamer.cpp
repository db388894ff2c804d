#include "engine/DiskStreamer.h"

#include "dsp/MixKernels.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <pthread.h>
#include <thread>

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

void DiskStreamer::Ring::allocate (int channels, int64_t frames)
{
    capacity = std::max<int64_t> (1, frames);
    samples.assign (size_t (channels) * size_t (capacity), 0.0f);
}

void DiskStreamer::Ring::beginRewrite() noexcept
{
    version.fetch_add (1, std::memory_order_seq_cst);
    while (readers.load (std::memory_order_seq_cst) != 0)
        std::this_thread::yield(); // a reader is finishing one memcpy
}

void DiskStreamer::Ring::endRewrite() noexcept
{
    version.fetch_add (1, std::memory_order_release);
}

bool DiskStreamer::Ring::read (int channels, int64_t position, int n, float* const* dest, int offset) const noexcept
{
    readers.fetch_add (1, std::memory_order_seq_cst);
    const auto before = version.load (std::memory_order_seq_cst);
    if (before % 2 != 0 || position < validStart.load (std::memory_order_acquire)
        || position + n > validEnd.load (std::memory_order_acquire))
    {
        readers.fetch_sub (1, std::memory_order_release);
        return false;
    }
    const auto first = size_t (position % capacity);
    const size_t head = std::min (size_t (n), size_t (capacity) - first);
    for (int c = 0; c < channels; ++c)
    {
        const float* ring = samples.data() + size_t (c) * size_t (capacity);
        std::memcpy (dest[c] + offset, ring + first, head * sizeof (float));
        if (head < size_t (n))
            std::memcpy (dest[c] + offset + head, ring, (size_t (n) - head) * sizeof (float));
    }
    readers.fetch_sub (1, std::memory_order_release);
    return true;
}

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
            stream.ring.allocate (track.channels, options.bufferFrames);
            stream.loopHead.allocate (track.channels, options.loopHeadFrames);
            allocatedBytes += int64_t ((stream.ring.samples.size() + stream.loopHead.samples.size()) * sizeof (float));
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

void DiskStreamer::blockStarting (int64_t position, int) noexcept
{
    playhead.store (position, std::memory_order_release);
}

void DiskStreamer::locate (int64_t position) noexcept
{
    seekTarget.store (position, std::memory_order_relaxed);
    seekGeneration.fetch_add (1, std::memory_order_release);
    playhead.store (position, std::memory_order_release);
    waitingForLocate.store (true, std::memory_order_relaxed); // the butler notices within its 5 ms nap; no syscall from here
}

void DiskStreamer::setLoop (int64_t start, int64_t end) noexcept
{
    loopStart.store (start, std::memory_order_relaxed);
    loopEnd.store (end, std::memory_order_relaxed);
    loopGeneration.fetch_add (1, std::memory_order_release);
}

bool DiskStreamer::loopHeadReady (const Stream& stream, int64_t position) const noexcept
{
    // The head covers the wrap when it was made for this loop and holds what plays next.
    const auto& head = stream.loopHead;
    if (stream.loopHeadFor.load (std::memory_order_acquire) != loopGeneration.load (std::memory_order_acquire)
        || head.version.load (std::memory_order_acquire) % 2 != 0)
        return false;
    const auto start = head.validStart.load (std::memory_order_acquire);
    const auto end = head.validEnd.load (std::memory_order_acquire);
    const auto needed = std::min (position + options.readyFrames, loopEnd.load (std::memory_order_relaxed));
    return start <= position && end >= needed;
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
        const bool ringReady = stream.active.load (std::memory_order_acquire)
                               && stream.seekHandled.load (std::memory_order_acquire) == generation
                               && stream.ring.validStart.load (std::memory_order_acquire) <= position
                               && stream.ring.validEnd.load (std::memory_order_acquire) >= position + options.readyFrames;
        if (! ringReady && ! loopHeadReady (stream, position))
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
    if (stream.ring.read (stream.channels, position, numFrames, dest, 0))
        return true;

    // Just after a loop wrap: the start comes from the loop head, the rest (if the block runs
    // past the head) from the ring the butler is refilling behind it.
    const auto headStart = stream.loopHead.validStart.load (std::memory_order_acquire);
    const auto headEnd = stream.loopHead.validEnd.load (std::memory_order_acquire);
    const bool inHead = position >= headStart && position < headEnd;
    if (inHead)
    {
        const int fromHead = int (std::min<int64_t> (numFrames, headEnd - position));
        if (stream.loopHead.read (stream.channels, position, fromHead, dest, 0)
            && (fromHead == numFrames
                || stream.ring.read (stream.channels, position + fromHead, numFrames - fromHead, dest, fromHead)))
            return true;
    }
    else if (position + numFrames <= stream.ring.validStart.load (std::memory_order_acquire))
        return false; // a track added ahead of the playhead: nothing due yet
    if (! waitingForLocate.load (std::memory_order_relaxed))
        underrunCount.fetch_add (1, std::memory_order_relaxed);
    return false;
}

// ---------------------------------------------------------------------------------------------
// Butler

void DiskStreamer::invalidate (Ring& ring, int64_t start, int64_t end)
{
    ring.beginRewrite();
    ring.validStart.store (start, std::memory_order_release);
    ring.validEnd.store (end, std::memory_order_release);
    ring.endRewrite();
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
            invalidate (stream.ring, from, from);
            stream.seekHandled.store (seekSeen, std::memory_order_release);
            invalidate (stream.loopHead, 0, 0);
            stream.loopHeadStale = true;
        }
        else if (index >= 0
                 && ! sameClips (*butlerPlan, butlerPlan->tracks[size_t (stream.planTrack)], *plan, plan->tracks[size_t (index)]))
        {
            // Its clips changed: keep what plays in the next moment, re-read everything after.
            const auto start = stream.ring.validStart.load();
            const auto end = stream.ring.validEnd.load();
            const auto cut = std::clamp (head + options.editMarginFrames, start, end);
            invalidate (stream.ring, start, cut);
            invalidate (stream.loopHead, 0, 0); // made from the old clips
            stream.loopHeadStale = true;
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

void DiskStreamer::write (Ring& ring, int channels, int64_t position, const float* const* source, int frames)
{
    // Give up the oldest samples first, so the reader never sees them being overwritten.
    const auto oldest = position + frames - ring.capacity;
    if (oldest > ring.validStart.load (std::memory_order_relaxed))
        ring.validStart.store (oldest, std::memory_order_release);

    const auto first = size_t (position % ring.capacity);
    const size_t head = std::min (size_t (frames), size_t (ring.capacity) - first);
    for (int c = 0; c < channels; ++c)
    {
        float* samples = ring.samples.data() + size_t (c) * size_t (ring.capacity);
        std::memcpy (samples + first, source[c], head * sizeof (float));
        if (head < size_t (frames))
            std::memcpy (samples, source[c] + head, (size_t (frames) - head) * sizeof (float));
    }
    ring.validEnd.store (position + frames, std::memory_order_release);
}

bool DiskStreamer::refill (Stream& stream, int slot)
{
    const auto& track = butlerPlan->tracks[size_t (stream.planTrack)];
    // Never write within two blocks of the playhead: the audio thread may be reading there.
    const int64_t guard = 2 * int64_t (options.maxBlockSize);
    const auto head = playhead.load (std::memory_order_acquire);
    auto& ring = stream.ring;
    const auto start = ring.validEnd.load (std::memory_order_relaxed);
    const auto limit = std::max (head, ring.validStart.load (std::memory_order_relaxed)) + ring.capacity - guard;
    if (start >= limit)
        return false;
    // One chunk per call: the butler goes round the tracks, so after a locate every track has
    // its first chunk before any has its second.
    const int n = int (std::min<int64_t> (chunkFrames, limit - start));
    float* pointers[maxChannels];
    for (int c = 0; c < maxChannels; ++c)
        pointers[c] = chunk.data() + size_t (c) * chunkFrames;
    if (! renderer.render (track, slot, start, n, *files, pointers))
        for (int c = 0; c < track.channels; ++c)
            dsp::clear (pointers[c], n);
    write (ring, track.channels, start, pointers, n);
    return true;
}

void DiskStreamer::fillLoopHead (Stream& stream, int slot, int64_t generation)
{
    const auto& track = butlerPlan->tracks[size_t (stream.planTrack)];
    auto& head = stream.loopHead;
    const auto start = loopStart.load (std::memory_order_relaxed);
    const auto end = std::min (loopEnd.load (std::memory_order_relaxed), start + head.capacity);
    // Invalid (odd version) while it is rewritten, so a wrap meanwhile reads the ring or misses.
    head.beginRewrite();
    head.validStart.store (start, std::memory_order_release);
    head.validEnd.store (start, std::memory_order_release);
    float* pointers[maxChannels];
    for (int c = 0; c < maxChannels; ++c)
        pointers[c] = chunk.data() + size_t (c) * chunkFrames;
    for (auto position = start; position < end; position += chunkFrames)
    {
        const int n = int (std::min<int64_t> (chunkFrames, end - position));
        if (! renderer.render (track, slot, position, n, *files, pointers))
            for (int c = 0; c < track.channels; ++c)
                dsp::clear (pointers[c], n);
        write (head, track.channels, position, pointers, n);
    }
    head.endRewrite();
    stream.loopHeadFor.store (generation, std::memory_order_release);
    stream.loopHeadStale = false;
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
        const auto loop = loopGeneration.load (std::memory_order_acquire);
        const bool looping = loopEnd.load (std::memory_order_relaxed) > loopStart.load (std::memory_order_relaxed);
        const int count = publishedStreams.load (std::memory_order_acquire);
        if (generation != seekSeen)
        {
            seekSeen = generation;
            const auto target = seekTarget.load (std::memory_order_relaxed);
            for (int s = 0; s < count; ++s)
            {
                auto& stream = *streams[size_t (s)];
                if (stream.planTrack < 0)
                    continue;
                // A wrap to the loop start: the head covers its first moments, so the ring
                // only needs what follows them.
                const bool wrap = looping && target == loopStart.load (std::memory_order_relaxed)
                                  && stream.loopHeadFor.load (std::memory_order_relaxed) == loop && ! stream.loopHeadStale;
                const auto from = wrap ? stream.loopHead.validEnd.load (std::memory_order_relaxed) : target;
                invalidate (stream.ring, from, from);
            }
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
        if (looping && seekGeneration.load (std::memory_order_acquire) == seekSeen)
            for (int s = 0; s < count; ++s)
            {
                auto& stream = *streams[size_t (s)];
                if (stream.planTrack >= 0 && (stream.loopHeadStale || stream.loopHeadFor.load() != loop))
                {
                    fillLoopHead (stream, s, loop);
                    busy = true;
                }
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
