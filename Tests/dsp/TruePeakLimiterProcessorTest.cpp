#include "dsp/TruePeakLimiterProcessor.h"
#include "dsp/TruePeakMeter.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <numbers>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

namespace
{
/** An oversampler independent of TruePeakMeter: a Kaiser-windowed sinc (beta 10) spanning 64
    input samples, in double, at any factor. Flat within 0.01 dB to 0.45 fs, so it reads close to
    the ideal band-limited reconstruction where the meter's short Hann filter reads low. */
double referenceTruePeak (const std::vector<float>& x, int factor)
{
    constexpr int half = 32; // input samples each side
    const auto besselI0 = [] (double v) {
        double sum = 1.0, term = 1.0;
        for (int k = 1; k < 40; ++k)
        {
            term *= (v / (2.0 * k)) * (v / (2.0 * k));
            sum += term;
        }
        return sum;
    };
    constexpr double beta = 10.0;
    std::vector<std::vector<double>> phase ((size_t) factor, std::vector<double> (2 * half));
    for (int p = 0; p < factor; ++p)
        for (int t = 0; t < 2 * half; ++t)
        {
            const double u = (t - half + 1) - double (p) / factor; // distance to input sample
            const double sinc = u == 0.0 ? 1.0 : std::sin (std::numbers::pi * u) / (std::numbers::pi * u);
            const double r = u / half;
            const double kaiser = std::abs (r) >= 1.0 ? 0.0 : besselI0 (beta * std::sqrt (1.0 - r * r)) / besselI0 (beta);
            phase[(size_t) p][(size_t) t] = sinc * kaiser;
        }
    double peak = 0.0;
    const int n = (int) x.size();
    for (int i = 0; i < n; ++i)
        for (int p = 0; p < factor; ++p)
        {
            // The point p / factor after sample i, from samples i - half + 1 ... i + half.
            double acc = 0.0;
            for (int t = 0; t < 2 * half; ++t)
            {
                const int j = i - (t - half + 1);
                if (j >= 0 && j < n)
                    acc += phase[(size_t) p][(size_t) t] * x[(size_t) j];
            }
            peak = std::max (peak, std::abs (acc));
        }
    return peak;
}

float meterTruePeak (const AudioBuffer& buffer, double rate)
{
    TruePeakMeter meter;
    meter.prepare (rate, buffer.numChannels());
    float peak = 0.0f;
    for (int c = 0; c < buffer.numChannels(); ++c)
    {
        meter.process (c, buffer.data[(size_t) c].data(), buffer.numFrames());
        peak = std::max (peak, meter.truePeak (c));
    }
    return peak;
}

struct HardSignal
{
    const char* name;
    std::vector<float> left, right;
};

/** Material that puts peaks between samples or arrives with no warning. */
std::vector<HardSignal> hardSignals (double rate)
{
    const int n = (int) (rate / 4); // 250 ms keeps the 16x reference quick
    std::vector<HardSignal> signals;

    std::vector<float> square ((size_t) n), squareOdd ((size_t) n);
    for (int i = 0; i < n; ++i)
    {
        square[(size_t) i] = std::fmod (i * 1000.0 / rate, 1.0) < 0.5 ? 1.0f : -1.0f;
        squareOdd[(size_t) i] = std::fmod (i * 3001.0 / rate + 0.3, 1.0) < 0.5 ? 1.0f : -1.0f;
    }
    signals.push_back ({ "full-scale square waves", square, squareOdd });

    // fs/4 at 45 degrees: every sample at +-1, the peaks (1.414, +3 dBTP) midway between them.
    std::vector<float> quarter ((size_t) n);
    for (int i = 0; i < n; ++i)
        quarter[(size_t) i] = (float) (std::sqrt (2.0) * std::sin (std::numbers::pi / 2.0 * i + std::numbers::pi / 4.0));
    signals.push_back ({ "fs/4 sine at 45 degrees", quarter, quarter });

    auto clippedLeft = whiteNoise (n, 4.0, 7), clippedRight = whiteNoise (n, 4.0, 11);
    for (auto* ch : { &clippedLeft, &clippedRight })
        for (auto& v : *ch)
            v = std::clamp (v, -1.0f, 1.0f);
    signals.push_back ({ "clipped noise", clippedLeft, clippedRight });

    // Silence, then at once a loud burst: noise at +6 dBFS and a 5 kHz sine at +3 dBFS.
    auto burstLeft = whiteNoise (n, 2.0, 3);
    auto burstRight = sine (5000.0, rate, n, 1.41);
    for (int i = 0; i < n / 2; ++i)
        burstLeft[(size_t) i] = burstRight[(size_t) i] = 0.0f;
    signals.push_back ({ "burst after silence", burstLeft, burstRight });
    return signals;
}
} // namespace

