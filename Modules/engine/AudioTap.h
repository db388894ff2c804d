#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

namespace sprocket::engine
{
/** A copy of what the engine plays, handed from the audio thread to one reader (the app's
    loudness meter) through a lock-free single-producer/single-consumer ring.

    The audio thread pushes whole blocks; a block that does not fit (the reader fell more than
    the ring's length behind, or is not reading at all) is dropped whole and counted, so a reader
    sees a gap rather than torn audio, and the audio thread never waits. Planar storage, one
    ring per channel, fixed at construction.
    push() [[audio thread]] real-time safe; pop() and dropped() [[one reader thread]]. */
class AudioTap
{
public:
    /** [[message thread]] allocates. */
    AudioTap (int channels, int capacityFrames);

    int numChannels() const noexcept { return channels; }

    /** Copies numFrames of every channel in, or drops them all if there is no room. */
    void push (const float* const* audio, int numFrames) noexcept;

    /** Copies up to maxFrames of every channel out, oldest first; returns how many. */
    int pop (float* const* dest, int maxFrames) noexcept;

    /** Frames available to pop() now. */
    int available() const noexcept;

    /** Frames dropped since construction because the ring was full. */
    int64_t dropped() const noexcept { return droppedFrames.load (std::memory_order_relaxed); }

    /** Bumped whenever frames are dropped: a reader that sees it change knows the audio it pops
        does not follow on from what it popped before. */
    int64_t gaps() const noexcept { return gapCount.load (std::memory_order_acquire); }

private:
    const int channels;
    const int capacity;
    std::vector<float> samples;                     // channel c at [c * capacity, (c + 1) * capacity)
    std::atomic<int64_t> written { 0 }, read { 0 }; // frames, ever increasing
    std::atomic<int64_t> droppedFrames { 0 }, gapCount { 0 };
};
} // namespace sprocket::engine
