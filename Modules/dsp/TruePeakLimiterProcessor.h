#pragma once

#include "dsp/LookaheadDelay.h"
#include "dsp/LookaheadGain.h"
#include "dsp/Processor.h"
#include "dsp/TruePeakDetector.h"

#include <cstdint>
#include <vector>

namespace sprocket::dsp
{
/** Look-ahead brickwall limiter on true peak: "true_peak_limiter" with ceiling_dbtp [-24, 0] dBTP
    (default -1) and release_ms [1, 1000] ms (default 100). The output's BS.1770-4 true peak (4x
    oversampled, as TruePeakMeter reads it) never exceeds the ceiling, and neither does a
    near-ideal 8x reconstruction (TruePeakDetector, which reads both). Channels are linked: one
    gain, from the loudest channel (LFE included, it clips too).

    Gain: an oversampled point between input samples k and k + 1 is a weighted sum of the S input
    samples around it (S = TruePeakDetector::span(), 64), so all of them must carry its gain
    g = min(1, ceiling / |point|). With A attack samples (the look-ahead, 2 ms) and
    W = A + S - 1, h[n] = min g over the last W detector readings; r follows h down at once and
    back up with the release time constant (one-pole, 63 % in release_ms); the applied gain is
    the mean of r over the last A samples and multiplies the input delayed by W - 1 (W spans the
    detector's own S / 2 lag too). Every r in that mean saw, in its min window, every point the
    delayed sample contributes to, so the gain is never above what any of those points needs (the
    ceiling holds), and it moves as a linear ramp of A samples into a peak instead of a step. The
    gain is computed in double: the rounding left (~1e-16 relative) is far below a float step.

    latencySamples() = W - 1 = A + S - 2: 158 samples at 48 kHz (2 ms look-ahead plus the
    detector's span); callers compensate. maxGainReductionDb() reports the deepest reduction since
    reset(). prepare() [[message thread]] allocates; process() [[audio thread]] is real-time safe. */
class TruePeakLimiterProcessor final : public Processor
{
public:
    enum Parameter : int
    {
        ceilingDbtp,
        releaseMs
    };

    static constexpr double lookaheadMs = 2.0;

    TruePeakLimiterProcessor();

    std::string_view typeName() const noexcept override { return "true_peak_limiter"; }
    int latencySamples() const noexcept override { return delay; }

    /** Deepest gain reduction since reset(), in dB (>= 0; 0 when it never limited).
        [[any thread]] while process() is not running. */
    double maxGainReductionDb() const noexcept;

protected:
    void prepareToPlay() override;
    void processBlock (float* const* channels, int numChannels, int numFrames) noexcept override;
    void resetState() noexcept override;

private:
    TruePeakDetector detector;
    std::vector<float> peaks; // the detector's reading for each frame of the block
    int delay = 0;
    LookaheadDelay delayLines;
    LookaheadGain gainComputer;
    double smallestGain = 1.0;
};
} // namespace sprocket::dsp
