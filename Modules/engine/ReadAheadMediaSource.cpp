#include "engine/ReadAheadMediaSource.h"

#include "dsp/MixKernels.h"
#include "engine/ClipSchedule.h"

#include <algorithm>
#include <cstring>
#include <pthread.h>

namespace sprocket::engine
{
ReadAheadMediaSource::ReadAheadMediaSource (const RenderPlan& p, FileMediaSource& f, int size, int blocksAhead)
    : plan (p), files (f), blockSize (size), slots (size_t (std::max (2, blocksAhead)))
{
    reader = std::thread ([this] {
        pthread_setname_np (pthread_self(), "sprocket-read"); // findable in top and perf
        readerLoop();
    });
}

ReadAheadMediaSource::~ReadAheadMediaSource()
{
    {
        std::lock_guard lock (mutex);
        stopping = true;
    }
    changed.notify_all();
    reader.join();
}

void ReadAheadMediaSource::fill (Slot& slot, int64_t position, int numFrames)
{
    slot.position = position;
    slot.reads.clear();
    size_t total = 0;
    for (int t = 0; t < int (plan.tracks.size()); ++t)
    {
        const auto& track = plan.tracks[size_t (t)];
        if (! track.audible)
            continue;
        forEachClipInBlock (track, position, numFrames, [&] (const PlanClip& clip, int64_t from, int count) {
            slot.reads.push_back ({ t, clip.mediaIndex, track.channels, count, clip.sourceStart + (from - clip.start), total });
            total += size_t (track.channels) * size_t (count);
        });
    }
    if (slot.samples.size() < total)
        slot.samples.resize (total);

    float* pointers[maxChannels];
    for (auto& r : slot.reads)
    {
        for (int c = 0; c < r.channels; ++c)
            pointers[c] = slot.samples.data() + r.offset + size_t (c) * size_t (r.numFrames);
        files.read (r.trackIndex, r.mediaIndex, r.startFrame, pointers, r.channels, r.numFrames);
    }
    slot.error = files.firstError();
}

void ReadAheadMediaSource::readerLoop()
{
    const int64_t blocks = (plan.length + blockSize - 1) / blockSize;
    for (int64_t block = 0; block < blocks; ++block)
    {
        Slot& slot = slots[size_t (block % int64_t (slots.size()))];
        {
            std::unique_lock lock (mutex);
            // The slot is free once the mixer has finished the block that used it before.
            changed.wait (lock, [&] { return stopping || block - consumedBlocks < int64_t (slots.size()); });
            if (stopping)
                return;
        }
        const int64_t position = block * blockSize;
        fill (slot, position, int (std::min<int64_t> (blockSize, plan.length - position)));
        {
            std::lock_guard lock (mutex);
            slot.ready = true;
        }
        changed.notify_all();
    }
}

void ReadAheadMediaSource::blockStarting (int64_t position, int) noexcept
{
    std::unique_lock lock (mutex);
    if (current != nullptr)
    {
        current->ready = false;
        ++consumedBlocks;
        changed.notify_all();
    }
    currentBlock = position / blockSize;
    Slot& slot = slots[size_t (currentBlock % int64_t (slots.size()))];
    changed.wait (lock, [&] { return slot.ready; });
    current = &slot;
    nextRead = 0;
    if (slot.error && ! error)
        error = slot.error;
}

int64_t ReadAheadMediaSource::read (int trackIndex, int mediaIndex, int64_t startFrame, float* const* dest, int channels,
                                    int numFrames) noexcept
{
    const Read* r = (current != nullptr && nextRead < current->reads.size()) ? &current->reads[nextRead++] : nullptr;
    if (r == nullptr || r->trackIndex != trackIndex || r->mediaIndex != mediaIndex || r->startFrame != startFrame
        || r->channels != channels || r->numFrames != numFrames)
    {
        // The walk diverged from the mixer's: a bug, never a reason to play the wrong audio.
        if (! error)
            error = core::makeError ("internal: read-ahead out of step with the mixer at sample "
                                     + std::to_string (startFrame));
        for (int c = 0; c < channels; ++c)
            dsp::clear (dest[c], numFrames);
        return 0;
    }
    for (int c = 0; c < channels; ++c)
        std::memcpy (dest[c], current->samples.data() + r->offset + size_t (c) * size_t (numFrames),
                     sizeof (float) * size_t (numFrames));
    return numFrames;
}
} // namespace sprocket::engine
