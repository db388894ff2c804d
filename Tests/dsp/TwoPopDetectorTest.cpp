// The 2-pop detector on synthetic programmes: the onset to the sample at any rate, phase and
// level, next to other programme; and what is not a pop.

#include "dsp/TwoPopDetector.h"
#include "dsp/TwoPopScanner.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

using namespace sprocket::dsp;

namespace
{
constexpr double pi = std::numbers::pi;

/** `seconds` of silence at `rate`. */
std::vector<float> silence (double rate, double seconds)
{
    return std::vector<float> ((size_t) std::llround (rate * seconds), 0.0f);
}

/** Adds a tone burst starting at `onset` with the given phase there (0 = starts at zero going up,
    as sox and ffmpeg make it), peak amplitude and optional linear fade-in of `rampSamples`. */
void addBurst (std::vector<float>& x, double rate, int64_t onset, int64_t length, double amplitude, double phase = 0.0,
               double frequency = 1000.0, int64_t rampSamples = 0)
{
    for (int64_t k = 0; k < length && onset + k < (int64_t) x.size(); ++k)
    {
        const double gain = k < rampSamples ? (double) k / (double) rampSamples : 1.0;
        x[(size_t) (onset + k)] += (float) (gain * amplitude * std::sin (2.0 * pi * frequency * (double) k / rate + phase));
    }
}

/** Speech-like programme: a 120 Hz voice with harmonics to 4 kHz, syllables at 4 Hz, plus breath
    noise, at roughly `amplitude` peak. */
void addSpeech (std::vector<float>& x, double rate, int64_t from, int64_t to, double amplitude, unsigned seed = 7)
{
    std::mt19937 random (seed);
    std::normal_distribution<double> noise (0.0, 0.05);
    for (int64_t n = from; n < to && n < (int64_t) x.size(); ++n)
    {
        const double t = (double) n / rate;
        const double f0 = 120.0 * (1.0 + 0.1 * std::sin (2.0 * pi * 0.7 * t));
        double voice = 0.0;
        for (int h = 1; h * 120 < 4000; ++h)
            voice += std::sin (2.0 * pi * f0 * h * t) / h;
        const double syllable = std::max (0.0, std::sin (2.0 * pi * 4.0 * t));
        x[(size_t) n] += (float) (amplitude * (0.4 * syllable * voice + noise (random)));
    }
}

void addNoise (std::vector<float>& x, double rms, unsigned seed = 11)
{
    std::mt19937 random (seed);
    std::normal_distribution<double> noise (0.0, rms);
    for (auto& v : x)
        v += (float) noise (random);
}

double dbToGain (double db)
{
    return std::pow (10.0, db / 20.0);
}

std::optional<TwoPop> findIn (const std::vector<float>& mono, double rate, std::optional<int64_t> expected = {})
{
    return findTwoPop ({ std::span<const float> (mono) }, rate, expected);
}
} // namespace

TEST (TwoPopDetectorTest, APhaseZeroPopIsFoundToTheSampleAtEveryRateAndLevel)
{
    for (const double rate : { 44100.0, 48000.0, 96000.0 })
        for (const double level : { 0.0, -20.0, -40.0 })
        {
            auto x = silence (rate, 4.0);
            const auto onset = (int64_t) std::llround (1.7 * rate) + 13;
            const auto length = (int64_t) std::llround (rate / 24.0);
            addBurst (x, rate, onset, length, dbToGain (level));
            const auto pop = findIn (x, rate);
            ASSERT_TRUE (pop) << rate << " Hz, " << level << " dBFS";
            EXPECT_EQ (pop->onset, onset) << rate << " Hz, " << level << " dBFS";
            EXPECT_EQ (pop->channel, 0);
            EXPECT_NEAR (pop->levelDbfs, level, 0.01);
            EXPECT_NEAR (pop->frequencyHz, 1000.0, 0.01);
            EXPECT_NEAR ((double) pop->length, (double) length, 1.0);
        }
}

TEST (TwoPopDetectorTest, ARandomPhaseStartIsFoundToTheSample)
{
    std::mt19937 random (2024);
    std::uniform_real_distribution<double> phase (0.0, 2.0 * pi);
    std::uniform_int_distribution<int64_t> where (20000, 90000);
    for (const double rate : { 44100.0, 48000.0, 96000.0 })
        for (int trial = 0; trial < 12; ++trial)
        {
            auto x = silence (rate, 3.0);
            const int64_t onset = where (random);
            const double start = phase (random);
            addBurst (x, rate, onset, (int64_t) std::llround (rate / 25.0), dbToGain (-20.0), start);
            const auto pop = findIn (x, rate);
            ASSERT_TRUE (pop) << rate << " trial " << trial;
            EXPECT_EQ (pop->onset, onset) << rate << " Hz, phase " << start;
        }
}