TEST (TruePeakLimiterProcessorTest, NoOversampledPeakPassesTheCeiling)
{
    double worstMeter = -100.0, worstReference4 = -100.0, worstReference16 = -100.0;
    for (double rate : { 44100.0, 48000.0, 96000.0 })
        for (const auto& signal : hardSignals (rate))
            for (int block : { 512, 37 })
            {
                constexpr float ceilingDb = -1.0f;
                TruePeakLimiterProcessor limiter;
                limiter.setParameter ("ceiling_dbtp", ceilingDb);
                limiter.setParameter ("release_ms", 10.0f); // fast release: the hardest case
                limiter.prepare (rate, block, 2);
                const int frames = (int) signal.left.size();
                const int latency = limiter.latencySamples();
                AudioBuffer buffer (2, frames + latency); // run on by the latency: the whole signal comes out
                std::copy (signal.left.begin(), signal.left.end(), buffer[0].begin());
                std::copy (signal.right.begin(), signal.right.end(), buffer[1].begin());
                processInBlocks (limiter, buffer, block);

                const auto label =
                    std::string (signal.name) + " at " + std::to_string ((int) rate) + " Hz, block " + std::to_string (block);
                const double meter = dbOf (meterTruePeak (buffer, rate));
                const double ref4 = dbOf (std::max (referenceTruePeak (buffer[0], 4), referenceTruePeak (buffer[1], 4)));
                const double ref16 = dbOf (std::max (referenceTruePeak (buffer[0], 16), referenceTruePeak (buffer[1], 16)));
                worstMeter = std::max (worstMeter, meter - ceilingDb);
                worstReference4 = std::max (worstReference4, ref4 - ceilingDb);
                worstReference16 = std::max (worstReference16, ref16 - ceilingDb);
                std::printf ("%-28s %6d Hz block %3d: meter %+.4f, reference 4x %+.4f, 16x %+.4f dBTP, reduction %.2f dB\n",
                             signal.name, (int) rate, block, meter, ref4, ref16, limiter.maxGainReductionDb());

                // The meter reads with the limiter's own filter: only float rounding is left.
                EXPECT_LE (meter, ceilingDb + 1e-4) << label;
                // An oversampler that is not the meter's disagrees where filters legitimately do
                // (content above 0.45 fs) and while the gain ramps 12 dB into a burst, when points
                // are sums of samples carrying different gains: measured worst +0.17 dB
                // (docs/DELIVERY.md). Delivery keeps an internal margin for it.
                EXPECT_LE (ref4, ceilingDb + 0.2) << label;
                EXPECT_LE (ref16, ceilingDb + 0.2) << label;
                EXPECT_GT (meter, ceilingDb - 1.0) << label; // and it does not simply turn everything down
                EXPECT_GT (limiter.maxGainReductionDb(), 0.5) << label;
            }
    std::printf ("worst over the ceiling: meter %+.4f dB, reference 4x %+.4f dB, reference 16x %+.4f dB\n", worstMeter,
                 worstReference4, worstReference16);
}

TEST (TruePeakLimiterProcessorTest, ReportsItsLatencyAndDelaysByExactlyThat)
{
    for (double rate : { 44100.0, 48000.0, 96000.0 })
    {
        TruePeakLimiterProcessor limiter;
        limiter.prepare (rate, 256, 1);
        const int span = std::max (64, TruePeakMeter::tapsPerPhaseFor (rate)); // TruePeakDetector::span()
        EXPECT_EQ (limiter.latencySamples(), (int) std::lround (0.002 * rate) + span - 2);

        AudioBuffer buffer (1, 4096);
        buffer[0][100] = 0.5f; // well under the ceiling: passes unchanged, only later
        processInBlocks (limiter, buffer, 256);
        const int expected = limiter.latencySamples();
        for (int i = 0; i < 4096; ++i)
            ASSERT_EQ (buffer[0][(size_t) i], i == 100 + expected ? 0.5f : 0.0f) << rate << " Hz, sample " << i;
        EXPECT_EQ (limiter.maxGainReductionDb(), 0.0);
    }
}

