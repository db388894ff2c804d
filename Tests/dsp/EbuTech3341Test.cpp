// EBU Tech 3341 ("EBU Mode" loudness metering), the minimum-requirement test signals generated from
// their definitions in Table 1 of the standard, at 44.1, 48 and 96 kHz. Levels are sine peaks in
// dBFS; tolerances are the standard's (+/-0.1 LU, true peak +0.2/-0.4 dB). Cases 7 and 8 are
// recordings of real programmes, not definitions, and are not reproduced: LoudnessOracleTest
// measures realistic material against libebur128 instead.

#include "LoudnessTestSignals.h"

#include <gtest/gtest.h>

#include <numbers>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

namespace
{
class EbuTech3341 : public ::testing::TestWithParam<double>
{
protected:
    double rate() const { return GetParam(); }
};

constexpr double tolerance = 0.1;
} // namespace

TEST_P (EbuTech3341, Case1StereoMinus23ReadsMinus23Everywhere)
{
    Programme p (2, rate());
    appendTone (p, -23.0, 20.0);
    LoudnessAnalyser analyser;
    analyser.prepare (rate(), 2, 4096);
    analyse (analyser, p, 4096);
    EXPECT_NEAR (analyser.momentaryLufs(), -23.0, tolerance);
    EXPECT_NEAR (analyser.shortTermLufs(), -23.0, tolerance);
    EXPECT_NEAR (analyser.integratedLufs(), -23.0, tolerance);
    EXPECT_NEAR (analyser.maxMomentaryLufs(), -23.0, tolerance);
    EXPECT_NEAR (analyser.maxShortTermLufs(), -23.0, tolerance);
}

TEST_P (EbuTech3341, Case2StereoMinus33ReadsMinus33Everywhere)
{
    Programme p (2, rate());
    appendTone (p, -33.0, 20.0);
    LoudnessAnalyser analyser;
    analyser.prepare (rate(), 2, 4096);
    analyse (analyser, p, 4096);
    EXPECT_NEAR (analyser.momentaryLufs(), -33.0, tolerance);
    EXPECT_NEAR (analyser.shortTermLufs(), -33.0, tolerance);
    EXPECT_NEAR (analyser.integratedLufs(), -33.0, tolerance);
}

TEST_P (EbuTech3341, Case3RelativeGateDropsTheQuietEnds)
{
    Programme p (2, rate());
    appendTone (p, -36.0, 10.0);
    appendTone (p, -23.0, 60.0);
    appendTone (p, -36.0, 10.0);
    EXPECT_NEAR (measure (p).integratedLufs, -23.0, tolerance);
}

TEST_P (EbuTech3341, Case4AbsoluteAndRelativeGates)
{
    Programme p (2, rate());
    appendTone (p, -72.0, 10.0);
    appendTone (p, -36.0, 10.0);
    appendTone (p, -23.0, 60.0);
    appendTone (p, -36.0, 10.0);
    appendTone (p, -72.0, 10.0);
    EXPECT_NEAR (measure (p).integratedLufs, -23.0, tolerance);
}

TEST_P (EbuTech3341, Case5PowerMeanOfTwoLevels)
{
    Programme p (2, rate());
    appendTone (p, -26.0, 20.0);
    appendTone (p, -20.0, 20.1);
    appendTone (p, -26.0, 20.0);
    EXPECT_NEAR (measure (p).integratedLufs, -23.0, tolerance);
}

TEST_P (EbuTech3341, Case6FiveChannelsWeightTheSurrounds)
{
    // L R C Ls Rs at -28, -28, -24, -30, -30 dBFS: the surrounds count +1.5 dB.
    Programme five (5, rate());
    appendSine (five, 1000.0, { -28.0, -28.0, -24.0, -30.0, -30.0 }, 20.0);
    EXPECT_NEAR (measure (five).integratedLufs, -23.0, tolerance);

    // The same as 5.1 (L R C LFE Ls Rs) with a loud LFE, which must not count.
    Programme six (6, rate());
    appendSine (six, 1000.0, { -28.0, -28.0, -24.0, -6.0, -30.0, -30.0 }, 20.0);
    EXPECT_NEAR (measure (six).integratedLufs, -23.0, tolerance);
}

