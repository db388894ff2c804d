// room_reverb: the RT60 measured on its impulse response (Schroeder backward integration, T30,
// in the 500 Hz and 1 kHz octaves) matches decay_s, the pre-delay is silent, the tail decays at every rate, mix 0 is transparent,
// and silence after signal ends in exact zeros, never NaN or subnormal numbers.
#include "dsp/RoomReverbProcessor.h"
#include "dsp/Biquad.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

namespace
{
struct ReverbSettings
{
    float decay = 1.5f;
    float damping = 6000.0f;
    float preDelayMs = 0.0f;
    float mix = 100.0f;
    float width = 100.0f;
};

std::unique_ptr<RoomReverbProcessor> makeReverb (const ReverbSettings& settings, double sampleRate, int channels)
{
    auto reverb = std::make_unique<RoomReverbProcessor>();
    reverb->setParameter (RoomReverbProcessor::decayS, settings.decay);
    reverb->setParameter (RoomReverbProcessor::dampingHz, settings.damping);
    reverb->setParameter (RoomReverbProcessor::preDelayMs, settings.preDelayMs);
    reverb->setParameter (RoomReverbProcessor::mix, settings.mix);
    reverb->setParameter (RoomReverbProcessor::width, settings.width);
    reverb->prepare (sampleRate, 512, channels);
    return reverb;
}

/** The left output for a unit impulse on both inputs. */
std::vector<float> impulseResponse (const ReverbSettings& settings, double sampleRate, double seconds)
{
    auto reverb = makeReverb (settings, sampleRate, 2);
    AudioBuffer buffer (2, (int) (seconds * sampleRate));
    buffer[0][0] = buffer[1][0] = 1.0f;
    processInBlocks (*reverb, buffer, 512);
    return buffer[0];
}

/** The octave band of an impulse response around `centre`: high-pass at centre / sqrt 2 and
    low-pass at centre x sqrt 2, each two Butterworth sections (fourth order). */
std::vector<float> octaveBand (std::vector<float> ir, double sampleRate, double centre)
{
    Biquad high1, high2, low1, low2;
    for (auto* section : { &high1, &high2, &low1, &low2 })
        section->prepare (1);
    for (auto* section : { &high1, &high2 })
        section->setCoefficients (BiquadCoefficients::highPass (sampleRate, centre / std::sqrt (2.0), 0.70710678));
    for (auto* section : { &low1, &low2 })
        section->setCoefficients (BiquadCoefficients::lowPass (sampleRate, centre * std::sqrt (2.0), 0.70710678));
    for (auto* section : { &high1, &high2, &low1, &low2 })
        section->process (ir.data(), (int) ir.size(), 0);
    return ir;
}

/** Copies a signal into a buffer's channel (its storage, which process() points at, stays). */
void fillChannel (AudioBuffer& buffer, int channel, const std::vector<float>& signal)
{
    std::copy (signal.begin(), signal.end(), buffer[channel].begin());
}

/** RT60 from the energy decay curve (Schroeder: the squared response integrated backwards from
    its end), a least-squares line between -5 dB and `endDb` extrapolated to 60 dB (ISO 3382:
    T30 for endDb = -35, T20 for -25). */
double measuredRt60 (const std::vector<float>& ir, double sampleRate, double endDb = -35.0)
{
    std::vector<double> curve (ir.size());
    double sum = 0.0;
    for (size_t i = ir.size(); i-- > 0;)
        curve[i] = sum += double (ir[i]) * ir[i];
    double n = 0, st = 0, sy = 0, stt = 0, sty = 0;
    for (size_t i = 0; i < curve.size(); ++i)
    {
        const double db = 10.0 * std::log10 (curve[i] / curve[0]);
        if (db > -5.0)
            continue;
        if (db < endDb)
            break;
        const double t = double (i) / sampleRate;
        n += 1;
        st += t;
        sy += db;
        stt += t * t;
        sty += t * db;
    }
    const double slope = (n * sty - st * sy) / (n * stt - st * st); // dB per second
    return -60.0 / slope;
}

/** ISO 3382's mid-frequency reverberation time: the mean of the 500 Hz and 1 kHz octave bands,
    T30 (or T20 with endDb -25). Rooms, and this reverb's decay_s, are specified there. */
double midRt60 (const std::vector<float>& ir, double sampleRate, double endDb = -35.0)
{
    return 0.5
           * (measuredRt60 (octaveBand (ir, sampleRate, 500.0), sampleRate, endDb)
              + measuredRt60 (octaveBand (ir, sampleRate, 1000.0), sampleRate, endDb));
}
} // namespace

