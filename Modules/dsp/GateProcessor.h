#pragma once

#include "dsp/Processor.h"

namespace sprocket::dsp
{
/** Noise gate / downward expander with a fixed depth: "gate".
      threshold_db [-96, 0] dB (-50)   opens when the level reaches it
      range_db     [-96, 0] dB (-80)   gain while closed (-20 gives a gentle expander-like dip)
      attack_ms    [0.1, 100] ms (1)   opening time constant
      hold_ms      [0, 2000] ms (50)   stays open this long after the level falls
      release_ms   [1, 5000] ms (100)  closing time constant
    Detection, stereo-linked: the largest |x| over channels feeds a peak envelope that decays with
    a 20 ms time constant, and the gate closes only when the envelope is 6 dB below the threshold
    (hysteresis). Together these bridge the zero crossings of a 50 Hz sine (the envelope dips
    about 3.3 dB between its peaks) so a steady tone never chatters, even with hold 0.
    The gain moves in dB, as a one-pole towards 0 dB (open) or range_db (closed): attack_ms and
    release_ms are the times to cover 63 % (1 - 1/e) of that distance. No parameter needs extra
    smoothing: a change only moves the target of this one-pole. */
class GateProcessor final : public Processor
{
public:
    enum Parameter : int { thresholdDb, rangeDb, attackMs, holdMs, releaseMs };

    GateProcessor();

    std::string_view typeName() const noexcept override { return "gate"; }

protected:
    void prepareToPlay() override;
    void processBlock (float* const* channels, int numChannels, int numFrames) noexcept override;
    void resetState() noexcept override;

private:
    double envelopeCoeff = 0.0;
    float envelope = 0.0f;
    int holdRemaining = 0;
    bool open = true;
    double gainDb = 0.0;
    float cachedGainDb = 0.0f;
    float cachedGain = 1.0f;
};
} // namespace sprocket::dsp
