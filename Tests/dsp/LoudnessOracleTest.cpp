// Sprocket's loudness analyser against libebur128, used here as a test oracle only (it is linked
// into this test executable and nowhere else), on realistic material: noise bursts with pauses,
// dialogue-like and music-like signals, stereo, 5.1 and 7.1, at 44.1, 48 and 96 kHz.
//
// Two kinds of check:
// - what a user sees: integrated loudness, true peak and the maximum short-term loudness within
//   0.1 LU / 0.1 dB of libebur128's, sample peak identical. Three figures differ by definition
//   and get their own bounds:
//   - loudness range: Tech 3342 takes short-term values at 10 Hz or more (so do we and ffmpeg),
//     libebur128 at 1 Hz. On 30 s that leaves libebur128 28 values and the two differ by up to
//     1.3 LU; over 5 minutes they agree within 0.1 LU (LongProgrammesAgreeOnLoudnessRange);
//   - maximum momentary loudness: we read it every 5 ms, which EBU Tech 3341 case 13 needs;
//     libebur128 read every 100 ms sees less of a short burst, up to 0.5 dB less on speech;
//   - true peak at 96 kHz: we oversample 4x, libebur128 2x; on content above 24 kHz (full-band
//     noise) we read up to 0.3 dB higher, on the rest the same;
// - that the arithmetic is the same: with libebur128's momentary reading taken at exactly our
//   5 ms ticks and its short-term reading at our 100 ms steps, and our short-term readings fed to
//   a loudness range at libebur128's 1 s spacing, the results agree to a few thousandths (after
//   the known calibration difference away from 48 kHz, see KWeighting.h).
// Each case prints one line with the differences; docs/LOUDNESS.md quotes them.

#include "dsp/LoudnessAnalyser.h"
#include "dsp/LoudnessMath.h"
#include "dsp/LoudnessRange.h"

#include "LoudnessTestSignals.h"

#include <ebur128.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

