#include "dsp/PhaseCorrelationMeter.h"

#include <algorithm>
#include <cmath>

namespace sprocket::dsp
{
namespace
{
    constexpr double silentPower = 1.0e-12; // -120 dBFS
}

void PhaseCorrelationMeter::prepare (double sampleRate, double timeConstantSeconds)
{
    coefficient = 1.0 - std::exp (-1.0 / (timeConstantSeconds * sampleRate));
    reset();
}

void PhaseCorrelationMeter::reset() noexcept
{
    meanLR = meanLL = meanRR = 0.0;
    lowestReading = 1.0;
}

void PhaseCorrelationMeter::process (const float* left, const float* right, int numSamples) noexcept
{
    // The reading is taken once a block: a meter is read 30 times a second, and the lowest value
    // between reads moves no faster than the 300 ms integrators.
    for (int i = 0; i < numSamples; ++i)
    {
        const double l = left[i], r = right[i];
        meanLR += coefficient * (l * r - meanLR);
        meanLL += coefficient * (l * l - meanLL);
        meanRR += coefficient * (r * r - meanRR);
    }
    if (numSamples > 0 && meanLL > silentPower && meanRR > silentPower)
        lowestReading = std::min (lowestReading, correlation());
}

double PhaseCorrelationMeter::correlation() const noexcept
{
    if (meanLL <= silentPower || meanRR <= silentPower)
        return 0.0;
    return std::clamp (meanLR / std::sqrt (meanLL * meanRR), -1.0, 1.0);
}
} // namespace sprocket::dsp
