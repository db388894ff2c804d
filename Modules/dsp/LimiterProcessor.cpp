#include "dsp/LimiterProcessor.h"

#include "core/Decibels.h"

#include <algorithm>
#include <cmath>

namespace sprocket::dsp
{
LimiterProcessor::LimiterProcessor()
    : Processor ({ { "ceiling_db", "Ceiling", "dB", -24.0f, 0.0f, -1.0f, 0.0f },
                   { "release_ms", "Release", "ms", 1.0f, 1000.0f, 50.0f, 0.0f } })
{
}

void LimiterProcessor::prepareToPlay()
{
    lookahead = std::max (1, (int) std::lround (lookaheadMs * 0.001 * getSampleRate()));
    const int window = lookahead + 1;
    delayLines.prepare (getNumChannels(), lookahead);
    gainComputer.prepare (window, window);
}

void LimiterProcessor::resetState() noexcept
{
    delayLines.reset();
    gainComputer.reset();
}

void LimiterProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    numChannels = std::min (numChannels, delayLines.numChannels());
    const double ceiling = (double) (float) core::gainFromDb (getParameter (ceilingDb));
    const double releaseCoeff = std::exp (-1.0 / (getParameter (releaseMs) * 0.001 * getSampleRate()));

    for (int i = 0; i < numFrames; ++i)
    {
        float peak = 0.0f;
        for (int c = 0; c < numChannels; ++c)
            peak = std::max (peak, std::abs (channels[c][i]));
        const double gain = gainComputer.next (peak > ceiling ? ceiling / peak : 1.0, releaseCoeff);

        delayLines.exchange (channels, numChannels, i, gain);
    }
}
} // namespace sprocket::dsp
