#include "dsp/DelayProcessor.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

static int impulsePosition (double sampleRate, float delayMs, int blockSize)
{
    DelayProcessor delay;
    delay.setParameter ("delay_ms", delayMs);
    delay.prepare (sampleRate, blockSize, 1);
    AudioBuffer buffer (1, (int) sampleRate);
    buffer[0][10] = 1.0f;
    processInBlocks (delay, buffer, blockSize);
    int found = -1, count = 0;
    for (int i = 0; i < buffer.numFrames(); ++i)
        if (buffer[0][(size_t) i] != 0.0f)
        {
            EXPECT_EQ (buffer[0][(size_t) i], 1.0f);
            found = i;
            ++count;
        }
    EXPECT_EQ (count, 1);
    return found - 10;
}

TEST (DelayProcessorTest, ShiftsAnImpulseByTheRoundedSampleCount)
{
    EXPECT_EQ (impulsePosition (48000.0, 10.0f, 64), 480);   // 10 ms * 48 kHz
    EXPECT_EQ (impulsePosition (44100.0, 1.0f, 512), 44);    // 44.1 rounds to 44
    EXPECT_EQ (impulsePosition (96000.0, 2.5f, 1), 240);
    EXPECT_EQ (impulsePosition (48000.0, 0.0f, 64), 0);
    EXPECT_EQ (impulsePosition (44100.0, 0.02f, 64), 1);     // 0.882 rounds to 1
}

TEST (DelayProcessorTest, ReportsNoLatencyBecauseItIsAnEffect)
{
    DelayProcessor delay;
    delay.setParameter ("delay_ms", 100.0f);
    delay.prepare (48000.0, 64, 2);
    EXPECT_EQ (delay.latencySamples(), 0);
    EXPECT_EQ (delay.delaySamples(), 4800);
}

TEST (DelayProcessorTest, ChangingTheDelayCrossfadesInsteadOfJumping)
{
    const double sr = 48000.0, freq = 1000.0, amplitude = 0.5;
    DelayProcessor delay;
    delay.prepare (sr, 64, 1);
    auto buffer = filled (1, sine (freq, sr, 9600, amplitude));

    AudioBuffer first (1, 4800), second (1, 4800);
    std::copy (buffer[0].begin(), buffer[0].begin() + 4800, first[0].begin());
    std::copy (buffer[0].begin() + 4800, buffer[0].end(), second[0].begin());
    processInBlocks (delay, first, 64);

    // 0 -> 0.5 ms is half a 1 kHz cycle: the old and new taps are in opposite polarity, the
    // worst case. A jump would step by up to 2 * amplitude; the 20 ms (960-sample) crossfade
    // adds at most 2 * amplitude / 960 to the sine's own largest step.
    delay.setParameter ("delay_ms", 0.5f);
    processInBlocks (delay, second, 64);
    const double sineStep = 2.0 * std::numbers::pi * freq / sr * amplitude;
    EXPECT_LE (maxAbsStep (second[0]), sineStep + 2.0 * amplitude / 960.0 + 1e-6);
    EXPECT_LT (std::abs (second[0][480]), 0.01); // mid-fade the opposite taps cancel

    // After the crossfade the output is the input 24 samples late.
    for (int i = 2000; i < 2100; ++i)
        EXPECT_EQ (second[0][(size_t) i], buffer[0][(size_t) (4800 + i - 24)]);
}
