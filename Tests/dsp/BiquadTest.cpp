#include "dsp/Biquad.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

// Measured gain of a steady sine through the kernel: 2 s to settle, then a 1 s projection
// (a whole number of cycles for integer frequencies at integer sample rates).
static double measuredGainDb (const BiquadCoefficients& c, double sr, double freq)
{
    Biquad filter;
    filter.prepare (1);
    filter.setCoefficients (c);
    const int settle = 2 * (int) sr, measure = (int) sr;
    auto x = sine (freq, sr, settle + measure, 0.5);
    std::vector<float> in (x.end() - measure, x.end());
    filter.process (x.data(), (int) x.size(), 0);
    return dbOf (toneAmplitude (x.data() + settle, measure, freq, sr) / toneAmplitude (in.data(), measure, freq, sr));
}

TEST (BiquadTest, PeakingGainAtTheCentreIsTheBandGain)
{
    const double sr = 48000.0;
    for (double gainDb : { -12.0, -3.0, 6.0, 18.0 })
    {
        const auto c = BiquadCoefficients::peaking (sr, 1000.0, 1.4, gainDb);
        EXPECT_NEAR (c.magnitudeDb (sr, 1000.0), gainDb, 1e-9);
        EXPECT_NEAR (measuredGainDb (c, sr, 1000.0), gainDb, 0.05);
    }
}

TEST (BiquadTest, PeakingIsFlatFarFromTheCentre)
{
    const double sr = 48000.0;
    const auto c = BiquadCoefficients::peaking (sr, 1000.0, 2.0, 12.0);
    EXPECT_NEAR (measuredGainDb (c, sr, 20.0), 0.0, 0.01);
    EXPECT_NEAR (c.magnitudeDb (sr, 23900.0), 0.0, 0.01);
}

TEST (BiquadTest, ZeroGainPeakingIsBitTransparent)
{
    Biquad filter;
    filter.prepare (1);
    filter.setCoefficients (BiquadCoefficients::peaking (44100.0, 3000.0, 0.7, 0.0));
    const auto noise = whiteNoise (10000, 1.0);
    auto x = noise;
    filter.process (x.data(), (int) x.size(), 0);
    EXPECT_EQ (x, noise);
}

TEST (BiquadTest, ButterworthHighPassIsMinus3dBAtTheCornerAnd12dBPerOctaveBelow)
{
    const double sr = 48000.0, q = 1.0 / std::sqrt (2.0);
    const auto c = BiquadCoefficients::highPass (sr, 100.0, q);
    EXPECT_NEAR (measuredGainDb (c, sr, 100.0), -3.0103, 0.05);
    EXPECT_NEAR (measuredGainDb (c, sr, 10000.0), 0.0, 0.01);

    // Analog Butterworth: |H|^2 = 1 / (1 + (fc/f)^4), so each octave well below fc is 12 dB.
    const double at25 = measuredGainDb (c, sr, 25.0), at12 = measuredGainDb (c, sr, 12.5);
    EXPECT_NEAR (at25 - at12, 12.0, 0.1);
    EXPECT_NEAR (at25, -10.0 * std::log10 (1.0 + std::pow (100.0 / 25.0, 4.0)), 0.05);
}

TEST (BiquadTest, ButterworthLowPassIsMinus3dBAtTheCorner)
{
    const double sr = 96000.0, q = 1.0 / std::sqrt (2.0);
    const auto c = BiquadCoefficients::lowPass (sr, 2000.0, q);
    EXPECT_NEAR (measuredGainDb (c, sr, 2000.0), -3.0103, 0.05);
    EXPECT_NEAR (measuredGainDb (c, sr, 20.0), 0.0, 0.01);
    // Near Nyquist the bilinear transform bends the slope; the exact digital Butterworth is
    // |H|^2 = 1 / (1 + (tan(pi f / fs) / tan(pi fc / fs))^4).
    for (double f : { 8000.0, 16000.0, 30000.0 })
    {
        const double ratio = std::tan (std::numbers::pi * f / sr) / std::tan (std::numbers::pi * 2000.0 / sr);
        EXPECT_NEAR (measuredGainDb (c, sr, f), -10.0 * std::log10 (1.0 + std::pow (ratio, 4.0)), 0.05) << f;
    }
}
