#include "dsp/TruePeakMeter.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <numbers>

// The 32-byte vector helpers below are inlined and never cross this file's boundary, so the
// calling-convention difference GCC warns about for them (with and without AVX) cannot matter.
#pragma GCC diagnostic ignored "-Wpsabi"

namespace sprocket::dsp
{
namespace
{
    constexpr int phases = TruePeakMeter::oversampling - 1; // phase 0 is the input itself

#if defined(__GNUC__) && defined(__x86_64__)
    // Compiled twice, for AVX2 + FMA (x86-64-v3) and for the SSE2 baseline, and picked at load
    // time, so one binary runs everywhere and uses the wide units where they exist.
#define SPROCKET_SIMD_CLONES __attribute__ ((target_clones ("arch=x86-64-v3", "default")))
#else
#define SPROCKET_SIMD_CLONES
#endif

    using Floats8 = float __attribute__ ((vector_size (32)));

    inline Floats8 load8 (const float* p) noexcept
    {
        Floats8 v;
        std::memcpy (&v, p, sizeof (v));
        return v;
    }

    inline Floats8 abs8 (Floats8 v) noexcept { return v < 0.0f ? -v : v; }
    inline Floats8 max8 (Floats8 a, Floats8 b) noexcept { return a > b ? a : b; }

    /** Largest |y_p[i]| over the in-between phases p and i in [0, n), where
        y_p[i] = sum_t c[p][t] x[i - t] and x[-1] ... x[-(taps - 1)] are history.
        Sixteen outputs per step give six independent accumulator chains (two groups of eight
        times three phases), enough to hide the multiply-add latency; each loaded vector of input
        feeds all three phases. */
    SPROCKET_SIMD_CLONES
    float interpolatedPeak (const float* x, int n, const float* c, int taps) noexcept
    {
        Floats8 peak {};
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
        }

        float result = 0.0f;
        for (int k = 0; k < 8; ++k)
            result = std::max (result, peak[k]);

        for (; i < n; ++i)
            for (int p = 0; p < phases; ++p)
            {
                float acc = 0.0f;
                for (int t = 0; t < taps; ++t)
                    acc += c[p * taps + t] * x[i - t];
                result = std::max (result, std::abs (acc));
            }
        return result;
    }

    float samplePeakOf (const float* x, int n) noexcept
    {
        float peak = 0.0f;
        for (int i = 0; i < n; ++i)
            peak = std::max (peak, std::abs (x[i]));
        return peak;
    }
}

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

void TruePeakMeter::prepare (double sampleRate, int numChannels)
{
    taps = tapsPerPhaseFor (sampleRate);
    const auto h = prototype (taps);

    // Tap j of the prototype belongs to phase j % 4 and multiplies the input j / 4 samples back.
    // Phase 0 (j = 0, 4, ...) is zero but for the centre tap of exactly 1, the input itself.
    coefficients.assign ((size_t) (phases * taps), 0.0f);
    for (int p = 1; p <= phases; ++p)
        for (int t = 0; t < taps; ++t)
            coefficients[(size_t) ((p - 1) * taps + t)] = (float) h[(size_t) (p + oversampling * t)];

    channels.assign ((size_t) std::max (numChannels, 0), Channel {});
    for (auto& channel : channels)
        channel.window.assign ((size_t) (taps - 1 + chunkSize), 0.0f);
}

void TruePeakMeter::reset() noexcept
{
    for (auto& channel : channels)
    {
        std::fill (channel.window.begin(), channel.window.end(), 0.0f);
        channel.truePeak = channel.samplePeak = 0.0f;
    }
}

void TruePeakMeter::scanChunk (Channel& channel, int n) noexcept
{
    float* x = channel.window.data() + (taps - 1);
    const float samplePeak = samplePeakOf (x, n);
    const float interpolated = interpolatedPeak (x, n, coefficients.data(), taps);
    channel.samplePeak = std::max (channel.samplePeak, samplePeak);
    channel.truePeak = std::max ({ channel.truePeak, samplePeak, interpolated });

    // Keep the last taps - 1 samples as the next chunk's history.
    std::memmove (channel.window.data(), x + n - (taps - 1), sizeof (float) * (size_t) (taps - 1));
}

void TruePeakMeter::process (int channelIndex, const float* samples, int n) noexcept
{
    assert (channelIndex >= 0 && channelIndex < (int) channels.size());
    auto& channel = channels[(size_t) channelIndex];
    float* chunk = channel.window.data() + (taps - 1);

    for (int done = 0; done < n;)
    {
        const int count = std::min (chunkSize, n - done);
        std::memcpy (chunk, samples + done, sizeof (float) * (size_t) count);
        scanChunk (channel, count);
        done += count;
    }
}
} // namespace sprocket::dsp
