#include "dsp/GainProcessor.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

TEST (GainProcessorTest, PlusSixDbTurnsMinus20DbfsIntoMinus14)
{
    const double sr = 48000.0;
    GainProcessor gain;
    gain.prepare (sr, 512, 2);
    gain.setParameter ("gain_db", 6.0f); // after prepare: goes through the 20 ms ramp

    auto buffer = filled (2, sine (1000.0, sr, 48000, 0.1)); // -20 dBFS
    processInBlocks (gain, buffer, 512);

    // Measure after the ramp: the second half second, a whole number of 1 kHz cycles.
    for (int c = 0; c < 2; ++c)
        EXPECT_NEAR (sineLevelDb (buffer[c].data() + 24000, 24000), -14.0, 1e-3);
}

TEST (GainProcessorTest, AJumpIsARampNoSteeperThanTheSmoothingTime)
{
    const double sr = 48000.0;
    GainProcessor gain;
    gain.prepare (sr, 64, 1);

    // DC input, so every sample-to-sample change is the ramp itself.
    const double dc = 0.5;
    const double g0 = 1.0, g1 = std::pow (10.0, 12.0 / 20.0);
    gain.setParameter ("gain_db", 12.0f);
    auto buffer = filled (1, std::vector<float> (4800, (float) dc));
    processInBlocks (gain, buffer, 64);

    const double rampSamples = 0.020 * sr; // 20 ms documented
    const double allowed = dc * (g1 - g0) / rampSamples;
    EXPECT_LE (maxAbsStep (buffer[0]), allowed * 1.0001 + 1e-7);
    EXPECT_GT (maxAbsStep (buffer[0]), allowed * 0.99); // it did ramp, not stay put
    EXPECT_NEAR (buffer[0][(size_t) rampSamples], dc * g1, 1e-5); // arrived after 20 ms
    EXPECT_NEAR (buffer[0].back(), dc * g1, 1e-5);
}

TEST (GainProcessorTest, AJumpOnASineAddsNoMoreThanTheRampStep)
{
    const double sr = 48000.0, freq = 1000.0, amplitude = 0.25;
    GainProcessor gain;
    gain.prepare (sr, 512, 1);
    gain.setParameter ("gain_db", 12.0f);
    auto buffer = filled (1, sine (freq, sr, 9600, amplitude));
    processInBlocks (gain, buffer, 512);

    // |d/dn (g x)| <= g |dx| + |x| |dg|: the sine's own largest step at the final gain plus the
    // ramp's step at full amplitude.
    const double g1 = std::pow (10.0, 12.0 / 20.0);
    const double sineStep = 2.0 * std::numbers::pi * freq / sr * amplitude;
    const double rampStep = amplitude * (g1 - 1.0) / (0.020 * sr);
    EXPECT_LE (maxAbsStep (buffer[0]), g1 * sineStep + rampStep);
}

TEST (GainProcessorTest, MinimumIsSilenceAndUnityIsUntouched)
{
    GainProcessor gain;
    gain.setParameter ("gain_db", -96.0f);
    gain.prepare (48000.0, 64, 1);
    auto buffer = filled (1, whiteNoise (64, 1.0));
    processInBlocks (gain, buffer, 64);
    for (float v : buffer[0])
        EXPECT_EQ (v, 0.0f);

    GainProcessor unity;
    unity.prepare (48000.0, 64, 1);
    const auto noise = whiteNoise (64, 1.0);
    auto same = filled (1, noise);
    processInBlocks (unity, same, 64);
    EXPECT_EQ (same[0], noise);
}