TEST_P (EbuTech3341, Case9ShortTermIsSteadyOverThreeSecondPeriods)
{
    Programme p (2, rate());
    for (int i = 0; i < 5; ++i)
    {
        appendTone (p, -20.0, 1.34);
        appendTone (p, -30.0, 1.66);
    }
    LoudnessAnalyser analyser;
    analyser.prepare (rate(), 2, 1000, 20.0);
    analyse (analyser, p, 1000);
    const auto& history = analyser.history();
    ASSERT_GE (history.size(), 140);
    for (int step = 30; step < history.size(); ++step)
        EXPECT_NEAR (history[step].shortTermLufs, -23.0, tolerance) << "at " << (step + 1) * 0.1 << " s";
}

namespace
{
/** Tech 3341 cases 10 and 13: 20 bursts of `seconds` at -23, each starting 5 ms later against the
    meter's 100 ms grid than the one before (so one of them lands on it), 1 s of silence apart. */
Programme burstsAtEveryAlignment (double rate, double seconds)
{
    Programme p (2, rate);
    for (int i = 0; i < 20; ++i)
    {
        const double now = (double) p.numFrames() / rate;
        const double gridStart = std::ceil (now * 10.0 - 1e-9) / 10.0 + 1.0;
        appendSilence (p, gridStart + 0.005 * i - now);
        appendTone (p, -23.0, seconds);
    }
    appendSilence (p, 1.0);
    return p;
}

/** Tech 3341 cases 11 and 14: one burst of `seconds` at `level`, on the grid. */
Programme burstOnTheGrid (double rate, double level, double seconds)
{
    Programme p (2, rate);
    appendSilence (p, 0.5);
    appendTone (p, level, seconds);
    appendSilence (p, 1.0);
    return p;
}
} // namespace

TEST_P (EbuTech3341, Case10And11MaxShortTermOfThreeSecondBursts)
{
    EXPECT_NEAR (measure (burstsAtEveryAlignment (rate(), 3.0), 512).maxShortTermLufs, -23.0, tolerance);
    for (int i = 0; i < 20; ++i)
        EXPECT_NEAR (measure (burstOnTheGrid (rate(), -38.0 + i, 3.0), 512).maxShortTermLufs, -38.0 + i, tolerance)
            << "segment " << i;
}

TEST_P (EbuTech3341, Case12MomentaryIsSteadyOver400MsPeriods)
{
    Programme p (2, rate());
    for (int i = 0; i < 25; ++i)
    {
        appendTone (p, -20.0, 0.18);
        appendTone (p, -30.0, 0.22);
    }
    LoudnessAnalyser analyser;
    analyser.prepare (rate(), 2, 480, 20.0);
    analyse (analyser, p, 480);
    const auto& history = analyser.history();
    ASSERT_GE (history.size(), 95);
    for (int step = 10; step < history.size(); ++step)
        EXPECT_NEAR (history[step].momentaryLufs, -23.0, tolerance) << "at " << (step + 1) * 0.1 << " s";
}

TEST_P (EbuTech3341, Case13And14MaxMomentaryOf400MsBursts)
{
    EXPECT_NEAR (measure (burstsAtEveryAlignment (rate(), 0.4), 512).maxMomentaryLufs, -23.0, tolerance);
    for (int i = 0; i < 20; ++i)
        EXPECT_NEAR (measure (burstOnTheGrid (rate(), -38.0 + i, 0.4), 512).maxMomentaryLufs, -38.0 + i, tolerance)
            << "segment " << i;
}

