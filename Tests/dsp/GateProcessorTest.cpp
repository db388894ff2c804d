#include "dsp/GateProcessor.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

static std::unique_ptr<GateProcessor> makeGate (double sr, float threshold, float range, float hold = 50.0f)
{
    auto gate = std::make_unique<GateProcessor>();
    gate->setParameter ("threshold_db", threshold);
    gate->setParameter ("range_db", range);
    gate->setParameter ("hold_ms", hold);
    gate->prepare (sr, 512, 2);
    return gate;
}

TEST (GateProcessorTest, BelowThresholdAttenuatesByTheRange)
{
    const double sr = 48000.0;
    auto gate = makeGate (sr, -40.0f, -30.0f);
    auto buffer = filled (2, sine (1000.0, sr, 96000, std::pow (10.0, -60.0 / 20.0)));
    processInBlocks (*gate, buffer, 512);
    EXPECT_NEAR (sineLevelDb (buffer[0].data() + 48000, 48000), -60.0 - 30.0, 0.01);
    EXPECT_NEAR (sineLevelDb (buffer[1].data() + 48000, 48000), -90.0, 0.01);
}

TEST (GateProcessorTest, AboveThresholdIsUntouchedEvenAtLowFrequencyWithoutHold)
{
    const double sr = 48000.0;
    for (double freq : { 50.0, 1000.0 })
    {
        auto gate = makeGate (sr, -40.0f, -80.0f, 0.0f);
        const auto x = sine (freq, sr, 96000, 0.1); // -20 dBFS
        auto buffer = filled (2, x);
        processInBlocks (*gate, buffer, 512);
        // The gate starts on silence (the sine's first sample is 0) and opens with the attack;
        // from then on it must never chatter closed at the zero crossings.
        for (int i = 4800; i < 96000; ++i)
            ASSERT_EQ (buffer[0][(size_t) i], x[(size_t) i]) << freq << " Hz, sample " << i;
    }
}

TEST (GateProcessorTest, OpensWithTheAttackTimeConstant)
{
    // Closed on a -70 dBFS DC, then a -20 dBFS DC opens it: the gain in dB covers 1 - 1/e of
    // the way from range_db to 0 in attack_ms.
    const double sr = 48000.0;
    auto gate = makeGate (sr, -40.0f, -30.0f);
    gate->setParameter ("attack_ms", 5.0f); // 240 samples
    std::vector<float> x (96000, (float) std::pow (10.0, -70.0 / 20.0));
    std::fill (x.begin() + 80000, x.end(), 0.1f);
    auto buffer = filled (2, x);
    processInBlocks (*gate, buffer, 512);

    auto gainDbAt = [&] (int i) { return dbOf (buffer[0][(size_t) i] / x[(size_t) i]); };
    EXPECT_NEAR (gainDbAt (79999), -30.0, 1e-3);
    EXPECT_NEAR (gainDbAt (80000 + 240 - 1), -30.0 * std::exp (-1.0), 0.01);
    EXPECT_NEAR (gainDbAt (95999), 0.0, 1e-3);
}

TEST (GateProcessorTest, HoldKeepsItOpenAfterTheSignalDrops)
{
    const double sr = 48000.0;
    auto gate = makeGate (sr, -40.0f, -40.0f, 200.0f);
    std::vector<float> x (96000, 0.1f);
    std::fill (x.begin() + 10000, x.end(), 0.001f); // -20 -> -60 dBFS
    auto buffer = filled (2, x);
    processInBlocks (*gate, buffer, 512);
    // The envelope falls 8.7 dB per 20 ms time constant, so it passes the close level (threshold
    // - 6 dB = -46 dBFS) after about 60 ms; then 200 ms of hold, then the 100 ms release.
    // At +150 ms the gate is still fully open; 1.5 s later it has closed to the range.
    EXPECT_EQ (buffer[0][10000 + 7200], x[10000 + 7200]);
    EXPECT_NEAR (dbOf (buffer[0][10000 + 80000] / x[10000 + 80000]), -40.0, 0.01);
}
