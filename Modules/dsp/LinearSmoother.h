#pragma once

#include <algorithm>
#include <cmath>

namespace sprocket::dsp
{
/** Ramps a value linearly to a new target over a fixed number of samples, so a parameter jump
    becomes a straight line: the largest change between two samples is |target - start| /
    rampSamples, which is what the "no zipper" tests check. A new target while ramping starts a
    fresh ramp from wherever the value is. Linear rather than one-pole because it arrives exactly
    (no tail that never settles or decays into denormals) and its worst step is easy to bound.
    prepare() [[message thread]]; everything else [[audio thread]], real-time safe. */
class LinearSmoother
{
public:
    void prepare (double sampleRate, double rampMs) noexcept
    {
        rampSamples = std::max (1, (int) std::lround (sampleRate * rampMs / 1000.0));
        remaining = 0;
        current = target;
    }

    /** Jumps to v without a ramp (after prepare or reset, when nothing is playing yet). */
    void setImmediate (double v) noexcept
    {
        current = target = v;
        step = 0.0;
        remaining = 0;
    }

    void setTarget (double v) noexcept
    {
        if (v == target)
            return;
        target = v;
        if (rampSamples <= 1)
            return setImmediate (v);
        remaining = rampSamples;
        step = (target - current) / rampSamples;
    }

    /** Advances one sample and returns the new value. */
    double next() noexcept
    {
        if (remaining == 0)
            return current;
        current = --remaining == 0 ? target : current + step;
        return current;
    }

    /** Advances n samples at once, for parameters applied per sub-block. */
    void skip (int n) noexcept
    {
        if (n >= remaining)
        {
            current = target;
            remaining = 0;
        }
        else
        {
            current += step * n;
            remaining -= n;
        }
    }

    bool isSmoothing() const noexcept { return remaining > 0; }
    double getCurrent() const noexcept { return current; }
    double getTarget() const noexcept { return target; }
    int getRampSamples() const noexcept { return rampSamples; }

private:
    double current = 0.0, target = 0.0, step = 0.0;
    int remaining = 0;
    int rampSamples = 1;
};
} // namespace sprocket::dsp
