#include "dsp/ConvolutionReverbProcessor.h"
#include "dsp/ProcessorRegistry.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

namespace
{
std::vector<float> impulseAt (int position, int length, float level = 1.0f)
{
    std::vector<float> x ((size_t) length, 0.0f);
    x[(size_t) position] = level;
    return x;
}

/** Index of the one non-zero sample, or -1. */
int onlyNonZero (const std::vector<float>& x)
{
    int found = -1;
    for (size_t i = 0; i < x.size(); ++i)
        if (std::abs (x[i]) > 1e-6f)
        {
            if (found >= 0)
                return -2;
            found = (int) i;
        }
    return found;
}
} // namespace

TEST (ConvolutionReverbProcessorTest, IsRegistered)
{
    auto p = ProcessorRegistry::builtIns().create ("convolution_reverb");
    EXPECT_EQ (p->typeName(), "convolution_reverb");
    EXPECT_FALSE (p->isPlaceholder());
}

TEST (ConvolutionReverbProcessorTest, WithoutAnImpulseResponseItPassesAudioUnchanged)
{
    ConvolutionReverbProcessor reverb;
    reverb.prepare (48000.0, 256, 2);
    EXPECT_FALSE (reverb.isConvolving());
    EXPECT_EQ (reverb.latencySamples(), 0);
    EXPECT_EQ (reverb.impulseResponseProblem(), "no impulse response");
    const auto noise = whiteNoise (2000, 0.5);
    auto buffer = filled (2, noise);
    processInBlocks (reverb, buffer, 256);
    EXPECT_EQ (buffer[0], noise);
}

TEST (ConvolutionReverbProcessorTest, AnImpulseResponseAtAnotherRateLeavesItBypassedWithAReason)
{
    ConvolutionReverbProcessor reverb;
    reverb.setImpulseResponse ({ impulseAt (0, 10) }, 44100.0);
    reverb.prepare (48000.0, 256, 1);
    EXPECT_FALSE (reverb.isConvolving());
    EXPECT_EQ (reverb.impulseResponseProblem(), "impulse response at 44100 Hz, processor at 48000 Hz");
}

TEST (ConvolutionReverbProcessorTest, AStereoIrConvolvesLeftWithLeftAndRightWithRight)
{
    ConvolutionReverbProcessor reverb;
    reverb.setParameter ("zero_latency", 1.0f);
    reverb.setImpulseResponse ({ impulseAt (100, 3000), impulseAt (2500, 3000, 0.5f) }, 48000.0);
    reverb.prepare (48000.0, 64, 2);
    ASSERT_TRUE (reverb.isConvolving());
    EXPECT_EQ (reverb.latencySamples(), 0);

    AudioBuffer buffer (2, 6000);
    buffer[0][10] = 1.0f;
    buffer[1][20] = 1.0f;
    processInBlocks (reverb, buffer, 64);
    EXPECT_EQ (onlyNonZero (buffer[0]), 110);
    EXPECT_EQ (onlyNonZero (buffer[1]), 2520);
    EXPECT_NEAR (buffer[1][2520], 0.5f, 1e-6f);
}

TEST (ConvolutionReverbProcessorTest, AMonoIrServesEveryChannelWithTheReportedLatency)
{
    ConvolutionReverbProcessor reverb;
    reverb.setImpulseResponse ({ impulseAt (7, 500) }, 48000.0);
    reverb.prepare (48000.0, 200, 3);
    EXPECT_EQ (reverb.latencySamples(), 256); // the 200-sample block rounded up
    AudioBuffer buffer (3, 3000);
    for (int c = 0; c < 3; ++c)
        buffer[c][100] = 1.0f;
    processInBlocks (reverb, buffer, 200);
    for (int c = 0; c < 3; ++c)
        EXPECT_EQ (onlyNonZero (buffer[c]), 100 + 7 + 256);
}

TEST (ConvolutionReverbProcessorTest, MixBlendsTheDelayAlignedDryWithTheWet)
{
    ConvolutionReverbProcessor reverb;
    reverb.setParameter ("mix", 25.0f);
    reverb.setParameter ("wet_db", -6.0f);
    reverb.setParameter ("predelay_ms", 10.0f); // 480 samples
    reverb.setImpulseResponse ({ impulseAt (0, 1) }, 48000.0);
    reverb.prepare (48000.0, 128, 1);
    const int latency = reverb.latencySamples();
    EXPECT_EQ (latency, 128);
    AudioBuffer buffer (1, 4000);
    buffer[0][50] = 1.0f;
    processInBlocks (reverb, buffer, 128);
    EXPECT_NEAR (buffer[0][(size_t) (50 + latency)], 0.75f, 1e-6f);
    EXPECT_NEAR (buffer[0][(size_t) (50 + latency + 480)], 0.25f * std::pow (10.0f, -6.0f / 20.0f), 1e-6f);
    buffer[0][(size_t) (50 + latency)] = buffer[0][(size_t) (50 + latency + 480)] = 0.0f;
    EXPECT_EQ (onlyNonZero (buffer[0]), -1);
}

TEST (ConvolutionReverbProcessorTest, StateRoundTripsTheParametersAndTheIrPath)
{
    ConvolutionReverbProcessor reverb;
    ASSERT_TRUE (reverb.setState (
        { { "params", { { "mix", 40.0 }, { "predelay_ms", 12.5 }, { "zero_latency", 1.0 } } }, { "ir", "irs/hall.wav" } }));
    const auto saved = reverb.state();
    EXPECT_EQ (saved["ir"], "irs/hall.wav");
    EXPECT_EQ (saved["params"]["mix"], 40.0);

    ConvolutionReverbProcessor copy;
    ASSERT_TRUE (copy.setState (saved));
    EXPECT_EQ (copy.state(), saved);
    EXPECT_EQ (copy.impulseResponsePath(), "irs/hall.wav");

    EXPECT_FALSE (copy.setState ({ { "params", nlohmann::json::object() }, { "ir", 3 } }));
    EXPECT_EQ (copy.impulseResponsePath(), "irs/hall.wav"); // a bad state changes nothing
}
