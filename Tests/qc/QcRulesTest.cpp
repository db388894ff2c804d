#include "qc/QcRules.h"

#include "ScanHelpers.h"
#include "dsp/LoudnessTestSignals.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::qc::test;

namespace
{
/** Tech 3341's calibration: a stereo 1 kHz sine at `dbfs` peak in both channels reads `dbfs` LUFS. */
Channels stereoTone (double dbfs, double seconds)
{
    const auto x = sine (1000.0, std::pow (10.0, dbfs / 20.0), seconds);
    return { x, x };
}

const qc::RuleResult& rule (const qc::QcVerdict& verdict, const std::string& id)
{
    for (const auto& r : verdict.rules)
        if (r.id == id)
            return r;
    throw std::runtime_error ("no rule " + id);
}

qc::QcSpec spec (const char* name)
{
    return *qc::findQcSpec (name);
}
} // namespace

TEST (QcRulesTest, LoudnessPassesWithinTheToleranceAsAMeterShowsIt)
{
    const auto atTarget = scan (stereoTone (-23.0, 10.0));
    EXPECT_TRUE (rule (qc::checkProgramme (atTarget, spec ("ebu-r128")), "integrated_loudness").passed);
    EXPECT_TRUE (rule (qc::checkProgramme (atTarget, spec ("atsc-a85")), "integrated_loudness").passed); // -24 +/- 2

    const auto loud = scan (stereoTone (-22.3, 10.0));
    const auto verdict = qc::checkProgramme (loud, spec ("ebu-r128"));
    EXPECT_FALSE (rule (verdict, "integrated_loudness").passed);
    EXPECT_NEAR (rule (verdict, "integrated_loudness").value, -22.3, 0.05);
    EXPECT_FALSE (verdict.passed());

    // -23.5 is on the edge of -23 +/- 0.5 and passes; -23.6 does not.
    EXPECT_TRUE (rule (qc::checkProgramme (scan (stereoTone (-23.5, 10.0)), spec ("r128")), "integrated_loudness").passed);
    EXPECT_FALSE (rule (qc::checkProgramme (scan (stereoTone (-23.6, 10.0)), spec ("r128")), "integrated_loudness").passed);
}

TEST (QcRulesTest, TruePeakOversAreListedWhereTheyHappen)
{
    auto programme = stereoTone (-23.0, 10.0);
    // Two loud moments at 3 s and 7 s: fs/4 sines at 45 degrees whose peaks fall between samples.
    for (int at : { 3 * 48000, 7 * 48000 })
        for (int i = 0; i < 480; ++i)
            programme[0][(size_t) (at + i)] = (float) (0.95 * std::sin (std::numbers::pi / 2 * i + std::numbers::pi / 4));
    const auto verdict = qc::checkProgramme (scan (programme), spec ("ebu-r128"));
    const auto& peaks = rule (verdict, "true_peak");
    EXPECT_FALSE (peaks.passed);
    EXPECT_GT (peaks.value, 20.0 * std::log10 (0.95) - 0.1);
    EXPECT_LT (peaks.value, 20.0 * std::log10 (0.95) + 0.3); // abrupt edges overshoot a little
    ASSERT_EQ (peaks.events.size(), 2u);
    EXPECT_EQ (peaks.events[0].start, 3 * 48000);
    EXPECT_EQ (peaks.events[1].start, 7 * 48000);
    // The samples themselves stay at 0.95 * 0.707 = -3.4 dBFS: only a true-peak meter sees the over.
    EXPECT_TRUE (rule (verdict, "clipping").passed);
}

