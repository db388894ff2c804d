// The strip's plain filters (high_pass, low_pass, notch), de_hum, de_esser and downmix, measured
// on sines against the responses their designs promise.

#include "dsp/DeEsserProcessor.h"
#include "dsp/DeHumProcessor.h"
#include "dsp/DownmixProcessor.h"
#include "dsp/FilterProcessor.h"
#include "dsp/StereoDownmix.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

namespace
{
constexpr double sr = 48000.0;

/** The processor's gain in dB for a steady sine of `freq`, after two seconds of settling. */
double gainAtDb (Processor& p, double freq, double amplitude = 0.25)
{
    p.prepare (sr, 512, 1);
    const int settle = 2 * (int) sr, measure = (int) sr;
    auto buffer = filled (1, sine (freq, sr, settle + measure, amplitude));
    const auto input = buffer[0];
    processInBlocks (p, buffer, 512);
    return dbOf (toneAmplitude (buffer[0].data() + settle, measure, freq, sr)
                 / toneAmplitude (input.data() + settle, measure, freq, sr));
}

/** |H| in dB of a digital (bilinear, corner prewarped) Butterworth filter of order 2n (n
    sections) at f for corner fc: 1 / sqrt(1 + (w_c / w)^(4n)) for a high-pass, (w / w_c)^(4n)
    for a low-pass, with w = tan(pi f / fs). */
double butterworthDb (double f, double fc, int sections, bool highPass)
{
    const double ratio = std::tan (std::numbers::pi * fc / sr) / std::tan (std::numbers::pi * f / sr);
    return -10.0 * std::log10 (1.0 + std::pow (highPass ? ratio : 1.0 / ratio, 4.0 * sections));
}
} // namespace

TEST (FilterProcessorTest, HighAndLowPassAreButterworthOfTheGivenOrder)
{
    for (int order = 1; order <= 4; ++order)
    {
        FilterProcessor highPass (FilterProcessor::Kind::highPass);
        highPass.setParameter ("freq_hz", 200.0f);
        highPass.setParameter ("order", (float) order);
        EXPECT_NEAR (gainAtDb (highPass, 200.0), -3.01, 0.02) << order;
        EXPECT_NEAR (gainAtDb (highPass, 100.0), butterworthDb (100.0, 200.0, order, true), 0.02) << order;
        EXPECT_NEAR (gainAtDb (highPass, 2000.0), 0.0, 0.01) << order;

        FilterProcessor lowPass (FilterProcessor::Kind::lowPass);
        lowPass.setParameter ("freq_hz", 2000.0f);
        lowPass.setParameter ("order", (float) order);
        EXPECT_NEAR (gainAtDb (lowPass, 2000.0), -3.01, 0.02) << order;
        EXPECT_NEAR (gainAtDb (lowPass, 4000.0), butterworthDb (4000.0, 2000.0, order, false), 0.02) << order;
        EXPECT_NEAR (gainAtDb (lowPass, 100.0), 0.0, 0.01) << order;
    }
}

TEST (FilterProcessorTest, TheNotchTakesItsFrequencyOutAndLeavesAnOctaveAwayAlone)
{
    FilterProcessor notch (FilterProcessor::Kind::notch);
    notch.setParameter ("freq_hz", 1000.0f);
    notch.setParameter ("q", 10.0f);
    EXPECT_LT (gainAtDb (notch, 1000.0), -50.0);
    const auto expected = BiquadCoefficients::notch (sr, 1000.0, 10.0);
    EXPECT_NEAR (gainAtDb (notch, 2000.0), expected.magnitudeDb (sr, 2000.0), 0.01);
    EXPECT_GT (gainAtDb (notch, 2000.0), -0.1);
    EXPECT_EQ (notch.typeName(), "notch");
}

TEST (DeHumProcessorTest, MainsAndItsHarmonicsGoDialogueStays)
{
    for (float mains : { 50.0f, 60.0f })
    {
        DeHumProcessor deHum;
        deHum.setParameter ("frequency_hz", mains);
        for (int k = 1; k <= 4; ++k)
            EXPECT_LT (gainAtDb (deHum, k * mains), -40.0) << mains << " Hz x " << k;
        EXPECT_GT (gainAtDb (deHum, 5 * mains), -0.5) << "only four harmonics by default";
        for (double voice : { 300.0, 1000.0, 3000.0 })
            EXPECT_NEAR (gainAtDb (deHum, voice), 0.0, 0.05) << voice;
    }
    DeHumProcessor eight;
    eight.setParameter ("harmonics", 8.0f);
    EXPECT_LT (gainAtDb (eight, 400.0), -40.0);
}

