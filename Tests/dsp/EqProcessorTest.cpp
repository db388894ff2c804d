#include "dsp/EqProcessor.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

static double eqGainDb (EqProcessor& eq, double sr, double freq)
{
    eq.prepare (sr, 512, 2);
    const int settle = 2 * (int) sr, measure = (int) sr;
    auto buffer = filled (2, sine (freq, sr, settle + measure, 0.25));
    const auto input = buffer[0];
    processInBlocks (eq, buffer, 512);
    double worst = 0.0, first = 0.0;
    for (int c = 0; c < 2; ++c)
    {
        const double g = dbOf (toneAmplitude (buffer[c].data() + settle, measure, freq, sr)
                               / toneAmplitude (input.data() + settle, measure, freq, sr));
        if (c == 0)
            first = g;
        worst = std::max (worst, std::abs (g - first));
    }
    EXPECT_LT (worst, 1e-9); // both channels alike
    return first;
}

TEST (EqProcessorTest, EveryBandPeaksAtItsCentreByItsGain)
{
    const double sr = 48000.0;
    const float freqs[] = { 80.0f, 700.0f, 3000.0f, 12000.0f };
    const float gains[] = { 9.0f, -6.0f, 4.5f, -12.0f };
    for (int b = 0; b < EqProcessor::numBands; ++b)
    {
        EqProcessor eq;
        eq.setParameter (3 * b, freqs[b]);
        eq.setParameter (3 * b + 1, gains[b]);
        eq.setParameter (3 * b + 2, 2.0f);
        EXPECT_NEAR (eqGainDb (eq, sr, freqs[b]), gains[b], 0.05) << "band " << b + 1;
    }
}

TEST (EqProcessorTest, ABandIsFlatFarFromItsCentre)
{
    EqProcessor eq;
    eq.setParameter ("band2_freq_hz", 2000.0f);
    eq.setParameter ("band2_gain_db", 12.0f);
    eq.setParameter ("band2_q", 2.0f);
    EXPECT_NEAR (eqGainDb (eq, 48000.0, 30.0), 0.0, 0.01);
}

TEST (EqProcessorTest, DefaultsAndZeroGainBandsAreBitTransparent)
{
    EqProcessor eq;
    eq.setParameter ("band1_freq_hz", 150.0f);
    eq.setParameter ("band3_q", 7.0f);
    eq.prepare (44100.0, 256, 2);
    const auto noise = whiteNoise (44100, 1.0);
    auto buffer = filled (2, noise);
    processInBlocks (eq, buffer, 256);
    EXPECT_EQ (buffer[0], noise);
    EXPECT_EQ (buffer[1], noise);
}

TEST (EqProcessorTest, HighPassAt100HzIsMinus3dBThereAnd12dBPerOctaveBelow)
{
    const double sr = 48000.0;
    auto make = [] { auto eq = std::make_unique<EqProcessor>(); eq->setParameter ("hpf_freq_hz", 100.0f); return eq; };
    EXPECT_NEAR (eqGainDb (*make(), sr, 100.0), -3.0103, 0.05);
    const double at25 = eqGainDb (*make(), sr, 25.0), at12 = eqGainDb (*make(), sr, 12.5);
    EXPECT_NEAR (at25 - at12, 12.0, 0.1);
    EXPECT_NEAR (eqGainDb (*make(), sr, 5000.0), 0.0, 0.01);
}

TEST (EqProcessorTest, LowPassAt5kHzIsMinus3dBThere)
{
    EqProcessor eq;
    eq.setParameter ("lpf_freq_hz", 5000.0f);
    EXPECT_NEAR (eqGainDb (eq, 48000.0, 5000.0), -3.0103, 0.05);
}

TEST (EqProcessorTest, FiltersAreOffByDefaultAndZeroMeansOff)
{
    EqProcessor eq;
    EXPECT_EQ (eq.getParameter ("hpf_freq_hz"), 0.0f);
    EXPECT_EQ (eq.getParameter ("lpf_freq_hz"), 0.0f);
    const auto& infos = eq.parameters();
    EXPECT_EQ (infos[EqProcessor::hpfFreqHz].min, 0.0f);
    EXPECT_EQ (infos[EqProcessor::lpfFreqHz].defaultValue, 0.0f);
}

TEST (EqProcessorTest, BandGainJumpIsSmoothed)
{
    const double sr = 48000.0, freq = 1000.0, amplitude = 0.2;
    EqProcessor eq;
    eq.setParameter ("band2_freq_hz", 1000.0f);
    eq.prepare (sr, 512, 1);
    eq.setParameter ("band2_gain_db", 12.0f);
    auto buffer = filled (1, sine (freq, sr, 24000, amplitude));
    processInBlocks (eq, buffer, 512);
    // The output grows from the sine to a sine 4x its size; while it grows no step may exceed
    // the final sine's own largest step by more than a few percent (a jump would double it).
    const double finalStep = 2.0 * std::numbers::pi * freq / sr * amplitude * std::pow (10.0, 12.0 / 20.0);
    EXPECT_LE (maxAbsStep (buffer[0]), finalStep * 1.05);
}

TEST (EqProcessorTest, EngagingAndReleasingTheHighPassCrossfades)
{
    const double sr = 48000.0;
    EqProcessor eq;
    eq.prepare (sr, 64, 1);
    eq.setParameter ("hpf_freq_hz", 2000.0f);
    auto buffer = filled (1, std::vector<float> (9600, 0.5f)); // DC, which the HPF removes
    processInBlocks (eq, buffer, 64);
    EXPECT_NEAR (buffer[0].back(), 0.0f, 1e-6);
    // Dry DC to filtered over a 20 ms crossfade: a step of at most about 0.5 / 960 from the
    // fade plus the filter's own decay; an instant engage would step by ~0.5 * (1 - b0) = 0.08.
    EXPECT_LT (maxAbsStep (buffer[0]), 0.02);

    eq.setParameter ("hpf_freq_hz", 0.0f);
    auto after = filled (1, std::vector<float> (4800, 0.5f));
    processInBlocks (eq, after, 64);
    EXPECT_LE (maxAbsStep (after[0]), 0.5 / 960.0 + 1e-5);
    EXPECT_EQ (after[0].back(), 0.5f);
}
