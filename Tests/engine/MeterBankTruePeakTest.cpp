#include "TestSessions.h"

#include "core/Decibels.h"
#include "dsp/LoudnessAnalyser.h"
#include "dsp/TruePeakMeter.h"
#include "engine/MeterBank.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <numbers>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
/** A sine at a quarter of the rate, 45 degrees in: sin(pi/2 n + pi/4) visits +-0.7071 only, so
    every sample is 3.01 dB below the crest, and the crests fall exactly halfway between samples,
    on the 4x filter's half-sample phase. */
std::vector<float> quarterRateSine (int frames, double amplitude)
{
    std::vector<float> x (static_cast<size_t> (frames));
    for (int n = 0; n < frames; ++n)
        x[size_t (n)] = float (amplitude * std::sin (std::numbers::pi / 2.0 * n + std::numbers::pi / 4.0));
    return x;
}

/** |H(e^{jw})| of one in-between phase of the meter's filter (TruePeakMeter::prototype), in
    double precision. */
double phaseGainAt (double w, int phase, int taps)
{
    const auto h = dsp::TruePeakMeter::prototype (taps);
    std::complex<double> sum;
    for (int t = 0; t < taps; ++t)
        sum += h[size_t (phase + dsp::TruePeakMeter::oversampling * t)] * std::polar (1.0, -w * t);
    return std::abs (sum);
}

/** What a strip's meter reads for `x` fed in `block`-sample blocks at `rate`. With `settle`,
    the reading taken after the first `settle` samples is thrown away and the rest is read: a
    signal that starts from silence is a step, and the interpolated step overshoots (Gibbs), so
    a steady-state reading must skip the onset. */
engine::MeterReading meterTrack (const std::vector<float>& x, int block, double rate = 48000.0, float gain = 1.0f,
                                 size_t settle = 0)
{
    engine::MeterBank bank (1, 0);
    for (size_t at = 0; at < x.size(); at += size_t (block))
    {
        if (at == settle && settle > 0)
            bank.readTrack (0);
        const float* channels[] = { x.data() + at };
        bank.measureTrack (0, channels, 1, int (std::min (x.size() - at, size_t (block))), gain, rate);
    }
    return bank.readTrack (0);
}

/** The same steady-state reading from dsp::TruePeakMeter, the loudness analyser's meter. */
float truePeakMeterSettled (const std::vector<float>& x, int block, double rate, size_t settle)
{
    dsp::TruePeakMeter meter;
    meter.prepare (rate, 1);
    for (size_t at = 0; at < x.size(); at += size_t (block))
    {
        if (at == settle)
            meter.clearPeaks();
        meter.process (0, x.data() + at, int (std::min (x.size() - at, size_t (block))));
    }
    return meter.truePeak (0);
}

double loudnessAnalyserTruePeak (const std::vector<float>& x, double rate = 48000.0)
{
    dsp::LoudnessAnalyser analyser;
    analyser.prepare (rate, 1, 480);
    for (size_t at = 0; at < x.size(); at += 480)
    {
        const float* channels[] = { x.data() + at };
        analyser.process (channels, int (std::min (x.size() - at, size_t (480))));
    }
    return analyser.truePeakDbtp();
}
} // namespace

TEST (MeterBankTruePeakTest, QuarterRateSineAt45DegreesReadsItsCrestNotItsSamples)
{
    const auto x = quarterRateSine (48000, 1.0);
    const auto reading = meterTrack (x, 480, 48000.0, 1.0f, 480);
    ASSERT_EQ (reading.channels, 1);
    EXPECT_NEAR (core::dbFromGain (reading.peak[0]), -3.0103, 0.001); // 20 log10 (1 / sqrt 2)

    // The crest lies on the half-sample phase (phase 2), which reads it scaled by that phase's
    // gain at a quarter of the rate; phases 1 and 3 read sin (3 pi / 8) of it, less.
    const double expected = phaseGainAt (std::numbers::pi / 2.0, 2, 12);
    ASSERT_GT (expected, std::sin (3.0 * std::numbers::pi / 8.0) * phaseGainAt (std::numbers::pi / 2.0, 1, 12));
    EXPECT_NEAR (reading.truePeak[0], expected, 1e-5);
    // The published tolerance for true peak (EBU Tech 3341: +0.2 / -0.4 dB): it reads ~0 dBTP.
    const double dbtp = core::dbFromGain (reading.truePeak[0]);
    EXPECT_GT (dbtp, -0.4);
    EXPECT_LT (dbtp, 0.2);
    // Bit for bit what the loudness analyser's meter reads of the same signal; and from the start
    // (the onset, a step into the tone, overshoots: 1.012, +0.10 dBTP), what the analyser reads.
    EXPECT_EQ (reading.truePeak[0], truePeakMeterSettled (x, 480, 48000.0, 480));
    const auto fromTheStart = meterTrack (x, 480);
    EXPECT_GT (fromTheStart.truePeak[0], reading.truePeak[0]);
    EXPECT_EQ (core::dbFromGain (fromTheStart.truePeak[0]), loudnessAnalyserTruePeak (x));
}

