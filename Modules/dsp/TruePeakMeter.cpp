#include "dsp/TruePeakMeter.h"
#include "dsp/SimdVectors.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <numbers>

namespace sprocket::dsp
{
namespace
{
    constexpr int phases = TruePeakMeter::oversampling - 1; // phase 0 is the input itself

    using namespace simd;

    struct Peaks
    {
        float interpolated, sample;
    };

    /** Largest |y_p[i]| over the in-between phases p and i in [0, n), where
        y_p[i] = sum_t c[p][t] x[i - t] and x[-1] ... x[-(taps - 1)] are valid, and the largest
        |x[i]| (phase 0). Sixteen outputs per step give six independent accumulator chains (two
        groups of eight times three phases), enough to hide the multiply-add latency; each loaded
        vector of input feeds all three phases. */
    SPROCKET_SIMD_CLONES
    Peaks scanPeaks (const float* x, int n, const float* c, int taps) noexcept
    {
        Floats8 peak {}, samplePeak {};
        int i = 0;
        for (; i + 16 <= n; i += 16)
        {
            Floats8 a0 {}, a1 {}, a2 {}, b0 {}, b1 {}, b2 {};
            for (int t = 0; t < taps; ++t)
            {
                const Floats8 lo = load8 (x + i - t);
                const Floats8 hi = load8 (x + i + 8 - t);
                const float c0 = c[t], c1 = c[taps + t], c2 = c[2 * taps + t];
                a0 += c0 * lo;
                a1 += c1 * lo;
                a2 += c2 * lo;
                b0 += c0 * hi;
                b1 += c1 * hi;
                b2 += c2 * hi;
            }
            peak = max8 (peak, max8 (max8 (abs8 (a0), abs8 (a1)), max8 (abs8 (a2), abs8 (b0))));
            peak = max8 (peak, max8 (abs8 (b1), abs8 (b2)));
            samplePeak = max8 (samplePeak, max8 (abs8 (load8 (x + i)), abs8 (load8 (x + i + 8))));
        }

        Peaks result { 0.0f, 0.0f };
        for (int k = 0; k < 8; ++k)
        {
            result.interpolated = std::max (result.interpolated, peak[k]);
            result.sample = std::max (result.sample, samplePeak[k]);
        }

        for (; i < n; ++i)
        {
            for (int p = 0; p < phases; ++p)
            {
                float acc = 0.0f;
                for (int t = 0; t < taps; ++t)
                    acc += c[p * taps + t] * x[i - t];
                result.interpolated = std::max (result.interpolated, std::abs (acc));
            }
            result.sample = std::max (result.sample, std::abs (x[i]));
        }
        return result;
    }
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
        channel.stitch.assign ((size_t) (2 * (taps - 1)), 0.0f);
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

void TruePeakMeter::scan (Channel& channel, const float* x, int n) noexcept
{
    const auto peaks = scanPeaks (x, n, coefficients.data(), taps);
    channel.samplePeak = std::max (channel.samplePeak, peaks.sample);
    channel.truePeak = std::max ({ channel.truePeak, peaks.sample, peaks.interpolated });
}

void TruePeakMeter::process (int channelIndex, const float* samples, int n) noexcept
{
    assert (channelIndex >= 0 && channelIndex < (int) channels.size());
    if (n <= 0)
        return;
    auto& channel = channels[(size_t) channelIndex];
    const int past = taps - 1;

    // The first `past` outputs reach back before this call: scan them from the history with the
    // call's first samples stitched on. The rest read the caller's buffer directly, no copy.
    const int head = std::min (n, past);
    float* stitch = channel.stitch.data();
    std::copy_n (channel.history.data(), past, stitch);
    std::copy_n (samples, head, stitch + past);
    scan (channel, stitch + past, head);
    if (n > past)
        scan (channel, samples + past, n - past);

    // Keep the last `past` samples of history-then-samples.
    if (n >= past)
        std::copy_n (samples + n - past, past, channel.history.data());
    else
        std::copy_n (stitch + n, past, channel.history.data());
}
} // namespace sprocket::dsp
