#include "dsp/TruePeakMeter.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <numbers>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

namespace
{
float truePeakOf (const std::vector<float>& x, double rate, int blockSize)
{
    TruePeakMeter meter;
    meter.prepare (rate, 1);
    for (size_t start = 0; start < x.size(); start += (size_t) blockSize)
        meter.process (0, x.data() + start, (int) std::min<size_t> ((size_t) blockSize, x.size() - start));
    return meter.truePeak (0);
}

double phaseResponseDb (const std::vector<double>& h, int phase, double cyclesPerSample)
{
    std::complex<double> sum;
    for (int t = 0; phase + TruePeakMeter::oversampling * t < (int) h.size(); ++t)
        sum += h[(size_t) (phase + TruePeakMeter::oversampling * t)] * std::polar (1.0, -2.0 * std::numbers::pi * cyclesPerSample * t);
    return 20.0 * std::log10 (std::abs (sum));
}
} // namespace

TEST (TruePeakMeterTest, PhaseZeroIsTheInputItself)
{
    for (int taps : { 12, 24, 48 })
    {
        const auto h = TruePeakMeter::prototype (taps);
        ASSERT_EQ ((int) h.size(), taps * 4 + 1);
        for (int t = 0; 4 * t < (int) h.size(); ++t)
            EXPECT_NEAR (h[(size_t) (4 * t)], 4 * t == taps * 2 ? 1.0 : 0.0, 1e-15) << taps << " taps, tap " << t;
    }
}

TEST (TruePeakMeterTest, InBetweenPhasesAreFlatWellIntoTheTopOctave)
{
    for (int taps : { 12, 24 })
    {
        const auto h = TruePeakMeter::prototype (taps);
        for (int phase = 1; phase < 4; ++phase)
            for (double f = 0.0; f <= 0.35; f += 0.005)
                EXPECT_NEAR (phaseResponseDb (h, phase, f), 0.0, 0.11) << taps << " taps, phase " << phase << ", " << f << " fs";
    }
}

TEST (TruePeakMeterTest, AFullScaleSampleReadsZeroDbtp)
{
    std::vector<float> x (1000, 0.0f);
    x[500] = 1.0f;
    EXPECT_EQ (truePeakOf (x, 48000.0, 64), 1.0f);
}

TEST (TruePeakMeterTest, ASineBetweenSamplesReadsItsPeak)
{
    // fs/4 with the samples 45 degrees off the peaks: samples at -3 dB, true peak 0 dB. Faded in
    // and out over 400 samples, so that no edge adds an overshoot of its own.
    for (double rate : { 44100.0, 48000.0, 96000.0, 192000.0 })
    {
        std::vector<float> x (4000);
        for (size_t i = 0; i < x.size(); ++i)
        {
            const double edge = (double) std::min (i, x.size() - 1 - i);
            const double fade = edge >= 400.0 ? 1.0 : 0.5 - 0.5 * std::cos (std::numbers::pi * edge / 400.0);
            x[i] = (float) (fade * std::sin (std::numbers::pi / 2.0 * (double) i + std::numbers::pi / 4.0));
        }
        EXPECT_NEAR (20.0 * std::log10 (truePeakOf (x, rate, 100)), 0.0, 0.05) << rate;
    }
}

TEST (TruePeakMeterTest, BlockSizeDoesNotMatter)
{
    const auto x = whiteNoise (20000, 0.5, 7);
    const float reference = truePeakOf (x, 48000.0, 20000);
    // Equal to float rounding: the vector loop and the scalar tail may round differently.
    for (int block : { 1, 3, 15, 16, 17, 511, 512, 513, 4096 })
        EXPECT_NEAR (truePeakOf (x, 48000.0, block), reference, 1e-6f) << block;
}

TEST (TruePeakMeterTest, ChannelsAreIndependentAndResetClears)
{
    TruePeakMeter meter;
    meter.prepare (48000.0, 2);
    const auto loud = sine (997.0, 48000.0, 4800, 0.9);
    const auto quiet = sine (997.0, 48000.0, 4800, 0.1);
    meter.process (0, loud.data(), 4800);
    meter.process (1, quiet.data(), 4800);
    EXPECT_NEAR (meter.truePeak (0), 0.9, 0.001);
    EXPECT_NEAR (meter.truePeak (1), 0.1, 0.001);
    EXPECT_GE (meter.truePeak (0), meter.samplePeak (0));
    meter.reset();
    EXPECT_EQ (meter.truePeak (0), 0.0f);
    EXPECT_EQ (meter.samplePeak (1), 0.0f);
}
