#include "dsp/PolarityProcessor.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

TEST (PolarityProcessorTest, InvertsOnlyTheChosenChannel)
{
    PolarityProcessor p;
    p.setParameter ("invert_left", 1.0f);
    p.prepare (48000.0, 256, 2);
    const auto noise = whiteNoise (256, 1.0);
    auto buffer = filled (2, noise);
    processInBlocks (p, buffer, 256);
    for (size_t i = 0; i < noise.size(); ++i)
    {
        EXPECT_EQ (buffer[0][i], -noise[i]);
        EXPECT_EQ (buffer[1][i], noise[i]);
    }
}

TEST (PolarityProcessorTest, MonoFollowsInvertLeftAndExtraChannelsPass)
{
    PolarityProcessor p;
    p.setParameter ("invert_left", 1.0f);
    p.setParameter ("invert_right", 1.0f);
    p.prepare (48000.0, 16, 3);
    auto buffer = filled (3, std::vector<float> (16, 0.5f));
    processInBlocks (p, buffer, 16);
    EXPECT_EQ (buffer[0][5], -0.5f);
    EXPECT_EQ (buffer[1][5], -0.5f);
    EXPECT_EQ (buffer[2][5], 0.5f);
}

TEST (PolarityProcessorTest, FlippingWhilePlayingIsA20msRampNotAStep)
{
    const double sr = 48000.0;
    PolarityProcessor p;
    p.prepare (sr, 64, 1);
    p.setParameter ("invert_left", 1.0f);
    auto buffer = filled (1, std::vector<float> (2400, 0.5f));
    processInBlocks (p, buffer, 64);
    // From +0.5 to -0.5 over 960 samples.
    EXPECT_LE (maxAbsStep (buffer[0]), 1.0 / 960.0 + 1e-6);
    EXPECT_EQ (buffer[0].back(), -0.5f);
}
