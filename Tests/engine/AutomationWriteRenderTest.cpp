// Automation written by AutomationRecorder plays back sample-accurately: a touch pass and a trim
// pass on a track of constant 0.5 give 0.5 x the lane's gain at every sample, offline and in the
// real-time engine alike.
#include "MasterRender.h"
#include "TestSessions.h"

#include "core/Decibels.h"
#include "engine/PlanCompiler.h"
#include "engine/RealtimeEngine.h"
#include "session/AutomationRecorder.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
constexpr int64_t frames = 7 * 48000;

session::Session dcSession (const session::AutomationLane& gain)
{
    auto s = emptySession();
    s.buses.clear();
    s.media.push_back ({ "m", "m.wav" });
    auto t = track ("t", 2, session::masterOutputId);
    t.clips.push_back (clip ("c", "m", 0, frames));
    t.automation["gain_db"] = gain;
    s.tracks.push_back (t);
    return s;
}

MemoryMediaSource dcMedia()
{
    MemoryMediaSource media;
    media.media.push_back ({ std::vector<float> (size_t (frames), 0.5f), std::vector<float> (size_t (frames), 0.5f) });
    return media;
}

/** Touch at 2 s, down to -10 dB over 1 s, release at 4 s, stop at 6 s, over a ramp to -6 dB. */
session::AutomationLane writtenPass (session::AutomationMode mode)
{
    const session::AutomationLane existing { { 0, 0.0 }, { 480000, -6.0 } };
    session::AutomationRecorder recorder (existing, mode, {});
    const double from = mode == session::AutomationMode::trim ? 0.0 : session::automationValueAt (existing, 96000);
    recorder.start (0, from);
    recorder.touch (96000, from);
    for (int64_t at = 96480; at <= 144000; at += 480)
        recorder.move (at, from + (-10.0 - from) * double (at - 96000) / 48000.0);
    recorder.release (192000);
    return recorder.stop (288000);
}

void expectEnvelope (const std::vector<float>& out, const session::AutomationLane& lane)
{
    for (int64_t n = 0; n < frames; ++n)
    {
        const double expected = 0.5 * core::gainFromDb (session::automationValueAt (lane, n));
        ASSERT_NEAR (out[size_t (n)], expected, 1e-6 * expected + 1e-9) << "sample " << n;
    }
}
} // namespace

TEST (AutomationWriteRenderTest, ATouchPassRendersAsItsBreakpointsSampleBySample)
{
    const auto lane = writtenPass (session::AutomationMode::touch);
    ASSERT_EQ (lane.size(), 6u);
    auto media = dcMedia();
    expectEnvelope (renderMasterLeft (engine::compilePlan (dcSession (lane)), media, frames), lane);
}

TEST (AutomationWriteRenderTest, ATrimPassRendersAsItsBreakpointsSampleBySample)
{
    const auto lane = writtenPass (session::AutomationMode::trim);
    auto media = dcMedia();
    expectEnvelope (renderMasterLeft (engine::compilePlan (dcSession (lane)), media, frames), lane);
}

TEST (AutomationWriteRenderTest, RealTimePlaybackOfTheWrittenLaneMatchesTheOfflineRender)
{
    const auto session = dcSession (writtenPass (session::AutomationMode::latch));
    auto media = dcMedia();
    const auto offline = renderMasterLeft (engine::compilePlan (session), media, frames);
    engine::MediaTrackSource tracks (media, 512);
    engine::RealtimeEngine engine (tracks, 512, 2);
    ASSERT_TRUE (engine.setPlan (std::make_unique<engine::RenderPlan> (engine::compilePlan (session))));
    std::vector<float> left (512), right (512), played;
    float* outputs[] = { left.data(), right.data() };
    engine.play();
    while (played.size() < size_t (frames))
    {
        engine.process (outputs, 512);
        played.insert (played.end(), left.begin(), left.end());
    }
    for (size_t i = 240; i < size_t (frames); ++i) // after the play declick
        ASSERT_EQ (played[i], offline[i]) << i;
}

TEST (AutomationWriteRenderTest, ModeOffPlaysTheFaderAndKeepsTheLanes)
{
    // Pro Tools' "off": the lane stays in the session but the static fader plays.
    auto session = dcSession ({ { 0, -20.0 }, { 96000, 0.0 } });
    session.tracks[0].gainDb = -6.0;
    session.tracks[0].automationMode = session::AutomationMode::off;
    auto media = dcMedia();
    const auto out = renderMasterLeft (engine::compilePlan (session), media, frames);
    const double expected = 0.5 * core::gainFromDb (-6.0);
    for (int64_t n : { int64_t (0), int64_t (48000), int64_t (96000), frames - 1 })
        EXPECT_NEAR (out[size_t (n)], expected, 1e-6) << n;
    // Read again: the lane plays (-20 dB at the start).
    session.tracks[0].automationMode = session::AutomationMode::read;
    const auto read = renderMasterLeft (engine::compilePlan (session), media, frames);
    EXPECT_NEAR (read[0], 0.5 * core::gainFromDb (-20.0), 1e-6);
}
