#include "dsp/FilterProcessor.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sprocket::dsp
{
namespace
{
    std::vector<ParameterInfo> parametersFor (FilterProcessor::Kind kind)
    {
        switch (kind)
        {
            case FilterProcessor::Kind::highPass:
                return { { "freq_hz", "Frequency", "Hz", 10.0f, 20000.0f, 80.0f, 0.0f },
                         { "order", "Order (x 12 dB/oct)", "", 1.0f, 4.0f, 1.0f, 0.0f } };
            case FilterProcessor::Kind::lowPass:
                return { { "freq_hz", "Frequency", "Hz", 10.0f, 20000.0f, 12000.0f, 0.0f },
                         { "order", "Order (x 12 dB/oct)", "", 1.0f, 4.0f, 1.0f, 0.0f } };
            case FilterProcessor::Kind::notch:
            default:
                return { { "freq_hz", "Frequency", "Hz", 20.0f, 20000.0f, 1000.0f, 0.0f },
                         { "q", "Q", "", 0.5f, 100.0f, 10.0f, 0.0f } };
        }
    }

    /** Q of section k (0-based) of a Butterworth filter built from n second-order sections: the
        pole pairs of order 2n sit at angles (2k + 1) pi / (4n) from the real axis. */
    double butterworthQ (int k, int n)
    {
        return 1.0 / (2.0 * std::cos ((2.0 * k + 1.0) * std::numbers::pi / (4.0 * n)));
    }
} // namespace

FilterProcessor::FilterProcessor (Kind k) : Processor (parametersFor (k)), kind (k) {}

std::string_view FilterProcessor::typeName() const noexcept
{
    switch (kind)
    {
        case Kind::highPass:
            return "high_pass";
        case Kind::lowPass:
            return "low_pass";
        case Kind::notch:
        default:
            return "notch";
    }
}

void FilterProcessor::prepareToPlay()
{
    for (auto& section : sections)
        section.prepare (getNumChannels());
    designedFreq = designedShape = -1.0f;
    updateCoefficients();
}

void FilterProcessor::resetState() noexcept
{
    for (auto& section : sections)
        section.reset();
}

void FilterProcessor::updateCoefficients() noexcept
{
    const float freq = std::min (getParameter (freqHz), (float) (0.49 * getSampleRate()));
    const float shapeValue = getParameter (shape);
    if (freq == designedFreq && shapeValue == designedShape)
        return;
    designedFreq = freq;
    designedShape = shapeValue;
    if (kind == Kind::notch)
    {
        activeSections = 1;
        sections[0].setCoefficients (BiquadCoefficients::notch (getSampleRate(), freq, shapeValue));
        return;
    }
    activeSections = std::clamp ((int) std::lround (shapeValue), 1, maxSections);
    for (int k = 0; k < activeSections; ++k)
    {
        const double q = butterworthQ (k, activeSections);
        sections[(size_t) k].setCoefficients (kind == Kind::highPass ? BiquadCoefficients::highPass (getSampleRate(), freq, q)
                                                                     : BiquadCoefficients::lowPass (getSampleRate(), freq, q));
    }
}

void FilterProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    updateCoefficients();
    for (int k = 0; k < activeSections; ++k)
        for (int c = 0; c < numChannels; ++c)
            sections[(size_t) k].process (channels[c], numFrames, c);
}
} // namespace sprocket::dsp
