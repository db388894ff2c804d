#pragma once

#include <cstring>
#include <vector>

namespace sprocket::engine
{
/** Planar float audio with a fixed channel count and capacity. Allocates only in allocate();
    everything else is real-time safe. */
class AudioBuffer
{
public:
    /** [[message thread]] allocates. */
    void allocate (int numChannels, int capacityFrames)
    {
        channels = numChannels;
        capacity = capacityFrames;
        samples.assign (size_t (numChannels) * size_t (capacityFrames), 0.0f);
        pointers.resize (size_t (numChannels));
        for (int c = 0; c < numChannels; ++c)
            pointers[size_t (c)] = samples.data() + size_t (c) * size_t (capacityFrames);
    }

    void clear (int numChannels, int frames) noexcept
    {
        for (int c = 0; c < numChannels; ++c)
            std::memset (pointers[size_t (c)], 0, sizeof (float) * size_t (frames));
    }

    float* const* data() noexcept { return pointers.data(); }
    const float* const* data() const noexcept { return pointers.data(); }
    float* channel (int c) noexcept { return pointers[size_t (c)]; }
    int numChannels() const noexcept { return channels; }
    int capacityFrames() const noexcept { return capacity; }

private:
    std::vector<float> samples;
    std::vector<float*> pointers;
    int channels = 0;
    int capacity = 0;
};
} // namespace sprocket::engine