TEST (DeEsserProcessorTest, LoudEssesAreCutByUpToTheRangeAndEverythingElsePassesFlat)
{
    // Below the threshold, or below the band: the crossover's bands add up flat.
    DeEsserProcessor quiet;
    quiet.setParameter ("threshold_db", -20.0f);
    EXPECT_NEAR (gainAtDb (quiet, 7000.0, 0.05), 0.0, 0.01); // -26 dBFS: under the threshold
    DeEsserProcessor low;
    low.setParameter ("threshold_db", -40.0f);
    EXPECT_NEAR (gainAtDb (low, 300.0, 0.5), 0.0, 0.05); // loud, but far below 6 kHz

    // A loud ess at 9 kHz: the upper band is brought down to the threshold (at most the range).
    // Linkwitz-Riley bands are in phase, |LP| + |HP| = 1 with |HP| = r / (1 + r), r = (w / w_c)^4,
    // so the output is A (|LP| + g |HP|) with g = threshold / (A |HP|), floored at -range. The
    // envelope's 1 ms attack rides a little under the sine's peaks, so it cuts up to 0.3 dB less.
    const double amplitude = 0.5, threshold = 0.1;
    const double r = std::pow (std::tan (std::numbers::pi * 9000.0 / sr) / std::tan (std::numbers::pi * 6000.0 / sr), 4.0);
    const double high = r / (1.0 + r), lowPart = 1.0 - high;
    auto expectedDb = [&] (double rangeDb) {
        const double g = std::max (std::pow (10.0, -rangeDb / 20.0), threshold / (amplitude * high));
        return dbOf (lowPart + g * high);
    };
    DeEsserProcessor limited;
    limited.setParameter ("threshold_db", -20.0f);
    limited.setParameter ("range_db", 24.0f);
    EXPECT_NEAR (gainAtDb (limited, 9000.0, amplitude), expectedDb (24.0) + 0.15, 0.15);
    DeEsserProcessor ranged;
    ranged.setParameter ("threshold_db", -20.0f);
    ranged.setParameter ("range_db", 6.0f);
    EXPECT_NEAR (gainAtDb (ranged, 9000.0, amplitude), expectedDb (6.0), 0.05); // on the floor: exact
    EXPECT_LT (expectedDb (6.0), -3.0); // it does cut
    EXPECT_NEAR (ranged.maxReductionDb(), 6.0, 0.01);
}

TEST (DownmixTest, LoRoIsBs775AndLtRtPutsTheSurroundsInAntiphase)
{
    const float k = 0.70710678f;
    const auto loRo = stereoDownmixGains (6, DownmixMode::loRo);
    const std::array<float, 8> loLeft { 1, 0, k, 0, k, 0, 0, 0 }, loRight { 0, 1, k, 0, 0, k, 0, 0 };
    EXPECT_EQ (loRo.left, loLeft);
    EXPECT_EQ (loRo.right, loRight);
    const auto ltRt = stereoDownmixGains (6, DownmixMode::ltRt);
    const std::array<float, 8> ltLeft { 1, 0, k, 0, -0.5f, -0.5f, 0, 0 }, rtRight { 0, 1, k, 0, 0.5f, 0.5f, 0, 0 };
    for (size_t c = 0; c < 8; ++c)
    {
        EXPECT_NEAR (ltRt.left[c], ltLeft[c], 1e-7) << c;
        EXPECT_NEAR (ltRt.right[c], rtRight[c], 1e-7) << c;
    }
    const auto sevenOne = stereoDownmixGains (8, DownmixMode::loRo);
    EXPECT_EQ (sevenOne.left[6], k);
    EXPECT_EQ (sevenOne.right[7], k);
    EXPECT_EQ (sevenOne.left[3], 0.0f); // no LFE
}

TEST (DownmixTest, TheProcessorFoldsA51StripOntoLeftAndRightAndSilencesTheRest)
{
    DownmixProcessor downmix;
    downmix.prepare (sr, 64, 6);
    AudioBuffer buffer (6, 64);
    const float in[6] = { 0.1f, 0.2f, 0.3f, 0.4f, 0.05f, -0.05f };
    for (int c = 0; c < 6; ++c)
        std::fill (buffer[c].begin(), buffer[c].end(), in[c]);
    processInBlocks (downmix, buffer, 64);
    const float k = 0.70710678f;
    EXPECT_NEAR (buffer[0][10], 0.1f + k * 0.3f + k * 0.05f, 1e-6);
    EXPECT_NEAR (buffer[1][10], 0.2f + k * 0.3f - k * 0.05f, 1e-6);
    for (int c = 2; c < 6; ++c)
        EXPECT_EQ (buffer[c][10], 0.0f) << c;

    downmix.setParameter ("mode", 1.0f); // Lt/Rt
    for (int c = 0; c < 6; ++c)
        std::fill (buffer[c].begin(), buffer[c].end(), in[c]);
    processInBlocks (downmix, buffer, 64);
    EXPECT_NEAR (buffer[0][10], 0.1f + k * 0.3f - 0.5f * (0.05f - 0.05f), 1e-6);

    DownmixProcessor stereo; // nothing to fold
    stereo.prepare (sr, 64, 2);
    auto pair = filled (2, std::vector<float> (64, 0.25f));
    processInBlocks (stereo, pair, 64);
    EXPECT_EQ (pair[0][5], 0.25f);
}