TEST (TwoPopDetectorTest, AQuantisedDitheredQuietPopIsStillExact)
{
    // 16-bit with TPDF dither at -40 dBFS: the fit sees through a noise of a third of an LSB.
    const double rate = 48000.0;
    auto x = silence (rate, 3.0);
    const int64_t onset = 96011;
    addBurst (x, rate, onset, 2002, dbToGain (-40.0));
    std::mt19937 random (5);
    std::uniform_real_distribution<double> lsb (-0.5, 0.5);
    for (auto& v : x)
        v = (float) (std::round (v * 32768.0 + lsb (random) + lsb (random)) / 32768.0);
    const auto pop = findIn (x, rate);
    ASSERT_TRUE (pop);
    EXPECT_EQ (pop->onset, onset);
}

TEST (TwoPopDetectorTest, SpeechAndNoiseNearbyDoNotMoveOrHideThePop)
{
    const double rate = 48000.0;
    auto x = silence (rate, 6.0);
    const int64_t onset = 2 * 48000 + 777;
    addBurst (x, rate, onset, 2002, dbToGain (-20.0), 1.3);
    addSpeech (x, rate, 0, onset - 24000, dbToGain (-20.0)); // up to half a second before
    addSpeech (x, rate, onset + 48000, (int64_t) x.size(), dbToGain (-20.0));
    addNoise (x, dbToGain (-80.0)); // a noise floor everywhere, the pop included
    const auto pop = findIn (x, rate);
    ASSERT_TRUE (pop);
    EXPECT_EQ (pop->onset, onset);
}

TEST (TwoPopDetectorTest, NoiseTwentyDecibelsDownRightNextToThePopIsTolerated)
{
    // Noise up to 5 ms before and after the pop, 20 dB below it: the pop is still a pop. (Its
    // onset is then only as exact as the noise allows, so only its position is checked.)
    const double rate = 48000.0;
    auto x = silence (rate, 3.0);
    const int64_t onset = 60000;
    addBurst (x, rate, onset, 2002, dbToGain (-20.0));
    std::vector<float> noise (x.size(), 0.0f);
    addNoise (noise, dbToGain (-20.0 - 20.0 - 3.0)); // sine RMS is 3 dB under its peak
    for (size_t n = 0; n < x.size(); ++n)
        if (n < (size_t) onset - 240 || n > (size_t) onset + 2002 + 240)
            x[n] += noise[n];
    const auto pop = findIn (x, rate);
    ASSERT_TRUE (pop);
    EXPECT_NEAR ((double) pop->onset, (double) onset, 2.0);
}

TEST (TwoPopDetectorTest, ThePopIsFoundInTheChannelWhereItIsLoudest)
{
    const double rate = 48000.0;
    std::vector<std::vector<float>> channels (6, silence (rate, 3.0));
    addBurst (channels[2], rate, 50000, 2002, dbToGain (-20.0));
    addBurst (channels[0], rate, 50000, 2002, dbToGain (-32.0)); // a quieter copy in L
    addSpeech (channels[1], rate, 100000, 144000, dbToGain (-10.0));
    std::vector<std::span<const float>> spans (channels.begin(), channels.end());
    const auto pop = findTwoPop (spans, rate);
    ASSERT_TRUE (pop);
    EXPECT_EQ (pop->channel, 2);
    EXPECT_EQ (pop->onset, 50000);
}

TEST (TwoPopDetectorTest, OfSeveralPopsTheOneNearestTheExpectedPlaceIsTaken)
{
    const double rate = 48000.0;
    auto x = silence (rate, 12.0);
    addBurst (x, rate, 96000, 2002, dbToGain (-20.0));
    addBurst (x, rate, 480123, 2002, dbToGain (-20.0));
    EXPECT_EQ (findIn (x, rate, 470000)->onset, 480123);
    EXPECT_EQ (findIn (x, rate, 100000)->onset, 96000);
    EXPECT_EQ (findIn (x, rate)->onset, 96000); // without an expectation, the first
}

TEST (TwoPopDetectorTest, HalfAFrameToTwoFramesAtAnyRateIsAPopAndALineUpToneIsNot)
{
    const double rate = 48000.0;
    for (const double seconds : { 0.5 / 60.0, 1.0 / 30.0, 2.0 / (24000.0 / 1001.0) })
    {
        auto x = silence (rate, 3.0);
        addBurst (x, rate, 70001, (int64_t) std::llround (seconds * rate), dbToGain (-20.0));
        const auto pop = findIn (x, rate);
        ASSERT_TRUE (pop) << seconds;
        EXPECT_EQ (pop->onset, 70001) << seconds;
    }

    auto tone = silence (rate, 4.0);
    addBurst (tone, rate, 48000, 48000, dbToGain (-20.0)); // 1 s of line-up tone
    EXPECT_FALSE (findIn (tone, rate));
    addBurst (tone, rate, 150000, 2002, dbToGain (-20.0)); // and a real pop after it
    EXPECT_EQ (findIn (tone, rate)->onset, 150000);

    auto quarterSecond = silence (rate, 3.0);
    addBurst (quarterSecond, rate, 48000, 12000, dbToGain (-20.0));
    EXPECT_FALSE (findIn (quarterSecond, rate));
}

