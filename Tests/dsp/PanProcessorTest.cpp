#include "dsp/PanProcessor.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

TEST (PanProcessorTest, MonoFollowsTheConstantPowerCosSinLaw)
{
    for (float pan : { -1.0f, -0.5f, 0.0f, 0.3f, 1.0f })
    {
        PanProcessor p;
        p.setParameter ("pan", pan);
        p.prepare (48000.0, 32, 1);
        EXPECT_EQ (p.outputChannels (1), 2);

        AudioBuffer buffer (2, 32);
        std::fill (buffer[0].begin(), buffer[0].end(), 0.8f);
        processInBlocks (p, buffer, 32);

        const double angle = (pan + 1.0) * std::numbers::pi / 4.0;
        EXPECT_NEAR (buffer[0][7], 0.8 * std::cos (angle), 1e-6) << pan;
        EXPECT_NEAR (buffer[1][7], 0.8 * std::sin (angle), 1e-6) << pan;
        // Constant power: L^2 + R^2 == x^2 at every position.
        EXPECT_NEAR (buffer[0][7] * buffer[0][7] + buffer[1][7] * buffer[1][7], 0.64, 1e-6);
    }
}

TEST (PanProcessorTest, CentreIsMinus3dB)
{
    PanProcessor p;
    p.prepare (48000.0, 8, 1);
    AudioBuffer buffer (2, 8);
    buffer[0][3] = 1.0f;
    processInBlocks (p, buffer, 8);
    EXPECT_NEAR (dbOf (buffer[0][3]), -3.0103, 1e-4);
    EXPECT_NEAR (dbOf (buffer[1][3]), -3.0103, 1e-4);
}

TEST (PanProcessorTest, StereoIsBalance)
{
    PanProcessor p;
    p.setParameter ("pan", 0.25f);
    p.prepare (48000.0, 8, 2);
    auto buffer = filled (2, std::vector<float> (8, 1.0f));
    processInBlocks (p, buffer, 8);
    EXPECT_FLOAT_EQ (buffer[0][4], 0.75f);
    EXPECT_EQ (buffer[1][4], 1.0f);
}

TEST (PanProcessorTest, MovingThePanIsSmoothed)
{
    const double sr = 48000.0;
    PanProcessor p;
    p.prepare (sr, 64, 1);
    p.setParameter ("pan", 1.0f); // centre -> hard right
    AudioBuffer buffer (2, 4800);
    std::fill (buffer[0].begin(), buffer[0].end(), 1.0f);
    processInBlocks (p, buffer, 64);
    // Left goes 1/sqrt2 -> 0 over 960 samples.
    EXPECT_LE (maxAbsStep (buffer[0]), std::sqrt (0.5) / 960.0 + 1e-6);
    EXPECT_NEAR (buffer[0].back(), 0.0f, 1e-7);
    EXPECT_FLOAT_EQ (buffer[1].back(), 1.0f);
}
