#include "dsp/GateProcessor.h"

#include "dsp/FastDecibels.h"

#include <algorithm>
#include <cmath>

namespace sprocket::dsp
{
static constexpr double envelopeMs = 20.0;
static constexpr float hysteresisDb = 6.0f;

// The gain snaps to its target when within this many dB (an error of 0.01 %), so it arrives
// exactly instead of approaching for ever.
static constexpr double snapDb = 1.0e-3;

// An envelope below -180 dB is silence; zeroing it keeps the decay out of denormals.
static constexpr float envelopeFloor = 1.0e-9f;

GateProcessor::GateProcessor()
    : Processor ({ { "threshold_db", "Threshold", "dB", -96.0f, 0.0f, -50.0f, 0.0f },
                   { "range_db", "Range", "dB", -96.0f, 0.0f, -80.0f, 0.0f },
                   { "attack_ms", "Attack", "ms", 0.1f, 100.0f, 1.0f, 0.0f },
                   { "hold_ms", "Hold", "ms", 0.0f, 2000.0f, 50.0f, 0.0f },
                   { "release_ms", "Release", "ms", 1.0f, 5000.0f, 100.0f, 0.0f } })
{
}

void GateProcessor::prepareToPlay()
{
    envelopeCoeff = onePoleCoefficient (envelopeMs, getSampleRate());
}

void GateProcessor::resetState() noexcept
{
    // Start open so the first syllable after a locate is not chopped; a quiet signal closes
    // the gate within the release time.
    envelope = 0.0f;
    holdRemaining = 0;
    open = true;
    gainDb = 0.0;
    cachedGainDb = 0.0f;
    cachedGain = 1.0f;
}

void GateProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    const double sr = getSampleRate();
    const float openLevel = fastDbToGain (getParameter (thresholdDb));
    const float closeLevel = fastDbToGain (getParameter (thresholdDb) - hysteresisDb);
    const double range = getParameter (rangeDb);
    const double attack = onePoleCoefficient (getParameter (attackMs), sr);
    const double release = onePoleCoefficient (getParameter (releaseMs), sr);
    const int holdSamples = (int) std::lround (getParameter (holdMs) * 0.001 * sr);
    const auto decay = (float) envelopeCoeff;

    for (int i = 0; i < numFrames; ++i)
    {
        float peak = 0.0f;
        for (int c = 0; c < numChannels; ++c)
            peak = std::max (peak, std::abs (channels[c][i]));

        envelope = std::max (peak, envelope * decay);
        if (envelope < envelopeFloor)
            envelope = 0.0f;

        if (envelope >= openLevel)
        {
            open = true;
            holdRemaining = holdSamples;
        }
        else if (envelope < closeLevel)
        {
            if (holdRemaining > 0)
                --holdRemaining;
            else
                open = false;
        }

        const double target = open ? 0.0 : range;
        const double a = target > gainDb ? attack : release;
        gainDb = target + a * (gainDb - target);
        if (std::abs (gainDb - target) < snapDb)
            gainDb = target;

        if ((float) gainDb != cachedGainDb)
        {
            cachedGainDb = (float) gainDb;
            cachedGain = fastDbToGain (cachedGainDb);
        }
        for (int c = 0; c < numChannels; ++c)
            channels[c][i] *= cachedGain;
    }
}
} // namespace sprocket::dsp
