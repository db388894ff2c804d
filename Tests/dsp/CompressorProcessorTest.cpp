#include "dsp/CompressorProcessor.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

namespace
{
struct Settings
{
    float threshold = -30.0f, ratio = 4.0f, attack = 1.0f, release = 500.0f, knee = 0.0f, makeup = 0.0f;
};

std::unique_ptr<CompressorProcessor> makeCompressor (const Settings& s, double sr, int channels)
{
    auto c = std::make_unique<CompressorProcessor>();
    c->setParameter (CompressorProcessor::thresholdDb, s.threshold);
    c->setParameter (CompressorProcessor::ratio, s.ratio);
    c->setParameter (CompressorProcessor::attackMs, s.attack);
    c->setParameter (CompressorProcessor::releaseMs, s.release);
    c->setParameter (CompressorProcessor::kneeDb, s.knee);
    c->setParameter (CompressorProcessor::makeupDb, s.makeup);
    c->prepare (sr, 512, channels);
    return c;
}

// Output level (dBFS, AES17 peak convention) of a steady 1 kHz sine at levelDb, measured by RMS
// over the last half of 2 s, long after the attack has settled.
double steadySineOutputDb (const Settings& s, double levelDb)
{
    const double sr = 48000.0;
    auto comp = makeCompressor (s, sr, 2);
    auto buffer = filled (2, sine (1000.0, sr, 96000, std::pow (10.0, levelDb / 20.0)));
    processInBlocks (*comp, buffer, 512);
    return sineLevelDb (buffer[0].data() + 48000, 48000);
}
}

TEST (CompressorProcessorTest, SteadySineAboveThresholdFollowsTheStaticCurve)
{
    // T + (L - T) / R + makeup, for several levels, ratios and makeups.
    for (auto [level, ratio, makeup] : { std::tuple { -10.0, 4.0, 0.0 }, { -10.0, 4.0, 3.0 },
                                         { -20.0, 2.0, 0.0 }, { -6.0, 10.0, 6.0 } })
    {
        Settings s;
        s.ratio = (float) ratio;
        s.makeup = (float) makeup;
        const double expected = s.threshold + (level - s.threshold) / ratio + makeup;
        EXPECT_NEAR (steadySineOutputDb (s, level), expected, 0.2) << level << " dB, " << ratio << ":1";
    }
}

TEST (CompressorProcessorTest, SoftKneeAboveTheKneeIsTheSameLine)
{
    Settings s;
    s.knee = 10.0f; // knee spans -35 .. -25; -10 dBFS is well above it
    EXPECT_NEAR (steadySineOutputDb (s, -10.0), -30.0 + 20.0 / 4.0, 0.2);
}

TEST (CompressorProcessorTest, BelowThresholdIsUnity)
{
    Settings s;
    s.knee = 6.0f;
    EXPECT_NEAR (steadySineOutputDb (s, -40.0), -40.0, 1e-4);
}

TEST (CompressorProcessorTest, InsideTheKneeFollowsTheQuadratic)
{
    // DC so the level is constant: xG = T + W/4, inside the knee [T - W/2, T + W/2].
    const double sr = 48000.0;
    Settings s;
    s.knee = 12.0f;
    auto comp = makeCompressor (s, sr, 1);
    const double xG = s.threshold + s.knee / 4.0;
    auto buffer = filled (1, std::vector<float> (48000, (float) std::pow (10.0, xG / 20.0)));
    processInBlocks (*comp, buffer, 512);

    const double k = xG - s.threshold + s.knee / 2.0;
    const double expected = xG + (1.0 / s.ratio - 1.0) * k * k / (2.0 * s.knee);
    EXPECT_NEAR (dbOf (buffer[0].back()), expected, 0.01);
}

TEST (CompressorProcessorTest, AttackAndReleaseAreOnePoleTimeConstants)
{
    // A DC step from -40 dBFS (no reduction) to -10 dBFS with T -20, 4:1, hard knee: the
    // reduction heads for (-10 + 20) * (1 - 1/4) = 7.5 dB and covers 1 - 1/e of it in attack_ms;
    // stepping back down it keeps 1/e of it after release_ms.
    const double sr = 48000.0;
    Settings s;
    s.threshold = -20.0f;
    s.attack = 10.0f;    // 480 samples
    s.release = 100.0f;  // 4800 samples
    auto comp = makeCompressor (s, sr, 1);

    const float quiet = (float) std::pow (10.0, -40.0 / 20.0), loud = (float) std::pow (10.0, -10.0 / 20.0);
    std::vector<float> x (48000, quiet);
    std::fill (x.begin() + 1000, x.begin() + 25000, loud);
    auto buffer = filled (1, x);
    processInBlocks (*comp, buffer, 512);

    auto reductionAt = [&] (int i) { return -dbOf (buffer[0][(size_t) i] / x[(size_t) i]); };
    const double full = 7.5;
    EXPECT_NEAR (reductionAt (999), 0.0, 1e-6);
    // After n samples of the step the detector has made n updates: GR = full (1 - a^n).
    EXPECT_NEAR (reductionAt (1000 + 480 - 1), full * (1.0 - std::exp (-1.0)), 0.005);
    EXPECT_NEAR (reductionAt (24999), full, 0.001);
    EXPECT_NEAR (reductionAt (25000 + 4800 - 1), full * std::exp (-1.0), 0.005);
}

TEST (CompressorProcessorTest, StereoLinkedGainKeepsTheImage)
{
    const double sr = 48000.0;
    Settings s;
    auto comp = makeCompressor (s, sr, 2);
    AudioBuffer buffer (2, 24000);
    std::fill (buffer[0].begin(), buffer[0].end(), 0.5f);  // loud left
    std::fill (buffer[1].begin(), buffer[1].end(), 0.01f); // quiet right, -40 dBFS
    processInBlocks (*comp, buffer, 512);
    // Both channels get the same gain, set by the louder one.
    EXPECT_NEAR (buffer[0].back() / 0.5, buffer[1].back() / 0.01, 1e-5);
    EXPECT_LT (buffer[1].back(), 0.01f * 0.5f);
}