namespace
{
struct OracleResult
{
    double integrated, range, truePeak, samplePeak;
    double maxMomentaryAtTicks;                      // read every 5 ms tick, as Sprocket does
    double maxMomentaryAt100ms, maxShortTermAt100ms; // read every 100 ms
};

double db (double gain) { return 20.0 * std::log10 (gain); }

OracleResult runLibebur128 (const Programme& p)
{
    const int channels = p.numChannels();
    const auto rate = (unsigned long) p.sampleRate;
    std::unique_ptr<ebur128_state, void (*) (ebur128_state*)> st (
        ebur128_init ((unsigned) channels, rate, EBUR128_MODE_I | EBUR128_MODE_LRA | EBUR128_MODE_TRUE_PEAK),
        [] (ebur128_state* s) { ebur128_destroy (&s); });
    if (channels == 8)
    {
        // libebur128 ignores channels 7 and 8 unless told where they are: rear surrounds, weight 1.
        ebur128_set_channel (st.get(), 6, EBUR128_Mp135);
        ebur128_set_channel (st.get(), 7, EBUR128_Mm135);
    }

    std::vector<float> interleaved ((size_t) (p.numFrames() * channels));
    for (int64_t i = 0; i < p.numFrames(); ++i)
        for (int c = 0; c < channels; ++c)
            interleaved[(size_t) (i * channels + c)] = p.channels[(size_t) c][(size_t) i];

    // Feed it tick by tick (the analyser's tick boundaries) and read the momentary meter after
    // each, the short-term one after each 100 ms (it sums 3 s of samples per reading).
    const int step = samplesPer100ms (p.sampleRate);
    OracleResult r {};
    r.maxMomentaryAtTicks = r.maxMomentaryAt100ms = r.maxShortTermAt100ms = -HUGE_VAL;
    int64_t position = 0;
    for (int64_t stepStart = 0; stepStart + step <= p.numFrames(); stepStart += step)
        for (int k = 1; k <= 20; ++k)
        {
            const int64_t end = stepStart + std::lround ((double) k * step / 20.0);
            ebur128_add_frames_float (st.get(), interleaved.data() + position * channels, (size_t) (end - position));
            position = end;
            double m;
            ebur128_loudness_momentary (st.get(), &m);
            r.maxMomentaryAtTicks = std::max (r.maxMomentaryAtTicks, m);
            if (k == 20)
            {
                double s;
                ebur128_loudness_shortterm (st.get(), &s);
                r.maxMomentaryAt100ms = std::max (r.maxMomentaryAt100ms, m);
                r.maxShortTermAt100ms = std::max (r.maxShortTermAt100ms, s);
            }
        }
    ebur128_add_frames_float (st.get(), interleaved.data() + position * channels, (size_t) (p.numFrames() - position));

    ebur128_loudness_global (st.get(), &r.integrated);
    ebur128_loudness_range (st.get(), &r.range);
    double tp = 0.0, sp = 0.0;
    for (int c = 0; c < channels; ++c)
    {
        double v;
        ebur128_true_peak (st.get(), (unsigned) c, &v);
        tp = std::max (tp, v);
        ebur128_sample_peak (st.get(), (unsigned) c, &v);
        sp = std::max (sp, v);
    }
    r.truePeak = db (tp);
    r.samplePeak = db (sp);
    return r;
}

/** Our loudness range recomputed from the history with libebur128's spacing: one short-term
    value per second from 3 s on. */
double rangeAtOneHertz (const LoudnessAnalyser& analyser)
{
    LoudnessRange range;
    range.prepare();
    const auto& history = analyser.history();
    for (int step = 29; step < history.size(); step += 10)
        range.addShortTerm (energyFromLufs (history[step].shortTermLufs));
    return range.loudnessRangeLu();
}

/** Our highest short-term reading at the 100 ms steps (the history holds them as floats). */
double maxShortTermAtSteps (const LoudnessAnalyser& analyser)
{
    double highest = -HUGE_VAL;
    for (int step = 0; step < analyser.history().size(); ++step)
        highest = std::max (highest, (double) analyser.history()[step].shortTermLufs);
    return highest;
}

void compare (const std::string& name, const Programme& p)
{
    LoudnessAnalyser analyser;
    const int block = 4096;
    analyser.prepare (p.sampleRate, p.numChannels(), block, (double) p.numFrames() / p.sampleRate + 1.0);
    analyse (analyser, p, block);
    const auto ours = analyser.summary();
    const auto lib = runLibebur128 (p);

    // What differs by design away from 48 kHz: our high-pass keeps the 48 kHz passband gain.
    const double calibration = 20.0 * std::log10 (KWeightingCoefficients::forSampleRate (p.sampleRate).highPass.b0);
    const double lra1Hz = rangeAtOneHertz (analyser);

    std::printf ("[oracle] %-20s %6.0f Hz: I %7.2f %+.4f | TP %6.2f %+.4f | SP %+.4f | maxS %+.4f | "
                 "LRA %5.2f %+.3f (at 1 Hz %+.4f) | maxM %+.3f (at 5 ms %+.4f)\n",
                 name.c_str(), p.sampleRate, ours.integratedLufs, ours.integratedLufs - lib.integrated,
                 ours.truePeakDbtp, ours.truePeakDbtp - lib.truePeak, ours.samplePeakDbfs - lib.samplePeak,
                 ours.maxShortTermLufs - lib.maxShortTermAt100ms, ours.loudnessRangeLu, ours.loudnessRangeLu - lib.range,
                 lra1Hz - lib.range, ours.maxMomentaryLufs - lib.maxMomentaryAt100ms,
                 ours.maxMomentaryLufs - lib.maxMomentaryAtTicks);

    SCOPED_TRACE (name + " at " + std::to_string ((int) p.sampleRate) + " Hz");
    // As a user sees it.
    EXPECT_NEAR (ours.integratedLufs, lib.integrated, 0.1);
    EXPECT_NEAR (ours.samplePeakDbfs, lib.samplePeak, 1e-6);
    EXPECT_NEAR (ours.maxShortTermLufs, lib.maxShortTermAt100ms, 0.1);
    EXPECT_NEAR (ours.loudnessRangeLu, lib.range, 1.5);
    EXPECT_GE (ours.maxMomentaryLufs - calibration, lib.maxMomentaryAt100ms - 0.005); // we see every window it sees
    EXPECT_LE (ours.maxMomentaryLufs, lib.maxMomentaryAt100ms + 0.5);
    if (p.sampleRate < 96000.0)
        EXPECT_NEAR (ours.truePeakDbtp, lib.truePeak, 0.1);
    else
        EXPECT_LE (ours.truePeakDbtp, lib.truePeak + 0.3);

    // The same arithmetic.
    EXPECT_NEAR (ours.integratedLufs - calibration, lib.integrated, 0.005);
    EXPECT_NEAR (ours.maxMomentaryLufs - calibration, lib.maxMomentaryAtTicks, 0.005);
    EXPECT_NEAR (maxShortTermAtSteps (analyser) - calibration, lib.maxShortTermAt100ms, 0.005);
    EXPECT_NEAR (lra1Hz, lib.range, 0.02);
    if (p.sampleRate < 96000.0)
        EXPECT_NEAR (ours.truePeakDbtp, lib.truePeak, 0.005);
    else
        EXPECT_GE (ours.truePeakDbtp, lib.truePeak - 0.005); // our 4x includes libebur128's 2x points
}

class LoudnessOracle : public ::testing::TestWithParam<double>
{
protected:
    double rate() const { return GetParam(); }
    static constexpr double seconds = 30.0;
};
} // namespace

