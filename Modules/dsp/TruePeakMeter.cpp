#include "dsp/TruePeakMeter.h"
#include "dsp/TruePeakScan.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace sprocket::dsp
{
namespace
{
    constexpr int phases = TruePeakMeter::oversampling - 1; // phase 0 is the input itself
} // namespace

int TruePeakMeter::tapsPerPhaseFor (double sampleRate) noexcept
{
    // 12 input samples at 44.1/48 kHz; twice as many at twice the rate keeps the span in time.
    return sampleRate < 96000.0 ? 12 : sampleRate < 192000.0 ? 24 : 48;
}

std::vector<double> TruePeakMeter::prototype (int tapsPerPhase)
{
    const int length = tapsPerPhase * oversampling + 1;
    const double centre = (length - 1) / 2.0;
    std::vector<double> h ((size_t) length);
    for (int j = 0; j < length; ++j)
    {
        const double m = (j - centre) / oversampling;
        const double sinc = m == 0.0 ? 1.0 : std::sin (std::numbers::pi * m) / (std::numbers::pi * m);
        const double hann = 0.5 * (1.0 - std::cos (2.0 * std::numbers::pi * j / (length - 1)));
        h[(size_t) j] = sinc * hann;
    }
    return h;
}

std::vector<float> TruePeakMeter::interpolationPhases (int tapsPerPhase)
{
    const auto h = prototype (tapsPerPhase);

    // Tap j of the prototype belongs to phase j % 4 and multiplies the input j / 4 samples back.
    // Phase 0 (j = 0, 4, ...) is zero but for the centre tap of exactly 1, the input itself.
    std::vector<float> c ((size_t) (phases * tapsPerPhase), 0.0f);
    for (int p = 1; p <= phases; ++p)
        for (int t = 0; t < tapsPerPhase; ++t)
            c[(size_t) ((p - 1) * tapsPerPhase + t)] = (float) h[(size_t) (p + oversampling * t)];
    return c;
}

void TruePeakMeter::prepare (double sampleRate, int numChannels)
{
    taps = tapsPerPhaseFor (sampleRate);
    coefficients = interpolationPhases (taps);

    channels.assign ((size_t) std::max (numChannels, 0), Channel {});
    for (auto& channel : channels)
    {
        channel.history.assign ((size_t) (taps - 1), 0.0f);
    }
}

void TruePeakMeter::reset() noexcept
{
    for (auto& channel : channels)
    {
        std::fill (channel.history.begin(), channel.history.end(), 0.0f);
        channel.truePeak = channel.samplePeak = 0.0f;
    }
}

void TruePeakMeter::process (int channelIndex, const float* samples, int n) noexcept
{
    assert (channelIndex >= 0 && channelIndex < (int) channels.size());
    if (n <= 0)
        return;
    auto& channel = channels[(size_t) channelIndex];
    const auto peaks = TruePeakScan::scanContinuing (channel.history.data(), samples, n, coefficients.data(), taps);
    channel.samplePeak = std::max (channel.samplePeak, peaks.sample);
    channel.truePeak = std::max ({ channel.truePeak, peaks.sample, peaks.interpolated });
}
} // namespace sprocket::dsp