TEST (RoomReverbProcessorTest, TheMeasuredRt60MatchesDecayWithinTenPercent)
{
    for (float decay : { 0.5f, 1.5f, 4.0f })
        for (float damping : { 6000.0f, 20000.0f })
        {
            const auto ir = impulseResponse ({ decay, damping }, 48000.0, 1.5 * decay + 0.5);
            EXPECT_NEAR (midRt60 (ir, 48000.0), decay, 0.1 * decay) << "decay_s " << decay << ", damping_hz " << damping;
        }
}

TEST (RoomReverbProcessorTest, TheDecayTimeHalvesAroundTheDampingFrequency)
{
    for (float damping : { 3000.0f, 6000.0f })
    {
        const auto ir = impulseResponse ({ 2.0f, damping }, 48000.0, 3.5);
        const double atDamping = measuredRt60 (octaveBand (ir, 48000.0, damping), 48000.0, -25.0);
        EXPECT_NEAR (atDamping, 1.0, 0.2) << "damping_hz " << damping; // the octave spans faster and slower parts
    }
}

TEST (RoomReverbProcessorTest, NothingComesOutBeforeThePreDelay)
{
    auto reverb = makeReverb ({ 1.5f, 6000.0f, 100.0f }, 48000.0, 2);
    AudioBuffer buffer (2, 48000);
    buffer[0][0] = buffer[1][0] = 1.0f;
    processInBlocks (*reverb, buffer, 256);
    const int preDelay = 4800; // 100 ms
    for (int c = 0; c < 2; ++c)
    {
        for (int i = 0; i < preDelay; ++i)
            ASSERT_EQ (buffer[c][(size_t) i], 0.0f) << "channel " << c << " sample " << i;
        EXPECT_GT (rms (buffer[c].data() + preDelay, 2400), 1e-3) << "the reverb starts within 50 ms of it";
    }
}

TEST (RoomReverbProcessorTest, TheLongestDecayIsStableAtEverySampleRate)
{
    for (double rate : { 44100.0, 48000.0, 96000.0 })
    {
        const auto ir = impulseResponse ({ 10.0f, 20000.0f }, rate, 12.0);
        double previous = HUGE_VAL;
        for (int second = 1; second < 12; ++second)
        {
            const double energy = rms (ir.data() + (size_t) (second * rate), (int) rate);
            ASSERT_TRUE (std::isfinite (energy)) << rate;
            EXPECT_LT (energy, previous) << rate << " Hz, second " << second;
            previous = energy;
        }
        EXPECT_NEAR (midRt60 (ir, rate, -25.0), 10.0, 1.0) << rate << " Hz (T20)";
        const auto shortIr = impulseResponse ({ 0.5f, 6000.0f }, rate, 1.5);
        EXPECT_NEAR (midRt60 (shortIr, rate), 0.5, 0.05) << rate << " Hz";
    }
}

TEST (RoomReverbProcessorTest, MixZeroPassesTheInputBitForBit)
{
    for (int channels : { 1, 2, 6, 8 })
    {
        auto reverb = makeReverb ({ 1.5f, 6000.0f, 10.0f, 0.0f }, 48000.0, channels);
        AudioBuffer buffer (channels, 24000);
        for (int c = 0; c < channels; ++c)
            fillChannel (buffer, c, whiteNoise (24000, 0.5, 77 + (uint64_t) c));
        const auto input = buffer.data;
        processInBlocks (*reverb, buffer, 480);
        EXPECT_EQ (buffer.data, input) << channels << " channels";
    }
}

