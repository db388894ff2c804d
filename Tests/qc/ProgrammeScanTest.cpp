#include "ScanHelpers.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::qc::test;

TEST (ProgrammeScanTest, ThreeFullScaleSamplesInARowAreClippingTwoAreNot)
{
    auto x = sine (100.0, 0.5, 2.0);
    x[10000] = x[10001] = 1.0f;                       // two: a hot peak, not clipping
    x[50000] = x[50001] = x[50002] = -1.0f;           // three: clipping
    x[90000] = x[90001] = x[90002] = x[90003] = 1.0f; // four, 0.8 s later: another passage
    const auto profile = scan ({ x });
    ASSERT_EQ (profile.clipping.size(), 2u);
    EXPECT_EQ (profile.clipping[0].start, 50000);
    EXPECT_EQ (profile.clipping[0].end, 50003);
    EXPECT_EQ (profile.clipping[0].channel, 0);
    EXPECT_EQ (profile.clipping[1].start, 90000);
    EXPECT_EQ (profile.clipping[1].end, 90004);
}

TEST (ProgrammeScanTest, RunsCloseTogetherAreOnePassagePerChannel)
{
    // A sine driven 6 dB into the rails clips on every half cycle: one passage, not hundreds.
    auto right = sine (1000.0, 2.0, 1.0);
    for (auto& v : right)
        v = std::clamp (v, -1.0f, 1.0f);
    const auto profile = scan ({ sine (1000.0, 0.5, 1.0), right });
    ASSERT_EQ (profile.clipping.size(), 1u);
    EXPECT_EQ (profile.clipping[0].channel, 1);
    EXPECT_LT (profile.clipping[0].start, 48);       // the first quarter cycle
    EXPECT_GT (profile.clipping[0].end, 48000 - 48); // the last
}

TEST (ProgrammeScanTest, DcOffsetIsTheMeanOfEachChannel)
{
    auto left = sine (50.0, 0.5, 2.0); // whole cycles: mean 0
    auto right = left;
    for (auto& v : right)
        v += 0.02f;
    const auto profile = scan ({ left, right });
    EXPECT_NEAR (profile.dcOffset[0], 0.0, 1e-6);
    EXPECT_NEAR (profile.dcOffset[1], 0.02, 1e-6);
}

TEST (ProgrammeScanTest, CorrelationIsOneForTheSameSignalMinusOneInvertedAndNearZeroForUnrelatedNoise)
{
    const auto a = noise (0.3, 3.0, 1), b = noise (0.3, 3.0, 2);
    auto inverted = a;
    for (auto& v : inverted)
        v = -v;
    std::vector<float> pairA = a, pairB = a;
    append (pairA, a);
    append (pairB, inverted);
    append (pairA, a);
    append (pairB, b);
    const auto profile = scan ({ pairA, pairB });
    ASSERT_EQ (profile.pairs.size(), 1u);
    const auto& r = profile.pairs[0].correlation;
    ASSERT_EQ (r.size(), 9u);
    for (int s = 0; s < 3; ++s)
    {
        EXPECT_NEAR (r[(size_t) s], 1.0, 1e-5) << s;
        EXPECT_NEAR (r[(size_t) s + 3], -1.0, 1e-5) << s;
        EXPECT_NEAR (r[(size_t) s + 6], 0.0, 0.03) << s; // 48000 samples: standard error 0.005
    }
}

TEST (ProgrammeScanTest, SurroundPairsAreFrontAndSurroundsNeverTheLfe)
{
    const auto a = noise (0.3, 1.0, 3);
    const std::vector<float> silent (a.size(), 0.0f);
    const auto profile = scan ({ a, a, silent, silent, a, silent });
    ASSERT_EQ (profile.pairs.size(), 2u);
    EXPECT_EQ (profile.pairs[0].left, 0);
    EXPECT_EQ (profile.pairs[1].left, 4);
    EXPECT_EQ (profile.pairs[1].right, 5);
    EXPECT_FLOAT_EQ (profile.pairs[1].correlation[0], 1.0f); // one side silent: no phase problem
}

TEST (ProgrammeScanTest, EveryTruePeakOverIsSeenNotOnlyTheLoudest)
{
    // A loud burst, then a quieter one: a meter that only keeps its maximum would lose the second.
    std::vector<float> x (48000 * 3, 0.0f);
    for (int i = 0; i < 4800; ++i)
    {
        x[(size_t) (24000 + i)] = (float) (0.99 * std::sin (2.0 * std::numbers::pi * 0.25 * i + std::numbers::pi / 4));
        x[(size_t) (96000 + i)] = (float) (0.9 * std::sin (2.0 * std::numbers::pi * 0.25 * i + std::numbers::pi / 4));
    }
    const auto profile = scan ({ x });
    const auto& peaks = profile.truePeakDbtp;
    ASSERT_EQ (peaks.size(), 30u);
    // fs/4 at 45 degrees: samples at 0.707 of the peak, the true peak between them (a little
    // over it where the burst starts and stops abruptly).
    EXPECT_GT (peaks[5], 20.0 * std::log10 (0.99) - 0.1);
    EXPECT_LT (peaks[5], 20.0 * std::log10 (0.99) + 0.3);
    EXPECT_GT (peaks[20], 20.0 * std::log10 (0.9) - 0.1);
    EXPECT_LT (peaks[20], 20.0 * std::log10 (0.9) + 0.3);
    EXPECT_NEAR (profile.samplePeakDbfs[20], 20.0 * std::log10 (0.9 * std::sqrt (0.5)), 0.01);
    EXPECT_FALSE (std::isfinite (peaks[15])); // digital silence between them
}

TEST (ProgrammeScanTest, TheSameProgrammeInAnyBlockSizeScansTheSame)
{
    const auto a = noise (0.2, 4.0, 5), b = noise (0.2, 4.0, 6);
    const auto one = scan ({ a, b }, 48000.0, {}, 64);
    const auto other = scan ({ a, b }, 48000.0, {}, 7777);
    // The true-peak filter's vector path rounds a little differently where a block joins.
    ASSERT_EQ (one.truePeakDbtp.size(), other.truePeakDbtp.size());
    for (size_t i = 0; i < one.truePeakDbtp.size(); ++i)
        EXPECT_NEAR (one.truePeakDbtp[i], other.truePeakDbtp[i], 1e-5) << i;
    EXPECT_EQ (one.momentaryLufs, other.momentaryLufs);
    EXPECT_EQ (one.dialogueStep, other.dialogueStep);
    EXPECT_EQ (one.speechBandLowDb, other.speechBandLowDb);
    EXPECT_EQ (one.pairs[0].correlation, other.pairs[0].correlation);
    EXPECT_EQ (one.loudness.integratedLufs, other.loudness.integratedLufs);
}