TEST (MeterBankTruePeakTest, DcAndLowFrequenciesReadTheirSamplePeak)
{
    // Past the onset (a step from silence, which rings: +1 dB over 0.5 here).
    const std::vector<float> dc (48000, 0.5f);
    EXPECT_GT (core::dbFromGain (meterTrack (dc, 480).truePeak[0]), core::dbFromGain (0.5) + 0.5);
    const auto flat = meterTrack (dc, 480, 48000.0, 1.0f, 480);
    EXPECT_NEAR (core::dbFromGain (flat.truePeak[0]), core::dbFromGain (flat.peak[0]), 0.01);

    // 50 Hz: 960 samples a period; between samples it barely moves.
    const auto hum = sine (50.0, 0.5, 48000);
    const auto low = meterTrack (hum, 480, 48000.0, 1.0f, 480);
    EXPECT_NEAR (core::dbFromGain (low.peak[0]), core::dbFromGain (0.5), 0.001);
    EXPECT_NEAR (core::dbFromGain (low.truePeak[0]), core::dbFromGain (low.peak[0]), 0.01);
    EXPECT_GE (low.truePeak[0], low.peak[0]); // never below the sample peak
}

TEST (MeterBankTruePeakTest, PeaksAreTakenByTheReadAndTheFilterRunsOnAcrossBlocks)
{
    engine::MeterBank bank (2, 1);
    const auto x = quarterRateSine (4800, 0.5);
    const float* channels[] = { x.data(), x.data() };
    bank.measureBus (0, channels, 2, 480, 48000.0); // the onset
    bank.readBus (0);
    const float* rest[] = { x.data() + 480, x.data() + 480 };
    bank.measureBus (0, rest, 2, 4800 - 480, 48000.0);
    const auto first = bank.readBus (0);
    EXPECT_NEAR (first.truePeak[1], 0.5 * phaseGainAt (std::numbers::pi / 2.0, 2, 12), 1e-5);
    // Taken: the next read without audio in between is empty; the RMS stays.
    const auto second = bank.readBus (0);
    EXPECT_EQ (second.truePeak[0], 0.0f);
    EXPECT_EQ (second.truePeak[1], 0.0f);
    EXPECT_GT (second.rms[0], 0.0f);
    // A silent block after the tone: only the filter's ring-out from the history.
    bank.measureBus (0, nullptr, 2, 480, 48000.0);
    const auto ringOut = bank.readBus (0);
    // Cutting the tone off is a step too: the filter rings out of its history past the steady
    // crest (as at the onset), with no sample at all.
    EXPECT_GT (ringOut.truePeak[0], first.truePeak[0]);
    EXPECT_EQ (ringOut.peak[0], 0.0f);
    bank.measureBus (0, nullptr, 2, 480, 48000.0);
    EXPECT_EQ (bank.readBus (0).truePeak[0], 0.0f); // rung out

    // Any block sizes read what one call reads: the interpolation continues across block
    // boundaries. Exactly from 16 frames up (every output takes the same SIMD path); to float
    // rounding below (the scalar path).
    const auto noisy = noise (9600, 7);
    const auto whole = meterTrack (noisy, 9600);
    for (int block : { 16, 17, 64, 100, 257, 270, 480 })
        EXPECT_EQ (meterTrack (noisy, block).truePeak[0], whole.truePeak[0]) << block;
    for (int block : { 1, 5, 11, 12, 13 })
        EXPECT_FLOAT_EQ (meterTrack (noisy, block).truePeak[0], whole.truePeak[0]) << block;
    EXPECT_EQ (core::dbFromGain (whole.truePeak[0]), loudnessAnalyserTruePeak (noisy));
}

TEST (MeterBankTruePeakTest, PostFaderAndAtEveryRate)
{
    const auto x = quarterRateSine (9600, 1.0);
    const auto unity = meterTrack (x, 480);
    const auto faded = meterTrack (x, 480, 48000.0, 0.5f);
    EXPECT_GT (unity.truePeak[0], 1.0f); // the onset
    EXPECT_NEAR (faded.truePeak[0], 0.5f * unity.truePeak[0], 1e-6);
    EXPECT_EQ (meterTrack (x, 480, 48000.0, 0.0f).truePeak[0], 0.0f); // a muted track

    // 96 and 192 kHz use longer filters (24 and 48 taps a phase), as the loudness analyser does;
    // a bank that changes rate between blocks starts the new filter from silence.
    for (double rate : { 44100.0, 96000.0, 192000.0 })
    {
        EXPECT_EQ (core::dbFromGain (meterTrack (x, 480, rate).truePeak[0]), loudnessAnalyserTruePeak (x, rate)) << rate;
        const auto settled = meterTrack (x, 480, rate, 1.0f, 960);
        const int taps = dsp::TruePeakMeter::tapsPerPhaseFor (rate);
        EXPECT_NEAR (settled.truePeak[0], phaseGainAt (std::numbers::pi / 2.0, 2, taps), 1e-5) << rate;
        EXPECT_EQ (settled.truePeak[0], truePeakMeterSettled (x, 480, rate, 960)) << rate;
    }
    engine::MeterBank bank (1, 0);
    const float* channels[] = { x.data() };
    bank.measureTrack (0, channels, 1, 9600, 1.0f, 48000.0);
    bank.readTrack (0);
    bank.measureTrack (0, channels, 1, 9600, 1.0f, 96000.0);
    EXPECT_EQ (core::dbFromGain (bank.readTrack (0).truePeak[0]), loudnessAnalyserTruePeak (x, 96000.0));
}