TEST_P (EbuTech3341, ABurstBetweenTwoReadingsReadsLowByItsOverlapAsOnEvery10HzMeter)
{
    // Read every 100 ms, a 400 ms burst starting 50 ms after a reading is never wholly inside a
    // window: the best ones hold 350 ms of it, 10 log10 (350 / 400) = -0.58 dB.
    Programme p (2, rate());
    appendSilence (p, 0.55);
    appendTone (p, -23.0, 0.4);
    appendSilence (p, 1.0);
    EXPECT_NEAR (measure (p, 512).maxMomentaryLufs, -23.0 + 10.0 * std::log10 (0.35 / 0.4), tolerance);
}

namespace
{
/** A stereo sine of `cyclesPerSample` * fs Hz, peak `amplitude`, starting at `phaseDegrees`,
    1 s with 10 ms raised-cosine fades so its start and end add no overshoot of their own. */
Programme truePeakSine (double rate, double cyclesPerSample, double phaseDegrees, double amplitude)
{
    Programme p (2, rate);
    const int n = (int) rate;
    const int fade = (int) (0.01 * rate);
    for (auto& x : p.channels)
        for (int i = 0; i < n; ++i)
        {
            const int edge = std::min (i, n - 1 - i);
            const double envelope = edge >= fade ? 1.0 : 0.5 - 0.5 * std::cos (std::numbers::pi * edge / fade);
            x.push_back (
                (float) (amplitude * envelope
                         * std::sin (2.0 * std::numbers::pi * cyclesPerSample * i + phaseDegrees * std::numbers::pi / 180.0)));
        }
    return p;
}

void expectTruePeak (const Programme& p, double expectedDbtp)
{
    const auto s = measure (p);
    EXPECT_LE (s.truePeakDbtp, expectedDbtp + 0.2);
    EXPECT_GE (s.truePeakDbtp, expectedDbtp - 0.4);
}
} // namespace

TEST_P (EbuTech3341, Cases15To19TruePeakOfSinesBetweenTheSamples)
{
    // 15: fs/4 at phase 0 (samples on the peaks); 16: fs/4 at 45 degrees (samples 3 dB below the
    // peaks); 17: fs/6 at 60 degrees; 18: fs/8 at 67.5 degrees; all -6 dBFS peak, expected
    // -6.0 dBTP. 19: fs/4 at 45 degrees with samples at full scale: +3.0 dBTP.
    const auto case15 = truePeakSine (rate(), 0.25, 0.0, 0.5);
    expectTruePeak (case15, -6.0);
    EXPECT_NEAR (measure (case15).samplePeakDbfs, -6.02, 0.01);

    const auto case16 = truePeakSine (rate(), 0.25, 45.0, 0.5);
    expectTruePeak (case16, -6.0);
    EXPECT_NEAR (measure (case16).samplePeakDbfs, -9.03, 0.01);

    expectTruePeak (truePeakSine (rate(), 1.0 / 6.0, 60.0, 0.5), -6.0);
    expectTruePeak (truePeakSine (rate(), 0.125, 67.5, 0.5), -6.0);
    expectTruePeak (truePeakSine (rate(), 0.25, 45.0, 1.41), 3.0);
}

TEST_P (EbuTech3341, Cases20To23FullScaleSineDecimatedAtFourOffsets)
{
    // A 0 dBTP sine at fs/6 made at 4 fs and decimated keeping every fourth sample from offset 0,
    // 1, 2 or 3: the same waveform with the samples 15 degrees further along each time, so the
    // largest sample is -1.25, -0.30, 0.00 and -0.30 dBFS while the true peak stays 0 dBTP.
    for (int offset = 0; offset < 4; ++offset)
        expectTruePeak (truePeakSine (rate(), 1.0 / 6.0, 15.0 * offset, 1.0), 0.0);
}

INSTANTIATE_TEST_SUITE_P (Rates, EbuTech3341, ::testing::Values (44100.0, 48000.0, 96000.0),
                          [] (const auto& param) { return std::to_string ((int) param.param) + "Hz"; });
