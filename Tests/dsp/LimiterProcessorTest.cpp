#include "dsp/LimiterProcessor.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

TEST (LimiterProcessorTest, OutputNeverExceedsTheCeiling)
{
    for (double sr : { 44100.0, 48000.0, 96000.0 })
        for (float ceilingDb : { -1.0f, -6.0f, 0.0f })
            for (int block : { 1, 64, 512 })
            {
                LimiterProcessor limiter;
                limiter.setParameter ("ceiling_db", ceilingDb);
                limiter.setParameter ("release_ms", 5.0f); // fast release: the hardest case
                limiter.prepare (sr, block, 2);

                // Hot: noise up to +12 dBFS with isolated single-sample spikes and a loud sine.
                auto left = whiteNoise ((int) sr, 4.0, 1);
                auto right = sine (50.0, sr, (int) sr, 3.0);
                for (size_t i = 0; i < left.size(); i += 997)
                    right[i] = 8.0f;
                AudioBuffer buffer (2, (int) sr);
                buffer[0] = left;
                buffer[1] = right;
                processInBlocks (limiter, buffer, block);

                // The float ceiling may sit half a float step above the exact one.
                const double ceiling = std::pow (10.0, ceilingDb / 20.0) * (1.0 + 1e-7);
                double peak = 0.0;
                for (int c = 0; c < 2; ++c)
                    for (float v : buffer[c])
                        peak = std::max (peak, (double) std::abs (v));
                EXPECT_LE (peak, ceiling) << sr << " Hz, " << ceilingDb << " dB, block " << block;
                EXPECT_GT (peak, ceiling * 0.9); // and it is not simply silencing everything
            }
}

TEST (LimiterProcessorTest, ReportsItsLookaheadAndDelaysByExactlyThat)
{
    for (double sr : { 44100.0, 48000.0, 96000.0 })
    {
        LimiterProcessor limiter;
        limiter.prepare (sr, 256, 1);
        const int expected = (int) std::lround (0.002 * sr);
        EXPECT_EQ (limiter.latencySamples(), expected);

        AudioBuffer buffer (1, 4096);
        buffer[0][100] = 0.5f; // below the -1 dB ceiling: passes unchanged, only later
        processInBlocks (limiter, buffer, 256);
        for (int i = 0; i < 4096; ++i)
            EXPECT_EQ (buffer[0][(size_t) i], i == 100 + expected ? 0.5f : 0.0f) << i;
    }
}

TEST (LimiterProcessorTest, QuietMaterialIsUntouched)
{
    const double sr = 48000.0;
    LimiterProcessor limiter;
    limiter.prepare (sr, 512, 1);
    const auto x = sine (440.0, sr, 48000, 0.5);
    auto buffer = filled (1, x);
    processInBlocks (limiter, buffer, 512);
    const int d = limiter.latencySamples();
    for (int i = d; i < 48000; ++i)
        ASSERT_EQ (buffer[0][(size_t) i], x[(size_t) (i - d)]);
}

TEST (LimiterProcessorTest, AnOverloadIsRampedNotClipped)
{
    // A 1 kHz sine riding on a DC step to 0.9 (peaks 0.95) into the -1 dB ceiling (0.891).
    // A clipper's gain would follow every cycle (0.891 / x changes by ~7e-3 per sample here);
    // the limiter's gain is a mean over W = lookahead + 1 samples of values in [g_min, 1], so it
    // cannot move by more than (1 - g_min) / W per sample.
    const double sr = 48000.0;
    LimiterProcessor limiter;
    limiter.prepare (sr, 512, 1);
    std::vector<float> x (9600, 0.0f);
    std::fill (x.begin() + 4800, x.end(), 0.9f);
    for (size_t i = 0; i < x.size(); ++i)
        x[i] += 0.05f * (float) std::sin (2.0 * std::numbers::pi * 1000.0 * i / sr);
    auto buffer = filled (1, x);
    processInBlocks (limiter, buffer, 512);

    const double ceiling = std::pow (10.0, -1.0 / 20.0);
    const int d = limiter.latencySamples();
    const double gMin = ceiling / 0.95;
    double largestGainStep = 0.0, peak = 0.0;
    for (int i = d + 4801; i < 9600; ++i)
    {
        const double g0 = buffer[0][(size_t) i - 1] / x[(size_t) (i - 1 - d)];
        const double g1 = buffer[0][(size_t) i] / x[(size_t) (i - d)];
        largestGainStep = std::max (largestGainStep, std::abs (g1 - g0));
        peak = std::max (peak, (double) buffer[0][(size_t) i]);
    }
    EXPECT_LE (largestGainStep, (1.0 - gMin) / (d + 1) + 1e-6);
    EXPECT_LE (peak, ceiling * (1.0 + 1e-7));
    EXPECT_GT (peak, ceiling * 0.99);
}
