#include "engine/AudioTap.h"

#include <algorithm>
#include <cstring>

namespace sprocket::engine
{
AudioTap::AudioTap (int numberOfChannels, int capacityFrames)
    : channels (std::max (1, numberOfChannels)), capacity (std::max (1, capacityFrames)),
      samples ((size_t) channels * (size_t) capacity, 0.0f)
{
}

void AudioTap::push (const float* const* audio, int numFrames) noexcept
{
    const auto end = written.load (std::memory_order_relaxed);
    const auto start = read.load (std::memory_order_acquire);
    if (numFrames > capacity - (int) (end - start))
    {
        droppedFrames.fetch_add (numFrames, std::memory_order_relaxed);
        gapCount.fetch_add (1, std::memory_order_release);
        return;
    }
    const auto first = (size_t) (end % capacity);
    const size_t head = std::min ((size_t) numFrames, (size_t) capacity - first);
    for (int c = 0; c < channels; ++c)
    {
        float* ring = samples.data() + (size_t) c * (size_t) capacity;
        std::memcpy (ring + first, audio[c], head * sizeof (float));
        std::memcpy (ring, audio[c] + head, ((size_t) numFrames - head) * sizeof (float));
    }
    written.store (end + numFrames, std::memory_order_release);
}

int AudioTap::pop (float* const* dest, int maxFrames) noexcept
{
    const auto start = read.load (std::memory_order_relaxed);
    const auto end = written.load (std::memory_order_acquire);
    const int n = (int) std::min<int64_t> (maxFrames, end - start);
    const auto first = (size_t) (start % capacity);
    const size_t head = std::min ((size_t) n, (size_t) capacity - first);
    for (int c = 0; c < channels; ++c)
    {
        const float* ring = samples.data() + (size_t) c * (size_t) capacity;
        std::memcpy (dest[c], ring + first, head * sizeof (float));
        std::memcpy (dest[c] + head, ring, ((size_t) n - head) * sizeof (float));
    }
    read.store (start + n, std::memory_order_release);
    return n;
}

int AudioTap::available() const noexcept
{
    return (int) (written.load (std::memory_order_acquire) - read.load (std::memory_order_relaxed));
}
} // namespace sprocket::engine
