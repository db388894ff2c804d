#include "MasterRender.h"
#include "TestSessions.h"

#include "core/Decibels.h"
#include "engine/ClipRenderer.h"
#include "engine/MixEngine.h"
#include "engine/PlanCompiler.h"
#include "engine/RealtimeEngine.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
session::Session toneSession()
{
    auto s = emptySession();
    s.media.push_back ({ "m", "m.wav" });
    auto t = track ("t", 2, "master");
    t.clips.push_back (clip ("c", "m", 0, 96000));
    s.tracks.push_back (t);
    return s;
}

std::vector<float> renderLeft (const session::Session& s, MemoryMediaSource& media, int64_t frames)
{
    return renderMasterLeft (engine::compilePlan (s), media, frames);
}
} // namespace

TEST (InsertRenderTest, GainInsertScalesTheTrackAndBypassRemovesIt)
{
    auto s = toneSession();
    MemoryMediaSource media;
    const auto tone = sine (1000.0, 0.1, 96000);
    media.media.push_back ({ tone, tone });
    s.tracks[0].inserts.push_back ({ "gain", { { "gain_db", 6.0 } }, false, nullptr });
    auto out = renderLeft (s, media, 48000);
    // After the gain's 20 ms smoothing from its default (0 dB) the track is +6 dB.
    for (size_t i = 4800; i < 48000; i += 97)
        ASSERT_NEAR (out[i], tone[i] * core::gainFromDb (6.0), 1e-5) << i;

    s.tracks[0].inserts[0].bypass = true;
    out = renderLeft (s, media, 48000);
    for (size_t i = 0; i < 48000; i += 97)
        ASSERT_EQ (out[i], tone[i]);
}

TEST (InsertRenderTest, UnknownTypesPlayBypassed)
{
    auto s = toneSession();
    MemoryMediaSource media;
    const auto tone = sine (440.0, 0.2, 96000);
    media.media.push_back ({ tone, tone });
    s.tracks[0].inserts.push_back ({ "lv2:urn:example:plugin", {}, false, { { "type", "lv2:urn:example:plugin" } } });
    const auto out = renderLeft (s, media, 4096);
    for (size_t i = 0; i < 4096; ++i)
        ASSERT_EQ (out[i], tone[i]);
}

TEST (InsertRenderTest, BusInsertsProcessTheBusSum)
{
    auto s = toneSession();
    s.tracks[0].output = "B";
    s.buses[0].inserts.push_back ({ "polarity", { { "invert_left", 1 }, { "invert_right", 1 } }, false, nullptr });
    MemoryMediaSource media;
    const auto tone = sine (500.0, 0.3, 96000);
    media.media.push_back ({ tone, tone });
    const auto out = renderLeft (s, media, 9600);
    for (size_t i = 4800; i < 9600; ++i) // after the polarity flip's 20 ms ramp through zero
        ASSERT_NEAR (out[i], -tone[i], 1e-6);
}

TEST (InsertRenderTest, ProcessorsKeepTheirStateAcrossPlanSwaps)
{
    // An EQ boost changed while playing: the filter carries on (same instance, state kept) and
    // glides to the new gain, so there is no step in the output.
    auto s = toneSession();
    s.tracks[0].inserts.push_back ({ "eq", { { "band1_freq_hz", 100.0 }, { "band1_gain_db", 6.0 } }, false, nullptr });
    MemoryMediaSource media;
    const auto tone = sine (100.0, 0.25, 96000);
    media.media.push_back ({ tone, tone });
    engine::MediaTrackSource tracks (media, 128);
    engine::RealtimeEngine engine (tracks, 128, 2);
    ASSERT_TRUE (engine.setPlan (std::make_unique<engine::RenderPlan> (engine::compilePlan (s))));
    std::vector<float> left (128), right (128), recorded;
    float* outputs[] = { left.data(), right.data() };
    engine.play();
    const auto run = [&] (int blocks) {
        for (int b = 0; b < blocks; ++b)
        {
            engine.process (outputs, 128);
            recorded.insert (recorded.end(), left.begin(), left.end());
        }
    };
    run (100);
    const float before = *std::max_element (recorded.end() - 960, recorded.end());
    s.tracks[0].inserts[0].params["band1_gain_db"] = -6.0;
    ASSERT_TRUE (engine.setPlan (std::make_unique<engine::RenderPlan> (engine::compilePlan (s))));
    run (100);
    const float after = *std::max_element (recorded.end() - 960, recorded.end());
    EXPECT_NEAR (20.0 * std::log10 (after / before), -12.0, 0.3);
    float worstStep = 0.0f;
    for (size_t i = 1000; i < recorded.size(); ++i)
        worstStep = std::max (worstStep, std::abs (recorded[i] - recorded[i - 1]));
    // A 100 Hz sine boosted 6 dB moves at most 2*pi*100/48000 * 0.5 per sample.
    EXPECT_LT (worstStep, float (2.0 * std::numbers::pi * 100.0 / 48000.0 * 0.25 * 2.0) * 1.05f);
}