TEST (TwoPopDetectorTest, OnlyTheRightFrequencyCounts)
{
    const double rate = 48000.0;
    auto pulled = silence (rate, 3.0);
    addBurst (pulled, rate, 60000, 2002, dbToGain (-20.0), 0.0, 1000.0 * 1.001); // a 0.1 % pull-up
    ASSERT_TRUE (findIn (pulled, rate));
    EXPECT_EQ (findIn (pulled, rate)->onset, 60000);

    for (const double wrong : { 440.0, 988.0, 1100.0, 2000.0 })
    {
        auto x = silence (rate, 3.0);
        addBurst (x, rate, 60000, 2002, dbToGain (-20.0), 0.0, wrong);
        EXPECT_FALSE (findIn (x, rate)) << wrong;
    }
}

TEST (TwoPopDetectorTest, NothingIsFoundWhereThereIsNoPop)
{
    const double rate = 48000.0;
    EXPECT_FALSE (findIn (silence (rate, 3.0), rate));
    auto noise = silence (rate, 3.0);
    addNoise (noise, 0.05);
    EXPECT_FALSE (findIn (noise, rate));
    auto speech = silence (rate, 5.0);
    addSpeech (speech, rate, 0, (int64_t) speech.size(), 0.3);
    EXPECT_FALSE (findIn (speech, rate));
    auto tooQuiet = silence (rate, 3.0);
    addBurst (tooQuiet, rate, 60000, 2002, dbToGain (-70.0));
    EXPECT_FALSE (findIn (tooQuiet, rate));
}

TEST (TwoPopDetectorTest, AFadeInStartsThePopWhereTheRampStarts)
{
    const double rate = 48000.0;
    for (const int64_t ramp : { 24, 48, 240 })
    {
        auto x = silence (rate, 3.0);
        addBurst (x, rate, 72005, 2002, dbToGain (-20.0), 0.0, 1000.0, ramp);
        const auto pop = findIn (x, rate);
        ASSERT_TRUE (pop) << ramp;
        EXPECT_EQ (pop->onset, 72005) << ramp;
    }
}

TEST (TwoPopDetectorTest, APopAtTheVeryStartOrEndOfTheProgrammeIsFound)
{
    const double rate = 48000.0;
    auto x = silence (rate, 1.0);
    addBurst (x, rate, 0, 2002, dbToGain (-20.0));
    EXPECT_EQ (findIn (x, rate)->onset, 0);
    auto y = silence (rate, 1.0);
    addBurst (y, rate, 48000 - 2002, 2002, dbToGain (-20.0));
    EXPECT_EQ (findIn (y, rate)->onset, 48000 - 2002);
}

TEST (TwoPopDetectorTest, TheScannerGivesTheSameCandidatesInAnyBlockSize)
{
    const double rate = 44100.0;
    auto x = silence (rate, 5.0);
    addBurst (x, rate, 88200 + 5, 1764, dbToGain (-20.0), 0.4);
    addBurst (x, rate, 176400 + 99, 1764, dbToGain (-30.0));
    auto scan = [&] (int64_t block) {
        TwoPopScanner scanner;
        scanner.prepare (rate, 1);
        for (int64_t start = 0; start < (int64_t) x.size(); start += block)
        {
            const float* p = x.data() + start;
            scanner.process (&p, std::min<int64_t> (block, (int64_t) x.size() - start));
        }
        return scanner.finish();
    };
    const auto whole = scan ((int64_t) x.size());
    ASSERT_EQ (whole.size(), 2u);
    EXPECT_NEAR ((double) whole[0].start, 88205.0, 0.003 * rate);
    EXPECT_NEAR (whole[1].levelDbfs, -30.0, 0.5);
    for (const int64_t block : { 1, 7, 64, 4096 })
    {
        const auto blocks = scan (block);
        ASSERT_EQ (blocks.size(), whole.size()) << block;
        for (size_t k = 0; k < whole.size(); ++k)
        {
            EXPECT_EQ (blocks[k].start, whole[k].start) << block;
            EXPECT_EQ (blocks[k].end, whole[k].end) << block;
        }
    }
}
