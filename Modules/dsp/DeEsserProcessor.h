#pragma once

#include "dsp/Biquad.h"
#include "dsp/Processor.h"

#include <vector>

namespace sprocket::dsp
{
/** Split-band de-esser for dialogue: "de_esser" with frequency_hz [2000, 12000] (default 6000),
    threshold_db [-60, 0] (default -30) and range_db [0, 24] (default 8, the most it takes off).

    Each channel splits at frequency_hz with a Linkwitz-Riley crossover (fourth order: two
    Butterworth sections per side), whose bands are in phase with each other at every frequency
    and add up to a flat (all-pass) response, so turning the upper band down never combs with
    the lower one. The upper band's level is followed by a peak envelope (attack 1 ms, release
    60 ms) of the loudest channel; where it passes the threshold the band is turned down by as
    much as it passes it (a limiter on the esses), at most range_db, with the same gain on every
    channel so the image stays put. Below the threshold the magnitude response is flat (the
    crossover's phase turn remains, as in every split-band de-esser). */
class DeEsserProcessor final : public Processor
{
public:
    enum Parameter : int
    {
        frequencyHz,
        thresholdDb,
        rangeDb
    };

    DeEsserProcessor();

    std::string_view typeName() const noexcept override { return "de_esser"; }

    /** The deepest cut since prepare/reset, in dB (0 or more): for a gain-reduction meter. */
    float maxReductionDb() const noexcept { return deepestCutDb; }

protected:
    void prepareToPlay() override;
    void processBlock (float* const* channels, int numChannels, int numFrames) noexcept override;
    void resetState() noexcept override;

private:
    Biquad lowFirst, lowSecond, highFirst, highSecond; // the crossover's two sides
    std::vector<float> band;                           // the upper band of the block, per channel
    float designedFrequency = -1.0f;
    double envelope = 0.0;
    double attackCoefficient = 0.0, releaseCoefficient = 0.0;
    float deepestCutDb = 0.0f;
};
} // namespace sprocket::dsp
