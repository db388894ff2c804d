#include "dsp/DeHumProcessor.h"

#include <algorithm>
#include <cmath>

namespace sprocket::dsp
{
DeHumProcessor::DeHumProcessor()
    : Processor ({ { "frequency_hz", "Mains frequency", "Hz", 40.0f, 70.0f, 50.0f, 0.0f },
                   { "harmonics", "Harmonics", "", 1.0f, (float) maxHarmonics, 4.0f, 0.0f },
                   { "q", "Q", "", 5.0f, 100.0f, 30.0f, 0.0f } })
{
}

void DeHumProcessor::prepareToPlay()
{
    for (auto& notch : notches)
        notch.prepare (getNumChannels());
    designedFrequency = designedHarmonics = designedQ = -1.0f;
    updateCoefficients();
}

void DeHumProcessor::resetState() noexcept
{
    for (auto& notch : notches)
        notch.reset();
}

void DeHumProcessor::updateCoefficients() noexcept
{
    const float frequency = getParameter (frequencyHz), count = getParameter (harmonics), width = getParameter (q);
    if (frequency == designedFrequency && count == designedHarmonics && width == designedQ)
        return;
    designedFrequency = frequency;
    designedHarmonics = count;
    designedQ = width;
    activeNotches = 0;
    for (int k = 1; k <= std::clamp ((int) std::lround (count), 1, maxHarmonics); ++k)
    {
        if (k * frequency >= 0.45 * getSampleRate())
            break;
        // The same q at every harmonic: each notch is as wide, relative to its frequency.
        notches[(size_t) activeNotches++].setCoefficients (BiquadCoefficients::notch (getSampleRate(), k * frequency, width));
    }
}

void DeHumProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    updateCoefficients();
    for (int k = 0; k < activeNotches; ++k)
        for (int c = 0; c < numChannels; ++c)
            notches[(size_t) k].process (channels[c], numFrames, c);
}
} // namespace sprocket::dsp