TEST_P (LoudnessOracle, NoiseBurstsWithPausesStereo)
{
    Programme p (2, rate());
    p.channels[0] = noiseBursts (rate(), seconds, 1);
    p.channels[1] = noiseBursts (rate(), seconds, 2);
    compare ("noise bursts, stereo", p);
}

TEST_P (LoudnessOracle, DialogueLikeMono)
{
    Programme p (1, rate());
    p.channels[0] = dialogueLike (rate(), seconds, 3);
    compare ("dialogue-like, mono", p);
}

TEST_P (LoudnessOracle, MusicLikeStereo)
{
    Programme p (2, rate());
    p.channels = musicLike (rate(), seconds, 4);
    compare ("music-like, stereo", p);
}

namespace
{
/** A film-like surround mix: dialogue in the centre, music in L/R, ambience in the surrounds
    (and rears for 7.1), a low rumble in the LFE. */
Programme surroundMix (int channels, double rate, double seconds)
{
    Programme p (channels, rate);
    const auto music = musicLike (rate, seconds, 5);
    p.channels[0] = music[0];
    p.channels[1] = music[1];
    p.channels[2] = dialogueLike (rate, seconds, 6);
    p.channels[3].resize (music[0].size());
    for (size_t i = 0; i < p.channels[3].size(); ++i)
        p.channels[3][i] = (float) (0.3 * std::sin (2.0 * std::numbers::pi * 45.0 * (double) i / rate)
                                    * (0.5 + 0.5 * std::sin ((double) i / rate * 0.7)));
    for (int c = 4; c < channels; ++c)
    {
        p.channels[(size_t) c] = noiseBursts (rate, seconds, 10 + (uint64_t) c);
        for (auto& v : p.channels[(size_t) c])
            v *= 0.3f;
    }
    return p;
}
} // namespace

TEST_P (LoudnessOracle, FilmMixFivePointOne) { compare ("film mix, 5.1", surroundMix (6, rate(), seconds)); }

TEST_P (LoudnessOracle, FilmMixSevenPointOne)
{
    // 96 kHz surround is covered by 5.1; libebur128's true peak on eight channels at 96 kHz is
    // the slowest part of this file.
    if (rate() > 48000.0)
        GTEST_SKIP() << "covered by FilmMixFivePointOne";
    compare ("film mix, 7.1", surroundMix (8, rate(), seconds));
}

TEST (LoudnessOracleLong, LongProgrammesAgreeOnLoudnessRange)
{
    // Five minutes give libebur128's 1 Hz short-term sampling enough values that its loudness
    // range settles to the 10 Hz one (see the file comment).
    const double rate = 48000.0, seconds = 300.0;
    Programme bursts (2, rate), dialogue (1, rate), music (2, rate);
    bursts.channels[0] = noiseBursts (rate, seconds, 1);
    bursts.channels[1] = noiseBursts (rate, seconds, 2);
    dialogue.channels[0] = dialogueLike (rate, seconds, 3);
    music.channels = musicLike (rate, seconds, 4);
    for (const auto* p : { &bursts, &dialogue, &music })
    {
        std::vector<float> interleaved ((size_t) (p->numFrames() * p->numChannels()));
        for (int64_t i = 0; i < p->numFrames(); ++i)
            for (int c = 0; c < p->numChannels(); ++c)
                interleaved[(size_t) (i * p->numChannels() + c)] = p->channels[(size_t) c][(size_t) i];
        auto* st = ebur128_init ((unsigned) p->numChannels(), (unsigned long) rate, EBUR128_MODE_LRA);
        ebur128_add_frames_float (st, interleaved.data(), (size_t) p->numFrames());
        double libRange = 0.0;
        ebur128_loudness_range (st, &libRange);
        ebur128_destroy (&st);

        const double ours = measure (*p, 4096).loudnessRangeLu;
        std::printf ("[oracle] 5 min, %d channel(s): LRA %.3f, libebur128 %.3f (%+.3f)\n", p->numChannels(), ours,
                     libRange, ours - libRange);
        EXPECT_NEAR (ours, libRange, 0.1);
    }
}

INSTANTIATE_TEST_SUITE_P (Rates, LoudnessOracle, ::testing::Values (44100.0, 48000.0, 96000.0),
                          [] (const auto& param) { return std::to_string ((int) param.param) + "Hz"; });
