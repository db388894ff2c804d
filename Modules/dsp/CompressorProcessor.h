#pragma once

#include "dsp/LinearSmoother.h"
#include "dsp/Processor.h"

namespace sprocket::dsp
{
/** Feed-forward compressor after Giannoulis, Massberg & Reiss, "Digital Dynamic Range
    Compressor Design - A Tutorial and Analysis" (JAES 2012): the level is taken per sample as
    the largest |x| over all channels (stereo-linked, so the image does not shift), converted to
    dB, passed through the static soft-knee gain computer, and the resulting gain reduction is
    smoothed in the log domain by a branching peak detector (attack while reduction grows,
    release while it shrinks). One gain, plus makeup, is applied to every channel.

    "compressor": threshold_db [-60, 0] (-20), ratio [1, 20] :1 (4), attack_ms [0.1, 200] (10),
    release_ms [5, 5000] (100), knee_db [0, 24] (6, the full knee width W), makeup_db [-12, 24] (0).

    Time constants: attack and release are the one-pole time constants of the detector: after a
    step in level the gain reduction covers 1 - 1/e (63 %) of its change in attack_ms (growing)
    or release_ms (shrinking). Because detection is per-sample peak, a steady tone settles a little
    short of the static curve's reduction: between the peaks of each cycle the detector releases,
    and the attack only partly wins it back at the next peak. For a 1 kHz sine with 500 ms release
    the shortfall is about 0.1 dB at 1 ms attack and 0.5 dB at 10 ms. Smoothing: makeup_db ramps over 20 ms like a fader; threshold,
    ratio and knee need none because they only move the detector's target, which the detector
    then reaches at the attack or release rate. */
class CompressorProcessor final : public Processor
{
public:
    enum Parameter : int { thresholdDb, ratio, attackMs, releaseMs, kneeDb, makeupDb };

    CompressorProcessor();

    std::string_view typeName() const noexcept override { return "compressor"; }

    /** The static curve: output level in dB for an input level xG in dB (eq. 4 of the paper).
        [[any thread]] */
    static float gainComputer (float xG, float threshold, float ratio, float knee) noexcept;

    /** The detector's current gain reduction in dB (>= 0), for meters. [[audio thread]] */
    float currentReductionDb() const noexcept { return (float) reductionDb; }

protected:
    void prepareToPlay() override;
    void processBlock (float* const* channels, int numChannels, int numFrames) noexcept override;
    void resetState() noexcept override;

private:
    LinearSmoother makeup;
    double reductionDb = 0.0;
    float cachedGainDb = 0.0f;
    float cachedGain = 1.0f;
};
} // namespace sprocket::dsp
