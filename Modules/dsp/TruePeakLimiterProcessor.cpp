#include "dsp/TruePeakLimiterProcessor.h"

#include "core/Decibels.h"

#include <algorithm>
#include <cmath>

namespace sprocket::dsp
{
TruePeakLimiterProcessor::TruePeakLimiterProcessor()
    : Processor ({ { "ceiling_dbtp", "Ceiling", "dBTP", -24.0f, 0.0f, -1.0f, 0.0f },
                   { "release_ms", "Release", "ms", 1.0f, 1000.0f, 100.0f, 0.0f } })
{
}

double TruePeakLimiterProcessor::maxGainReductionDb() const noexcept
{
    return smallestGain < 1.0 ? -20.0 * std::log10 (smallestGain) : 0.0;
}

void TruePeakLimiterProcessor::prepareToPlay()
{
    const int channels = getNumChannels();
    detector.prepare (getSampleRate(), channels, getMaxBlockSize());
    peaks.assign ((size_t) getMaxBlockSize(), 0.0f);
    // The gain ramps over `attack`; the window also covers the detector's span, since a peak
    // between samples shows in the detector's reading of every sample its filter touches.
    const int attack = std::max (1, (int) std::lround (lookaheadMs * 0.001 * getSampleRate()));
    const int window = attack + detector.span() - 1;
    delay = window - 1;

    delayLines.prepare (channels, delay);
    gainComputer.prepare (window, attack);
}

void TruePeakLimiterProcessor::resetState() noexcept
{
    detector.reset();
    delayLines.reset();
    gainComputer.reset();
    smallestGain = 1.0;
}

void TruePeakLimiterProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    numChannels = std::min (numChannels, delayLines.numChannels());
    detector.process (channels, numChannels, numFrames, peaks.data());

    const double ceiling = core::gainFromDb (getParameter (ceilingDbtp));
    const double releaseCoeff = std::exp (-1.0 / (getParameter (releaseMs) * 0.001 * getSampleRate()));

    for (int i = 0; i < numFrames; ++i)
    {
        const double peak = peaks[(size_t) i];
        const double gain = gainComputer.next (peak > ceiling ? ceiling / peak : 1.0, releaseCoeff);
        smallestGain = std::min (smallestGain, gain);

        delayLines.exchange (channels, numChannels, i, gain);
    }
}
} // namespace sprocket::dsp
