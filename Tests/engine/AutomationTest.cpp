#include "TestSessions.h"

#include "core/Decibels.h"
#include "engine/ClipRenderer.h"
#include "engine/MixEngine.h"
#include "engine/PlanCompiler.h"
#include "engine/RealtimeEngine.h"
#include "session/SessionJson.h"

#include <gtest/gtest.h>

#include <numbers>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
constexpr int block = 500; // not a divisor of the breakpoints: segments cross blocks

/** One track of constant 0.5 ("DC") straight to the master: what the automation does is
    what comes out. Stereo tracks at centre pass at unity (balance law). */
session::Session dcSession (int channels)
{
    auto s = emptySession();
    s.buses.clear();
    s.media.push_back ({ "m", "m.wav" });
    auto t = track ("t", channels, session::masterOutputId);
    t.clips.push_back (clip ("c", "m", 0, 192000));
    s.tracks.push_back (t);
    return s;
}

struct Output
{
    std::vector<float> left, right;
};

Output mix (const session::Session& s, int64_t frames)
{
    MemoryMediaSource media;
    media.media.push_back ({ std::vector<float> (192000, 0.5f), std::vector<float> (192000, 0.5f) });
    media.media[0].resize (size_t (s.tracks[0].channels));
    const auto plan = engine::compilePlan (s);
    engine::MediaTrackSource tracks (media, block);
    engine::MixEngine mixer;
    mixer.prepare (plan, block);
    Output out;
    for (int64_t pos = 0; pos < frames; pos += block)
    {
        mixer.process (pos, block, tracks);
        out.left.insert (out.left.end(), mixer.masterOutput()[0], mixer.masterOutput()[0] + block);
        out.right.insert (out.right.end(), mixer.masterOutput()[1], mixer.masterOutput()[1] + block);
    }
    return out;
}
} // namespace

TEST (AutomationTest, AGainRampFromSilenceToUnityFollowsTheDbLineSampleBySample)
{
    auto s = dcSession (2);
    s.tracks[0].gainDb = -30.0; // overridden by the lane
    s.tracks[0].automation["gain_db"] = { { 0, -144.0 }, { 48000, 0.0 } };
    const auto out = mix (s, 60000);
    EXPECT_EQ (out.left[0], 0.0f); // -144 dB is silence
    for (int n = 1; n < 48000; n += 7)
    {
        const double db = -144.0 + 144.0 * n / 48000.0;
        ASSERT_NEAR (out.left[size_t (n)], 0.5 * std::pow (10.0, db / 20.0), 1e-6 + 1e-5 * 0.5 * std::pow (10.0, db / 20.0)) << n;
    }
    EXPECT_NEAR (out.left[24000], 0.5 * core::gainFromDb (-72.0), 1e-9);
    EXPECT_FLOAT_EQ (out.left[50000], 0.5f); // the last point's value holds after it
}

TEST (AutomationTest, TheFirstPointHoldsBeforeItAndStepsAreSampleAccurate)
{
    auto s = dcSession (2);
    s.tracks[0].automation["gain_db"] = { { 10000, -6.0 }, { 20000, -6.0 }, { 20000, 0.0 } };
    s.tracks[0].automation["mute"] = { { 30001, 0.0 }, { 30001, 1.0 } };
    const auto out = mix (s, 40000);
    const float minus6 = float (0.5 * core::gainFromDb (-6.0));
    EXPECT_FLOAT_EQ (out.left[0], minus6);
    EXPECT_FLOAT_EQ (out.left[19999], minus6);
    EXPECT_FLOAT_EQ (out.left[20000], 0.5f);
    EXPECT_FLOAT_EQ (out.left[30000], 0.5f);
    EXPECT_EQ (out.left[30001], 0.0f);
    EXPECT_EQ (out.right[39999], 0.0f);
}

TEST (AutomationTest, PanAutomationSweepsAMonoTrackWithTheConstantPowerLaw)
{
    auto s = dcSession (1);
    s.tracks[0].pan = 0.7; // overridden
    s.tracks[0].automation["pan"] = { { 0, -1.0 }, { 48000, 1.0 } };
    const auto out = mix (s, 50000);
    for (int n = 0; n < 48000; n += 101)
    {
        const double pan = -1.0 + 2.0 * n / 48000.0;
        const double angle = (pan + 1.0) * std::numbers::pi / 4.0;
        ASSERT_NEAR (out.left[size_t (n)], 0.5 * std::cos (angle), 1e-6) << n;
        ASSERT_NEAR (out.right[size_t (n)], 0.5 * std::sin (angle), 1e-6) << n;
    }
    EXPECT_NEAR (out.left[49000], 0.0, 1e-7);
    EXPECT_NEAR (out.right[49000], 0.5, 1e-6);
}

