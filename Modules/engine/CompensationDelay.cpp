#include "engine/CompensationDelay.h"

#include <algorithm>
#include <utility>

namespace sprocket::engine
{
void CompensationDelay::prepare (int numChannels, int delayFrames)
{
    channels = numChannels;
    delay = std::max (0, delayFrames);
    line.assign (size_t (channels) * size_t (delay), 0.0f);
    writeIndex = 0;
    heldFrames = 0;
}

void CompensationDelay::process (float* const* audio, int numChannels, int numFrames, bool inputSounding) noexcept
{
    if (delay == 0)
        return;
    const int width = std::min (numChannels, channels);
    int index = writeIndex;
    for (int c = 0; c < width; ++c)
    {
        float* history = line.data() + size_t (c) * size_t (delay);
        float* samples = audio[c];
        index = writeIndex;
        for (int i = 0; i < numFrames; ++i)
        {
            std::swap (samples[i], history[index]);
            if (++index == delay)
                index = 0;
        }
    }
    writeIndex = width > 0 ? index : writeIndex;
    heldFrames = inputSounding ? delay : std::max (0, heldFrames - numFrames);
}

bool CompensationDelay::swapStateWith (CompensationDelay& other) noexcept
{
    if (other.delay != delay || other.channels != channels)
        return false;
    line.swap (other.line);
    std::swap (writeIndex, other.writeIndex);
    std::swap (heldFrames, other.heldFrames);
    return true;
}
} // namespace sprocket::engine
