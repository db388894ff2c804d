#include "dsp/DelayProcessor.h"

#include <algorithm>
#include <cmath>

namespace sprocket::dsp
{
static constexpr float crossfadeMs = 20.0f;

DelayProcessor::DelayProcessor()
    : Processor ({ { "delay_ms", "Delay", "ms", 0.0f, maxDelayMs, 0.0f, crossfadeMs } })
{
}

int DelayProcessor::delaySamples() const noexcept
{
    return (int) std::lround (getParameter (delayMs) * 0.001 * getSampleRate());
}

void DelayProcessor::prepareToPlay()
{
    // A power-of-two ring so wrapping is a mask; one extra slot because the current sample is
    // written before the delayed one is read.
    const int maxDelay = (int) std::ceil (maxDelayMs * 0.001 * getSampleRate());
    int size = 1;
    while (size < maxDelay + 1)
        size *= 2;
    mask = size - 1;
    lines.assign ((size_t) getNumChannels(), std::vector<float> ((size_t) size, 0.0f));
    fadeLength = std::max (1, (int) std::lround (crossfadeMs * 0.001 * getSampleRate()));
}

void DelayProcessor::resetState() noexcept
{
    for (auto& line : lines)
        std::fill (line.begin(), line.end(), 0.0f);
    writePos = 0;
    currentDelay = previousDelay = delaySamples();
    fadePos = fadeLength;
}

void DelayProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    const int target = delaySamples();
    if (fadePos >= fadeLength && target != currentDelay)
    {
        previousDelay = currentDelay;
        currentDelay = target;
        fadePos = 0;
    }

    numChannels = std::min (numChannels, (int) lines.size());
    const int startPos = writePos;
    const int startFade = fadePos;
    const float fadeStep = 1.0f / (float) fadeLength;

    for (int c = 0; c < numChannels; ++c)
    {
        auto* line = lines[(size_t) c].data();
        auto* data = channels[c];
        int w = startPos;
        int f = startFade;

        for (int i = 0; i < numFrames; ++i)
        {
            line[w] = data[i];
            const float now = line[(w - currentDelay) & mask];
            if (f < fadeLength)
            {
                const float before = line[(w - previousDelay) & mask];
                const float t = (float) ++f * fadeStep;
                data[i] = before + t * (now - before);
            }
            else
            {
                data[i] = now;
            }
            w = (w + 1) & mask;
        }
    }

    writePos = (startPos + numFrames) & mask;
    fadePos = std::min (fadeLength, startFade + numFrames);
}
} // namespace sprocket::dsp