TEST (RoomReverbProcessorTest, WidthZeroGivesTheSameReverbOnBothSides)
{
    auto reverb = makeReverb ({ 1.0f, 6000.0f, 0.0f, 100.0f, 0.0f }, 48000.0, 2);
    AudioBuffer buffer (2, 24000);
    fillChannel (buffer, 0, whiteNoise (24000, 0.5, 1));
    processInBlocks (*reverb, buffer, 512);
    EXPECT_EQ (buffer[0], buffer[1]);
    EXPECT_GT (rms (buffer[0].data(), 24000), 1e-3);
}

TEST (RoomReverbProcessorTest, FiveOneKeepsCentreAndLfeDryAndIgnoresTheLfeInput)
{
    auto reverb = makeReverb ({}, 48000.0, 6);
    AudioBuffer buffer (6, 48000);
    buffer[0][0] = 1.0f; // an impulse in L
    processInBlocks (*reverb, buffer, 512);
    for (int c : { 0, 1, 4, 5 })
        EXPECT_GT (rms (buffer[c].data(), 48000), 1e-4) << "channel " << c;
    EXPECT_EQ (rms (buffer[2].data(), 48000), 0.0);
    EXPECT_EQ (rms (buffer[3].data(), 48000), 0.0);

    auto lfeOnly = makeReverb ({}, 48000.0, 6);
    AudioBuffer low (6, 24000);
    fillChannel (low, 3, whiteNoise (24000, 0.5));
    processInBlocks (*lfeOnly, low, 512);
    for (int c = 0; c < 6; ++c)
        EXPECT_EQ (rms (low[c].data(), 24000), 0.0) << "channel " << c; // wet only: the LFE feeds nothing
}

TEST (RoomReverbProcessorTest, SilenceAfterSignalEndsInExactZerosWithoutNaNOrSubnormals)
{
    for (float decay : { 0.2f, 10.0f })
    {
        auto reverb = makeReverb ({ decay, 6000.0f, 10.0f, 100.0f }, 48000.0, 2);
        const int signal = 48000, silence = 40 * 48000;
        AudioBuffer buffer (2, signal + silence);
        fillChannel (buffer, 0, whiteNoise (signal + silence, 0.9, 5));
        fillChannel (buffer, 1, whiteNoise (signal + silence, 0.9, 6));
        for (int c = 0; c < 2; ++c)
            std::fill (buffer[c].begin() + signal, buffer[c].end(), 0.0f);
        processInBlocks (*reverb, buffer, 512);
        int bad = 0;
        for (int c = 0; c < 2; ++c)
            for (float v : buffer[c])
                bad += std::fpclassify (v) == FP_NAN || std::fpclassify (v) == FP_INFINITE || std::fpclassify (v) == FP_SUBNORMAL;
        EXPECT_EQ (bad, 0) << "decay_s " << decay;
        if (decay < 1.0f) // -60 dB per 0.2 s: far below the smallest float long before 40 s
        {
            EXPECT_EQ (rms (buffer[0].data() + signal + silence - 48000, 48000), 0.0);
        }
    }
}

TEST (RoomReverbProcessorTest, LineLengthsAreDistinctPrimesThatFollowRoomSize)
{
    RoomReverbProcessor small, large;
    small.setParameter (RoomReverbProcessor::roomSize, 0.0f);
    large.setParameter (RoomReverbProcessor::roomSize, 100.0f);
    for (auto* reverb : { &small, &large })
    {
        reverb->prepare (48000.0, 64, 2);
        AudioBuffer buffer (2, 64);
        processInBlocks (*reverb, buffer, 64); // the design follows the parameters at the next block
    }
    for (int i = 0; i < FeedbackDelayNetwork::lineCount; ++i)
    {
        const int length = large.network().lineLength (i);
        for (int d = 2; d * d <= length; ++d)
            ASSERT_NE (length % d, 0) << length << " is not prime";
        if (i > 0)
        {
            EXPECT_GT (length, large.network().lineLength (i - 1));
        }
        EXPECT_NEAR (double (length) / small.network().lineLength (i), 4.0, 0.05);
    }
}