TEST (AutomationTest, InsertParametersAndBusGainFollowTheirLanes)
{
    auto s = dcSession (2);
    s.buses.push_back ({ "B", "Bus", 2, 0.0, session::masterOutputId, {}, {} });
    s.tracks[0].output = "B";
    s.tracks[0].inserts.push_back ({ "gain", { { "gain_db", 0.0 } }, false, nullptr });
    s.tracks[0].automation["inserts[0].gain_db"] = { { 0, 0.0 }, { 24000, 0.0 }, { 24000, -20.0 } };
    s.buses[0].automation["gain_db"] = { { 0, 0.0 }, { 48000, -6.0 } };
    const auto out = mix (s, 72000);
    EXPECT_NEAR (out.left[20000], 0.5 * core::gainFromDb (-6.0 * 20000 / 48000.0), 1e-5);
    // Past the insert's 20 ms smoothing, the step has landed: -20 dB from the insert, -6 from the bus.
    EXPECT_NEAR (out.left[60000], 0.5 * core::gainFromDb (-26.0), 1e-5);
}

TEST (AutomationTest, AutomationStaysOnTheTimelineWhenInsertsAddLatency)
{
    // A limiter delays the track by 96 samples; its mute step must still fall on timeline
    // sample 30000, which the compensated output plays 96 samples later.
    auto s = dcSession (2);
    s.tracks[0].inserts.push_back ({ "limiter", nlohmann::json::object(), false, nullptr });
    s.tracks[0].automation["mute"] = { { 30000, 0.0 }, { 30000, 1.0 } };
    const auto out = mix (s, 40000);
    EXPECT_FLOAT_EQ (out.left[30000 + 95], 0.5f);
    EXPECT_EQ (out.left[30000 + 96], 0.0f);
}

TEST (AutomationTest, RealTimePlaybackMatchesTheOfflineMix)
{
    auto s = dcSession (1);
    s.tracks[0].automation["gain_db"] = { { 0, -40.0 }, { 30000, 0.0 } };
    s.tracks[0].automation["pan"] = { { 0, 0.5 }, { 30000, -0.5 } };
    const auto offline = mix (s, 40000);
    MemoryMediaSource media;
    media.media.push_back ({ std::vector<float> (192000, 0.5f) });
    engine::MediaTrackSource tracks (media, block);
    engine::RealtimeEngine engine (tracks, block, 2);
    ASSERT_TRUE (engine.setPlan (std::make_unique<engine::RenderPlan> (engine::compilePlan (s))));
    std::vector<float> left (block), right (block), played;
    float* outputs[] = { left.data(), right.data() };
    engine.play();
    for (int b = 0; b < 80; ++b)
    {
        engine.process (outputs, block);
        played.insert (played.end(), left.begin(), left.end());
    }
    for (size_t i = 240; i < 40000; ++i) // after the play declick
        ASSERT_EQ (played[i], offline.left[i]) << i;
}

TEST (AutomationTest, LanesRoundTripThroughJsonAndBadOnesAreReportedOrRepairedWithTheirPaths)
{
    auto s = dcSession (1);
    s.tracks[0].inserts.push_back ({ "eq", { { "band1_gain_db", 0.0 } }, false, nullptr });
    s.tracks[0].automation["gain_db"] = { { 0, -10.0 }, { 4800, 0.0 } };
    s.tracks[0].automation["inserts[0].band1_gain_db"] = { { 0, 3.0 } };
    session::Problems problems;
    const auto back = session::sessionFromJson (nlohmann::json::parse (session::sessionToJson (s).dump()), problems);
    EXPECT_TRUE (problems.empty()) << problems[0].toString();
    EXPECT_EQ (back.tracks[0].automation, s.tracks[0].automation);

    auto json = session::sessionToJson (s);
    json["tracks"][0]["automation"] = nlohmann::json::parse (R"({
        "gain_db": [[0, -10], [100, 50]], "pan": [[10, 0], [5, 0]], "volume": [[0, 1]],
        "inserts[3].gain_db": [[0, 1]], "inserts[0].nope": [[0, 1]], "mute": [[0, true], [10]]})");
    problems.clear();
    session::Problems warnings;
    session::sessionFromJson (json, problems, warnings);
    std::set<std::string> paths;
    for (auto& p : problems)
        paths.insert (p.path);
    EXPECT_TRUE (paths.contains ("tracks[0].automation.volume"));
    EXPECT_TRUE (paths.contains ("tracks[0].automation.inserts[3].gain_db"));
    EXPECT_TRUE (paths.contains ("tracks[0].automation.inserts[0].nope"));
    EXPECT_TRUE (paths.contains ("tracks[0].automation.mute[1]"));
    EXPECT_EQ (paths.size(), 4u);
    // Out of range and back in time are repaired, with a warning each (AutomationRepairTest).
    ASSERT_EQ (warnings.size(), 2u);
    EXPECT_EQ (warnings[0].path, "tracks[0].automation.gain_db[1]"); // 50 dB clamped to +24
    EXPECT_EQ (warnings[1].path, "tracks[0].automation.pan[1]");     // sorted
}

TEST (AutomationTest, AMuteLaneAloneKeepsTheFaderAppliedOnce)
{
    // The envelope carries the fader when a mute lane shapes the gain; the routing matrix must
    // then not apply it a second time (it did before sends: -20 dB for a -10 dB fader).
    auto s = dcSession (2);
    s.tracks[0].gainDb = -10.0;
    s.tracks[0].automation["mute"] = { { 0, 0.0 }, { 1000, 0.0 }, { 1000, 1.0 } };
    const auto out = mix (s, 2000);
    EXPECT_FLOAT_EQ (out.left[999], float (0.5 * core::gainFromDb (-10.0)));
    EXPECT_EQ (out.left[1000], 0.0f);
}
