#pragma once

#include "dsp/LookaheadDelay.h"
#include "dsp/LookaheadGain.h"
#include "dsp/Processor.h"

#include <cstdint>
#include <vector>

namespace sprocket::dsp
{
/** Look-ahead peak limiter: "limiter" with ceiling_db [-24, 0] dB (default -1) and release_ms
    [1, 1000] ms (default 50). The sample peak of the output never exceeds the ceiling.

    How (the look-ahead-window design): for every input sample the gain that would keep it at the
    ceiling is g = min(1, ceiling / max|x|). With a window of W = lookahead + 1 samples,
    h[n] = min g over the last W samples; r follows h down at once and back up with the release
    time constant (so r <= h); the applied gain is the mean of r over the last W samples, and it
    multiplies the input delayed by lookahead = W - 1. Every r in the averaging window that
    multiplies the sample at n - lookahead saw that sample in its min-window, so the mean is no
    larger than that sample's own g: the ceiling holds exactly, and the gain still moves as a
    smooth W-sample ramp rather than a step. Double-precision gains leave only ~1e-16 relative
    rounding, far below half a float step, so no clipper is needed after it.

    Latency: lookahead is fixed at 2 ms (96 samples at 48 kHz), reported by latencySamples() so
    the engine can compensate. Parameters need no smoothing: the window already ramps any
    ceiling change into a W-sample (down) or release-time (up) gain curve. */
class LimiterProcessor final : public Processor
{
public:
    enum Parameter : int
    {
        ceilingDb,
        releaseMs
    };

    static constexpr double lookaheadMs = 2.0;

    LimiterProcessor();

    std::string_view typeName() const noexcept override { return "limiter"; }
    int latencySamples() const noexcept override { return lookahead; }

protected:
    void prepareToPlay() override;
    void processBlock (float* const* channels, int numChannels, int numFrames) noexcept override;
    void resetState() noexcept override;

private:
    int lookahead = 0;
    LookaheadDelay delayLines;
    LookaheadGain gainComputer;
};
} // namespace sprocket::dsp
