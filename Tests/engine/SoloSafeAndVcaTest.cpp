#include "MasterRender.h"
#include "TestSessions.h"

#include "engine/PlanCompiler.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
constexpr int64_t frames = 4096;

/** Tracks A, B and C straight to the master, each a constant level of its own (0.5, 0.25,
    0.125) so the sum says exactly who is heard. */
session::Session threeTracks (MemoryMediaSource& media)
{
    auto s = emptySession();
    const float levels[] = { 0.5f, 0.25f, 0.125f };
    const char* ids[] = { "A", "B", "C" };
    for (size_t i = 0; i < 3; ++i)
    {
        const std::string mediaId = std::string ("m") + ids[i];
        s.media.push_back ({ mediaId, mediaId + ".wav" });
        media.media.push_back ({ std::vector<float> (size_t (frames), levels[i]) });
        auto t = track (ids[i], 1, session::masterOutputId);
        t.pan = -1.0; // hard left: the left channel carries the whole level
        t.clips.push_back (clip (std::string ("c") + ids[i], mediaId, 0, frames));
        s.tracks.push_back (t);
    }
    return s;
}
} // namespace

TEST (SoloSafeTest, ASoloSafeTrackStaysAudibleWhenAnotherIsSoloed)
{
    MemoryMediaSource media;
    auto s = threeTracks (media);
    s.tracks[0].solo = true;

    auto out = renderMasterLeft (engine::compilePlan (s), media, frames);
    EXPECT_FLOAT_EQ (out[1000], 0.5f); // only A: B and C are soloed out

    s.tracks[1].soloSafe = true;
    out = renderMasterLeft (engine::compilePlan (s), media, frames);
    EXPECT_FLOAT_EQ (out[1000], 0.75f); // A and the solo-safe B; C still silent
    for (int64_t i = 0; i < frames; ++i)
        ASSERT_FLOAT_EQ (out[size_t (i)], 0.75f) << "sample " << i;

    // Solo safe is not a solo: with nothing soloed everyone plays, and its own mute still mutes it.
    s.tracks[0].solo = false;
    EXPECT_FLOAT_EQ (renderMasterLeft (engine::compilePlan (s), media, frames)[1000], 0.875f);
    s.tracks[0].solo = true;
    s.tracks[1].mute = true;
    EXPECT_FLOAT_EQ (renderMasterLeft (engine::compilePlan (s), media, frames)[1000], 0.5f);
}

TEST (VcaTest, AVcaAddsItsDbToEveryMemberWithoutMovingTheirFaders)
{
    MemoryMediaSource media;
    auto s = threeTracks (media);
    s.tracks[1].gainDb = -3.0; // B's own fader stays where it is
    const auto without = renderMasterLeft (engine::compilePlan (s), media, frames);

    session::Group vca;
    vca.id = "vca1";
    vca.members = { "A", "B" };
    vca.gainDb = -6.0;
    s.groups.push_back (vca);
    const auto with = renderMasterLeft (engine::compilePlan (s), media, frames);

    // A and B each exactly 6 dB down, C untouched: out = (A + B) * g + C.
    const double g = std::pow (10.0, -6.0 / 20.0);
    const double a = 0.5, b = 0.25 * std::pow (10.0, -3.0 / 20.0), c = 0.125;
    for (int64_t i = 0; i < frames; i += 97)
    {
        ASSERT_NEAR (without[size_t (i)], a + b + c, 1e-6);
        ASSERT_NEAR (with[size_t (i)] / ((a + b) * g + c), 1.0, 1e-6) << "sample " << i;
    }
    EXPECT_DOUBLE_EQ (s.tracks[1].gainDb, -3.0);

    // Only A in the VCA: A's output alone is 6 dB down, sample for sample.
    s.groups[0].members = { "A" };
    s.tracks[1].mute = s.tracks[2].mute = true;
    const auto alone = renderMasterLeft (engine::compilePlan (s), media, frames);
    for (int64_t i = 0; i < frames; i += 97)
        ASSERT_NEAR (alone[size_t (i)] / a, g, 1e-6);
}

TEST (VcaTest, VcaMuteSilencesItsMembersAndAVcaMovesAGainLane)
{
    MemoryMediaSource media;
    auto s = threeTracks (media);
    session::Group vca;
    vca.id = "vca1";
    vca.members = { "A", "C" };
    vca.mute = true;
    s.groups.push_back (vca);
    EXPECT_FLOAT_EQ (renderMasterLeft (engine::compilePlan (s), media, frames)[1000], 0.25f); // only B

    // An automated member: the VCA's dB is added to its lane, sample for sample.
    s.groups[0].mute = false;
    s.groups[0].gainDb = -6.0;
    s.groups[0].members = { "A" };
    s.tracks[1].mute = s.tracks[2].mute = true;
    s.tracks[0].automation["gain_db"] = { { 0, 0.0 }, { frames, -20.0 } };
    const auto out = renderMasterLeft (engine::compilePlan (s), media, frames);
    for (int64_t i = 0; i < frames; i += 101)
    {
        const double laneDb = -20.0 * double (i) / double (frames);
        ASSERT_NEAR (out[size_t (i)] / (0.5 * std::pow (10.0, (laneDb - 6.0) / 20.0)), 1.0, 1e-5) << "sample " << i;
    }
}

TEST (VcaTest, AVcaOnABusMovesTheStemAndItsMuteSilencesIt)
{
    MemoryMediaSource media;
    auto s = threeTracks (media);
    for (auto& t : s.tracks)
        t.output = "B";
    const auto without = renderMasterLeft (engine::compilePlan (s), media, frames);
    session::Group vca;
    vca.id = "vca1";
    vca.members = { "B" }; // the bus "B" (the tracks are A, B, C: a bus id wins only where no track has it)
    vca.gainDb = -6.0;
    s.groups.push_back (vca);
    s.tracks[1].id = "Btrack";
    const auto with = renderMasterLeft (engine::compilePlan (s), media, frames);
    EXPECT_NEAR (with[1000] / without[1000], std::pow (10.0, -6.0 / 20.0), 1e-6);
    s.groups[0].mute = true;
    EXPECT_FLOAT_EQ (renderMasterLeft (engine::compilePlan (s), media, frames)[1000], 0.0f);
}
