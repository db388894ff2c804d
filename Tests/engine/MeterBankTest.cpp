#include "TestSessions.h"

#include "core/Decibels.h"
#include "engine/ClipRenderer.h"
#include "engine/MeterBank.h"
#include "engine/MixEngine.h"
#include "engine/PlanCompiler.h"
#include "engine/RealtimeEngine.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::test;

TEST (MeterBankTest, SineReadsItsPeakAndRms)
{
    engine::MeterBank bank (4, 2);
    // 1 kHz: 48 samples a period, so 480-sample blocks hold whole periods.
    const auto tone = sine (1000.0, 0.5, 480);
    const float* channels[] = { tone.data(), tone.data() };
    for (int i = 0; i < 200; ++i) // 2 s: the 300 ms average has settled to 1e-3
        bank.measureTrack (2, channels, 2, 480, 1.0f, 48000.0);
    const auto reading = bank.readTrack (2);
    EXPECT_EQ (reading.channels, 2);
    EXPECT_NEAR (reading.peak[0], 0.5f, 1e-6);
    EXPECT_NEAR (reading.rms[1], 0.5f / std::sqrt (2.0f), 1e-3);

    // Peaks are taken by the read; the RMS stays until more audio (or silence) arrives.
    const auto again = bank.readTrack (2);
    EXPECT_EQ (again.peak[0], 0.0f);
    EXPECT_NEAR (again.rms[0], 0.5f / std::sqrt (2.0f), 1e-3);
    EXPECT_EQ (bank.readTrack (0).channels, 0);  // never measured
    EXPECT_EQ (bank.readTrack (99).channels, 0); // beyond capacity: not metered, no crash
}

TEST (MeterBankTest, RmsFallsWithA300msTimeConstant)
{
    engine::MeterBank bank (1, 0);
    const std::vector<float> dc (480, 1.0f);
    const float* channels[] = { dc.data() };
    for (int i = 0; i < 300; ++i)
        bank.measureMaster (channels, 1, 480, 48000.0);
    ASSERT_NEAR (bank.readMaster().rms[0], 1.0f, 1e-4);
    for (int i = 0; i < 30; ++i) // 300 ms of silence: mean square falls to 1/e
        bank.measureMaster (nullptr, 1, 480, 48000.0);
    EXPECT_NEAR (bank.readMaster().rms[0], std::sqrt (std::exp (-1.0f)), 1e-3);
}

TEST (MeterBankTest, MixerMetersTracksPostFaderAndBusesAndMaster)
{
    auto s = emptySession();
    s.media.push_back ({ "m", "m.wav" });
    auto loud = track ("loud", 1, "B");
    loud.gainDb = -6.0;
    loud.clips.push_back (clip ("c1", "m", 0, 96000));
    auto muted = loud;
    muted.id = "muted";
    muted.mute = true;
    s.tracks = { loud, muted };
    MemoryMediaSource media;
    media.media.push_back ({ sine (1000.0, 0.5, 96000) });

    const auto plan = engine::compilePlan (s);
    engine::MediaTrackSource tracks (media, 480);
    engine::MixEngine mixer;
    mixer.prepare (plan, 480);
    engine::MeterBank bank (8, 2);
    mixer.setMeters (&bank);
    for (int64_t pos = 0; pos < 96000; pos += 480) // 2 s: the RMS average has settled
        mixer.process (pos, 480, tracks);

    const float fader = float (core::gainFromDb (-6.0));
    const auto track = bank.readTrack (0);
    EXPECT_EQ (track.channels, 1);
    EXPECT_NEAR (track.peak[0], 0.5f * fader, 1e-5);
    EXPECT_NEAR (track.rms[0], 0.5f * fader / std::sqrt (2.0f), 1e-3);
    EXPECT_EQ (bank.readTrack (1).peak[0], 0.0f); // muted: a post-fader meter shows nothing

    // The bus gets the track panned centre (-3 dB each side); the master the same.
    const float centre = std::sqrt (0.5f);
    const auto bus = bank.readBus (0);
    EXPECT_EQ (bus.channels, 2);
    EXPECT_NEAR (bus.peak[1], 0.5f * fader * centre, 1e-5);
    EXPECT_NEAR (bank.readMaster().rms[0], 0.5f * fader * centre / std::sqrt (2.0f), 1e-3);
}

TEST (MeterBankTest, RealtimeMetersFallBackWhenTheTransportStops)
{
    auto s = emptySession();
    s.media.push_back ({ "m", "m.wav" });
    auto t = track ("t", 1, "master");
    t.clips.push_back (clip ("c", "m", 0, 480000));
    s.tracks.push_back (t);
    MemoryMediaSource media;
    media.media.push_back ({ sine (1000.0, 0.5, 480000) });
    engine::MediaTrackSource tracks (media, 480);
    engine::RealtimeEngine engine (tracks, 480, 2);
    ASSERT_TRUE (engine.setPlan (std::make_unique<engine::RenderPlan> (engine::compilePlan (s))));
    std::vector<float> left (480), right (480);
    float* outputs[] = { left.data(), right.data() };
    engine.play();
    for (int i = 0; i < 100; ++i)
        engine.process (outputs, 480);
    const float playing = engine.meters().readTrack (0).rms[0];
    EXPECT_NEAR (playing, 0.5f / std::sqrt (2.0f), 0.01f);
    engine.stop();
    for (int i = 0; i < 200; ++i) // 2 s stopped
        engine.process (outputs, 480);
    EXPECT_LT (engine.meters().readTrack (0).rms[0], playing * 0.05f);
    EXPECT_LT (engine.meters().readMaster().rms[0], playing * 0.05f);
}