TEST (QcRulesTest, SilenceFailsOnlyWhenLongerThanTheSpecAllows)
{
    auto withGap = [] (double gapSeconds) {
        auto p = stereoTone (-23.0, 5.0);
        for (auto& c : p)
        {
            c.resize (c.size() + (size_t) (gapSeconds * 48000), 0.0f);
            append (c, sine (1000.0, std::pow (10.0, -23.0 / 20.0), 5.0));
        }
        return p;
    };
    const auto shortGap = qc::checkProgramme (scan (withGap (9.0)), spec ("ebu-r128"));
    EXPECT_TRUE (rule (shortGap, "silence").passed);
    EXPECT_NEAR (rule (shortGap, "silence").value, 9.0, 0.11);

    const auto longGap = qc::checkProgramme (scan (withGap (11.0)), spec ("ebu-r128"));
    const auto& silence = rule (longGap, "silence");
    EXPECT_FALSE (silence.passed);
    ASSERT_EQ (silence.events.size(), 1u);
    EXPECT_NEAR ((double) silence.events[0].start / 48000.0, 5.0, 0.11);
    EXPECT_NEAR ((double) silence.events[0].end / 48000.0, 16.0, 0.11);
}

TEST (QcRulesTest, AnInvertedChannelIsAPhaseProblemAndDcOffsetIsCaught)
{
    auto programme = stereoTone (-23.0, 6.0);
    for (size_t i = 2 * 48000; i < 4 * 48000; ++i)
        programme[1][i] = -programme[1][i];
    const auto verdict = qc::checkProgramme (scan (programme), spec ("ebu-r128"));
    const auto& phase = rule (verdict, "phase");
    EXPECT_FALSE (phase.passed);
    ASSERT_EQ (phase.events.size(), 1u);
    EXPECT_EQ (phase.events[0].start, 2 * 48000);
    EXPECT_EQ (phase.events[0].end, 4 * 48000);
    EXPECT_NEAR (phase.events[0].value, -1.0, 1e-4);
    EXPECT_TRUE (rule (verdict, "dc_offset").passed);

    auto offset = stereoTone (-23.0, 2.0);
    for (auto& v : offset[0])
        v += 0.02f; // -34 dBFS: over the -40 dBFS limit
    const auto dc = rule (qc::checkProgramme (scan (offset), spec ("ebu-r128")), "dc_offset");
    EXPECT_FALSE (dc.passed);
    EXPECT_NEAR (dc.value, 20.0 * std::log10 (0.02), 0.01);
    ASSERT_EQ (dc.events.size(), 1u);
    EXPECT_EQ (dc.events[0].channel, 0);
}

TEST (QcRulesTest, DialogueGatingMeasuresTheMixWhileSomeoneSpeaks)
{
    // 5.1: dialogue in the centre for 20 s, then 20 s of music alone, louder, in L and R.
    const double rate = 48000.0;
    const auto speech = dsp::test::dialogueLike (rate, 20.0, 7);
    const auto music = dsp::test::musicLike (rate, 20.0, 8);
    Channels mix (6, std::vector<float> ((size_t) (40 * rate), 0.0f));
    for (size_t i = 0; i < speech.size(); ++i)
        mix[2][i] = speech[i];
    for (size_t i = 0; i < music[0].size(); ++i)
    {
        mix[0][speech.size() + i] = 2.0f * music[0][i];
        mix[1][speech.size() + i] = 2.0f * music[1][i];
    }
    const auto profile = scan (mix, rate);
    const auto dialogue = qc::measureDialogueLoudness (profile);
    const auto speechOnly = scan ({ speech }, rate).loudness.integratedLufs;
    std::printf ("[qc] dialogue share %.2f, dialogue-gated %.2f, speech alone %.2f, whole mix %.2f\n", dialogue.dialogueShare,
                 dialogue.lufs, speechOnly, profile.loudness.integratedLufs);
    EXPECT_FALSE (dialogue.fellBack);
    EXPECT_GT (dialogue.dialogueShare, 0.3);
    EXPECT_LT (dialogue.dialogueShare, 0.6);
    EXPECT_NEAR (dialogue.lufs, speechOnly, 1.0);
    EXPECT_GT (profile.loudness.integratedLufs - dialogue.lufs, 2.0); // the music pulls the plain figure up

    // A held chord has no syllables: too little dialogue, so the plain integrated loudness.
    const auto chord = scan (stereoTone (-20.0, 20.0), rate);
    const auto held = qc::measureDialogueLoudness (chord);
    EXPECT_TRUE (held.fellBack);
    EXPECT_EQ (held.lufs, chord.loudness.integratedLufs);
}
