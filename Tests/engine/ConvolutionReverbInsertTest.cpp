// The convolution reverb in a session: compilePlan reads the impulse response the insert names,
// at the session rate, and MixEngine hands it to the processor; a missing file is reported and
// the insert passes audio unchanged.
#include "MasterRender.h"
#include "TestSessions.h"
#include "support/TempFolder.h"
#include "support/TestAudioFiles.h"

#include "engine/PlanCompiler.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
/** A 48 kHz session whose one stereo track (a 1 kHz tone) has a zero-latency reverb on it. */
session::Session reverbSession (const std::filesystem::path& folder, const std::string& ir)
{
    auto s = emptySession();
    s.filePath = folder / "reverb.sprocket";
    s.media.push_back ({ "m", "m.wav" });
    auto t = track ("t", 2, "master");
    t.clips.push_back (clip ("c", "m", 0, 48000));
    session::Insert reverb { "convolution_reverb", { { "zero_latency", 1.0 } }, false, nullptr };
    reverb.extra["ir"] = ir;
    t.inserts.push_back (reverb);
    s.tracks.push_back (t);
    return s;
}

} // namespace

TEST (ConvolutionReverbInsertTest, AnIrAtAnotherRateIsResampledAndKeepsItsGain)
{
    const auto folder = freshTempFolder ("convolution_insert_rate");
    // A unit impulse 10 ms in (441 samples at 44.1 kHz, 480 at 48 kHz), so the converter's
    // sinc has room for its pre-ringing and the result is a whole-sample delay.
    std::vector<float> unit (2000, 0.0f);
    unit[441] = 1.0f;
    writeFloatWav (folder / "unit.wav", { unit }, 44100);

    const auto plan = engine::compilePlan (reverbSession (folder, "unit.wav"));
    EXPECT_TRUE (plan.problems.empty()) << plan.problems.front();
    ASSERT_EQ (plan.tracks[0].inserts[0].impulseResponse.size(), 1u);

    MemoryMediaSource media;
    const auto tone = sine (1000.0, 0.5, 48000);
    media.media.push_back ({ tone, tone });
    const auto out = renderMasterLeft (plan, media, 48000);
    // The tone comes out 480 samples later and otherwise unchanged, apart from the converter's
    // passband ripple (the first and last few ms, where the tone starts and stops, are skipped).
    double worst = 0.0;
    for (size_t i = 2000; i < 46000; ++i)
        worst = std::max (worst, std::abs ((double) out[i] - tone[i - 480]));
    EXPECT_LT (worst, 1e-3);
}

TEST (ConvolutionReverbInsertTest, AMissingIrIsReportedAndTheInsertPassesAudio)
{
    const auto folder = freshTempFolder ("convolution_insert_missing");
    const auto plan = engine::compilePlan (reverbSession (folder, "no such room.wav"));
    ASSERT_EQ (plan.problems.size(), 1u);
    EXPECT_EQ (plan.problems[0].rfind ("tracks[0].inserts[0]: impulse response no such room.wav: ", 0), 0u) << plan.problems[0];

    MemoryMediaSource media;
    const auto tone = sine (1000.0, 0.5, 48000);
    media.media.push_back ({ tone, tone });
    const auto out = renderMasterLeft (plan, media, 48000);
    for (size_t i = 0; i < 48000; ++i)
        ASSERT_EQ (out[i], tone[i]) << i;
}
