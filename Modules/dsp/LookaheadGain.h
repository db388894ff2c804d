#pragma once

#include <cstdint>
#include <vector>

namespace sprocket::dsp
{
/** The gain computer both look-ahead limiters share (LimiterProcessor, TruePeakLimiterProcessor).
    Fed, per sample, the gain g that would keep that sample at the ceiling, it returns the gain to
    apply to the sample `window - 1` samples older:
    - h = the minimum g over the last `window` samples (a monotonic queue: each sample is pushed
      and popped at most once);
    - r follows h down at once and back up with the release coefficient (so r <= h), snapping to
      h within 1e-9 so a recovery ends exactly and quiet material passes bit-exactly;
    - the result is the mean of r over the last `smoothing` samples (<= window): a smooth ramp
      rather than a step, and never above the g of the sample it multiplies, because every r in
      the mean saw that sample in its window.
    Double precision throughout. prepare() [[message thread]] allocates; the rest real-time safe. */
class LookaheadGain
{
public:
    void prepare (int window, int smoothing);
    void reset() noexcept;

    /** The next gain; releaseCoefficient = exp(-1 / (release time in samples)). */
    double next (double needed, double releaseCoefficient) noexcept;

private:
    struct MinEntry
    {
        int64_t index;
        double gain;
    };

    double windowMin (double gain) noexcept;

    int window = 1;
    std::vector<MinEntry> queue;
    int queueMask = 0;
    int64_t queueFront = 0, queueBack = 0;
    int64_t sampleIndex = 0;

    std::vector<double> boxValues;
    int boxPos = 0;
    double boxSum = 0.0;
    double released = 1.0;
};
} // namespace sprocket::dsp
