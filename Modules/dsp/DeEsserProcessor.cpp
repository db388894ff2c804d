#include "dsp/DeEsserProcessor.h"

#include "core/Decibels.h"

#include <algorithm>
#include <cmath>

namespace sprocket::dsp
{
DeEsserProcessor::DeEsserProcessor()
    : Processor ({ { "frequency_hz", "Frequency", "Hz", 2000.0f, 12000.0f, 6000.0f, 0.0f },
                   { "threshold_db", "Threshold", "dB", -60.0f, 0.0f, -30.0f, 0.0f },
                   { "range_db", "Range", "dB", 0.0f, 24.0f, 8.0f, 0.0f } })
{
}

void DeEsserProcessor::prepareToPlay()
{
    for (auto* section : { &lowFirst, &lowSecond, &highFirst, &highSecond })
        section->prepare (getNumChannels());
    designedFrequency = -1.0f;
    band.assign ((size_t) getNumChannels() * (size_t) getMaxBlockSize(), 0.0f);
    attackCoefficient = std::exp (-1.0 / (0.001 * getSampleRate()));
    releaseCoefficient = std::exp (-1.0 / (0.060 * getSampleRate()));
    resetState();
}

void DeEsserProcessor::resetState() noexcept
{
    for (auto* section : { &lowFirst, &lowSecond, &highFirst, &highSecond })
        section->reset();
    envelope = 0.0;
    deepestCutDb = 0.0f;
}

void DeEsserProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    const float frequency = std::min (getParameter (frequencyHz), (float) (0.45 * getSampleRate()));
    if (frequency != designedFrequency)
    {
        designedFrequency = frequency;
        const auto low = BiquadCoefficients::lowPass (getSampleRate(), frequency, 0.70710678);
        const auto high = BiquadCoefficients::highPass (getSampleRate(), frequency, 0.70710678);
        lowFirst.setCoefficients (low);
        lowSecond.setCoefficients (low);
        highFirst.setCoefficients (high);
        highSecond.setCoefficients (high);
    }
    const double threshold = core::gainFromDb (getParameter (thresholdDb));
    const double floorGain = core::gainFromDb (-getParameter (rangeDb));

    const auto stride = (size_t) getMaxBlockSize();
    for (int c = 0; c < numChannels; ++c)
    {
        float* high = band.data() + (size_t) c * stride;
        std::copy_n (channels[c], numFrames, high);
        highFirst.process (high, numFrames, c);
        highSecond.process (high, numFrames, c);
        lowFirst.process (channels[c], numFrames, c); // the lower band, in place
        lowSecond.process (channels[c], numFrames, c);
    }

    double smallest = 1.0;
    for (int i = 0; i < numFrames; ++i)
    {
        double peak = 0.0;
        for (int c = 0; c < numChannels; ++c)
            peak = std::max (peak, (double) std::abs (band[(size_t) c * stride + (size_t) i]));
        envelope = peak > envelope ? peak + attackCoefficient * (envelope - peak) : peak + releaseCoefficient * (envelope - peak);
        const double gain = envelope > threshold ? std::max (floorGain, threshold / envelope) : 1.0;
        smallest = std::min (smallest, gain);
        for (int c = 0; c < numChannels; ++c)
            channels[c][i] += (float) gain * band[(size_t) c * stride + (size_t) i];
    }
    deepestCutDb = std::max (deepestCutDb, (float) -core::dbFromGain (smallest));
}
} // namespace sprocket::dsp