TEST (TruePeakLimiterProcessorTest, MaterialUnderTheCeilingPassesBitExactly)
{
    // A 0.8 peak at 997 Hz reads at most 0.8 (-1.94 dBTP) between samples: under -1 dBTP.
    for (double rate : { 44100.0, 48000.0, 96000.0 })
    {
        TruePeakLimiterProcessor limiter;
        limiter.prepare (rate, 512, 2);
        const auto x = sine (997.0, rate, 48000, 0.8);
        auto buffer = filled (2, x);
        processInBlocks (limiter, buffer, 512);
        const int d = limiter.latencySamples();
        for (int c = 0; c < 2; ++c)
            for (int i = d; i < 48000; ++i)
                ASSERT_EQ (buffer[c][(size_t) i], x[(size_t) (i - d)]) << rate << " Hz, sample " << i;
    }
}

TEST (TruePeakLimiterProcessorTest, AnInterSamplePeakIsLimitedThoughNoSampleIsOver)
{
    // fs/4 at 45 degrees with samples at 0.8 (-1.94 dBFS): the sample-peak limiter lets it through,
    // but its true peak is 1.131 (+1.07 dBTP). Reduction needed: 2.07 dB into -1 dBTP.
    const double rate = 48000.0;
    std::vector<float> x (24000);
    for (size_t i = 0; i < x.size(); ++i)
    {
        const double fadeIn = std::min (1.0, (double) i / 480.0); // 10 ms: no onset transient of its own
        x[i] = (float) (fadeIn * 0.8 * std::sqrt (2.0) * std::sin (std::numbers::pi / 2.0 * (double) i + std::numbers::pi / 4.0));
    }
    TruePeakLimiterProcessor limiter;
    limiter.prepare (rate, 512, 1);
    auto buffer = filled (1, x);
    processInBlocks (limiter, buffer, 512);
    EXPECT_NEAR (limiter.maxGainReductionDb(), dbOf (0.8 * std::sqrt (2.0)) + 1.0, 0.01);
    // Steady state: every sample now at 0.891 / sqrt 2 (within the detector's 0.005 dB ripple).
    const double expected = std::pow (10.0, -1.0 / 20.0) / std::sqrt (2.0);
    for (size_t i = 12000; i < x.size(); ++i)
        ASSERT_NEAR (std::abs (buffer[0][i]), expected, expected * 6e-4) << i;
}

TEST (TruePeakLimiterProcessorTest, TheGainRampsIntoAPeakAndReleasesExponentially)
{
    // A single loud click after silence-level material: the gain must already be down when the
    // click arrives (it never overshoots), reach it as a ramp over the look-ahead, and recover
    // with the release time constant (63 % of the way back in release_ms).
    const double rate = 48000.0;
    TruePeakLimiterProcessor limiter;
    limiter.setParameter ("release_ms", 50.0f);
    limiter.prepare (rate, 512, 1);
    const int frames = 72000;                     // 1.4 s: the release has 25 time constants to end
    std::vector<float> x ((size_t) frames, 0.1f); // DC at 0.1: output / 0.1 is the gain
    x[4000] = 1.0f;
    auto buffer = filled (1, x);
    processInBlocks (limiter, buffer, 512);
    const int d = limiter.latencySamples();
    std::vector<double> gain ((size_t) frames);
    for (int i = d; i < frames; ++i)
        gain[(size_t) (i - d)] = buffer[0][(size_t) i] / (double) x[(size_t) (i - d)];
    const double needed = std::pow (10.0, -1.0 / 20.0);
    EXPECT_LE (gain[4000], needed + 1e-6);
    EXPECT_NEAR (gain[4000], needed, 0.01);
    // Before: 1 until the ramp, which takes at most the look-ahead; monotonic down.
    const int attack = (int) std::lround (0.002 * rate);
    EXPECT_EQ (gain[(size_t) (4000 - attack - 64)], 1.0);
    for (int i = 4000 - attack - 64; i < 4000; ++i)
        EXPECT_LE (gain[(size_t) i + 1], gain[(size_t) i] + 1e-12) << i;
    // After: back up exponentially; 50 ms after the hold ends, 63 % of the way.
    int holdEnd = 4000;
    while (gain[(size_t) holdEnd + 1] <= gain[(size_t) holdEnd] + 1e-12)
        ++holdEnd;
    const double depth = 1.0 - gain[(size_t) holdEnd];
    const double after = 1.0 - gain[(size_t) (holdEnd + 2400)];
    EXPECT_NEAR (after / depth, std::exp (-1.0), 0.03);
    EXPECT_EQ (gain[(size_t) frames - d - 1], 1.0); // and fully recovered
}
