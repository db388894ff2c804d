#include "dsp/KWeighting.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

TEST (KWeightingTest, At48kHzTheDerivationGivesBackTheStandardsTable)
{
    // BS.1770-4 Tables 1 and 2.
    const auto k = KWeightingCoefficients::forSampleRate (48000.0);
    EXPECT_NEAR (k.shelf.b0, 1.53512485958697, 1e-12);
    EXPECT_NEAR (k.shelf.b1, -2.69169618940638, 1e-12);
    EXPECT_NEAR (k.shelf.b2, 1.19839281085285, 1e-12);
    EXPECT_NEAR (k.shelf.a1, -1.69065929318241, 1e-12);
    EXPECT_NEAR (k.shelf.a2, 0.73248077421585, 1e-12);
    EXPECT_NEAR (k.highPass.b0, 1.0, 1e-12);
    EXPECT_NEAR (k.highPass.b1, -2.0, 1e-12);
    EXPECT_NEAR (k.highPass.b2, 1.0, 1e-12);
    EXPECT_NEAR (k.highPass.a1, -1.99004745483398, 1e-12);
    EXPECT_NEAR (k.highPass.a2, 0.99007225036621, 1e-12);
}

TEST (KWeightingTest, TheCurveIsTheSameAtEveryRate)
{
    // The analog shape survives the redesign: from 20 Hz to 16 kHz the response at 44.1, 88.2,
    // 96 and 192 kHz stays within 0.01 dB of the standard's 48 kHz filter, and at 32 kHz within
    // 0.015 dB (only the warping of frequencies between the corners differs).
    const auto reference = KWeightingCoefficients::forSampleRate (48000.0);
    for (double rate : { 32000.0, 44100.0, 88200.0, 96000.0, 192000.0 })
    {
        const auto k = KWeightingCoefficients::forSampleRate (rate);
        for (double f = 20.0; f <= std::min (16000.0, 0.45 * rate); f *= 1.1)
            EXPECT_NEAR (k.magnitudeDb (rate, f), reference.magnitudeDb (48000.0, f), rate < 44100.0 ? 0.015 : 0.01)
                << rate << " Hz at " << f;
    }
}

TEST (KWeightingTest, LandmarksOfTheCurve)
{
    for (double rate : { 44100.0, 48000.0, 96000.0 })
    {
        const auto k = KWeightingCoefficients::forSampleRate (rate);
        // About +0.7 dB at 1 kHz, which the -0.691 LUFS offset cancels, at every rate.
        EXPECT_NEAR (k.magnitudeDb (rate, 1000.0), 0.6977, 0.005) << rate;
        // The shelf's +4 dB at high frequencies; the high-pass deep below 30 Hz, gone by 100 Hz.
        EXPECT_NEAR (k.magnitudeDb (rate, 10000.0), 4.0, 0.1) << rate;
        EXPECT_LT (k.magnitudeDb (rate, 20.0), -10.0) << rate;
        EXPECT_GT (k.magnitudeDb (rate, 100.0), -1.5) << rate;
    }
}

TEST (KWeightingTest, EnergyOfASineIsItsMeanSquareTimesTheWeighting)
{
    const double rate = 48000.0;
    KWeightingFilter filter;
    filter.prepare (rate, 2);
    const auto x = sine (1000.0, rate, 96000, 0.5);
    filter.filterEnergy (0, x.data(), 48000); // settle
    const double energy = filter.filterEnergy (0, x.data() + 48000, 48000) / 48000.0;
    const double expected = 0.125 * std::pow (10.0, filter.getCoefficients().magnitudeDb (rate, 1000.0) / 10.0);
    EXPECT_NEAR (energy / expected, 1.0, 1e-4);
    // Channels keep separate state: channel 1 has seen nothing.
    EXPECT_EQ (filter.filterEnergy (1, x.data(), 0), 0.0);
}

TEST (KWeightingTest, ResetClearsTheState)
{
    KWeightingFilter filter;
    filter.prepare (48000.0, 1);
    const auto x = sine (100.0, 48000.0, 4800, 1.0);
    const double first = filter.filterEnergy (0, x.data(), 4800);
    filter.reset();
    EXPECT_EQ (filter.filterEnergy (0, x.data(), 4800), first);
}

TEST (KWeightingTest, FourLanesComputeWhatOneChannelAtATimeDoes)
{
    // filterEnergies() runs channels side by side in SIMD lanes; each lane must match the scalar
    // filter to rounding (the lanes may use fused multiply-adds).
    const double rate = 44100.0;
    KWeightingFilter scalar, lanes;
    scalar.prepare (rate, 5);
    lanes.prepare (rate, 5);
    std::vector<std::vector<float>> x;
    for (int c = 0; c < 5; ++c)
        x.push_back (whiteNoise (5000, 0.3 + 0.1 * c, 11 + (uint64_t) c));

    const int channels[] = { 4, 1, 3 };
    const float* in[] = { x[4].data(), x[1].data(), x[3].data() };
    for (int start : { 0, 1000, 1001, 3000 })
    {
        const int n = (start == 1000 ? 1 : start == 1001 ? 1999 : 2000);
        const float* block[] = { in[0] + start, in[1] + start, in[2] + start };
        double energies[3];
        lanes.filterEnergies (channels, 3, block, n, energies);
        for (int k = 0; k < 3; ++k)
        {
            const double expected = scalar.filterEnergy (channels[k], block[k], n);
            EXPECT_NEAR (energies[k], expected, 1e-12 * expected) << "lane " << k << " from " << start;
        }
    }
}
