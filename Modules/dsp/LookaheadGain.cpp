#include "dsp/LookaheadGain.h"

#include <algorithm>
#include <bit>

namespace sprocket::dsp
{
void LookaheadGain::prepare (int windowSamples, int smoothingSamples)
{
    window = std::max (1, windowSamples);
    const int queueSize = (int) std::bit_ceil ((unsigned) window + 1u);
    queueMask = queueSize - 1;
    queue.assign ((size_t) queueSize, MinEntry { 0, 1.0 });
    boxValues.assign ((size_t) std::clamp (smoothingSamples, 1, window), 1.0);
    reset();
}

void LookaheadGain::reset() noexcept
{
    queueFront = queueBack = 0;
    sampleIndex = 0;
    std::fill (boxValues.begin(), boxValues.end(), 1.0);
    boxPos = 0;
    boxSum = (double) boxValues.size();
    released = 1.0;
}

double LookaheadGain::windowMin (double gain) noexcept
{
    while (queueBack > queueFront && queue[(size_t) ((queueBack - 1) & queueMask)].gain >= gain)
        --queueBack;
    queue[(size_t) (queueBack++ & queueMask)] = { sampleIndex, gain };
    while (queue[(size_t) (queueFront & queueMask)].index <= sampleIndex - window)
        ++queueFront;
    return queue[(size_t) (queueFront & queueMask)].gain;
}

double LookaheadGain::next (double needed, double releaseCoefficient) noexcept
{
    const double h = windowMin (needed);
    ++sampleIndex;

    released = h < released ? h : h - releaseCoefficient * (h - released);
    if (h - released < 1.0e-9)
        released = h;

    boxSum += released - boxValues[(size_t) boxPos];
    boxValues[(size_t) boxPos] = released;
    if (++boxPos == (int) boxValues.size())
    {
        // Recompute once per pass so the running sum cannot drift.
        boxPos = 0;
        boxSum = 0.0;
        for (double v : boxValues)
            boxSum += v;
    }
    return std::min (1.0, boxSum / (double) boxValues.size());
}
} // namespace sprocket::dsp
