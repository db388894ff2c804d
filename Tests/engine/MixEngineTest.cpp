#include "TestSessions.h"

#include "core/Decibels.h"
#include "engine/ClipRenderer.h"
#include "engine/MixEngine.h"
#include "engine/PlanCompiler.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
/** Renders the whole plan through MixEngine in blocks; returns the master, planar. */
std::vector<std::vector<float>> renderMaster (const engine::RenderPlan& plan, engine::MediaSource& media, int blockSize,
                                              int64_t length = -1)
{
    engine::MixEngine mixer;
    mixer.prepare (plan, blockSize);
    engine::MediaTrackSource mixerTracks (media, blockSize);
    if (length < 0)
        length = plan.length;
    std::vector<std::vector<float>> out (size_t (plan.masterChannels));
    for (int64_t pos = 0; pos < length; pos += blockSize)
    {
        const int n = int (std::min<int64_t> (blockSize, length - pos));
        mixer.process (pos, n, mixerTracks);
        for (int c = 0; c < plan.masterChannels; ++c)
            out[size_t (c)].insert (out[size_t (c)].end(), mixer.masterOutput()[c], mixer.masterOutput()[c] + n);
    }
    return out;
}
} // namespace

TEST (MixEngineTest, SineThroughMinus6dBAtCentreIsExact)
{
    // -20 dBFS sine, track at -6 dB, centre pan: each side gets sine * 10^(-6/20) * cos(pi/4).
    auto s = emptySession();
    s.media.push_back ({ "m", "m.wav" });
    auto t = track ("t", 1);
    t.gainDb = -6.0;
    t.clips.push_back (clip ("c", "m", 0, 48000));
    s.tracks.push_back (t);

    MemoryMediaSource media;
    const auto source = sine (997.0, core::gainFromDb (-20.0), 48000);
    media.media.push_back ({ source });

    auto out = renderMaster (engine::compilePlan (s), media, 512);
    const double expectedGain = core::gainFromDb (-6.0) * std::cos (std::numbers::pi / 4.0);
    double worst = 0.0;
    for (size_t i = 0; i < source.size(); ++i)
        for (int c = 0; c < 2; ++c)
            worst = std::max (worst, std::abs (double (out[size_t (c)][i]) - double (source[i]) * expectedGain));
    EXPECT_LT (worst, 1e-6);
}

TEST (MixEngineTest, ClipPlaysItsSourceRangeAtItsPosition)
{
    auto s = emptySession();
    s.media.push_back ({ "m", "m.wav" });
    auto t = track ("t", 2);
    t.clips.push_back (clip ("c", "m", 1000, 500, 200));
    s.tracks.push_back (t);

    std::vector<float> ramp (2000);
    for (size_t i = 0; i < ramp.size(); ++i)
        ramp[i] = float (i) / 2000.0f;
    MemoryMediaSource media;
    media.media.push_back ({ ramp, ramp });

    auto out = renderMaster (engine::compilePlan (s), media, 64, 2000);
    EXPECT_EQ (out[0][999], 0.0f);
    EXPECT_EQ (out[0][1000], ramp[200]);
    EXPECT_EQ (out[1][1499], ramp[699]);
    EXPECT_EQ (out[0][1500], 0.0f);
}

TEST (MixEngineTest, ResultDoesNotDependOnBlockSize)
{
    auto s = emptySession();
    s.media.push_back ({ "m", "m.wav" });
    auto t = track ("t", 1);
    t.pan = -0.4;
    auto c = clip ("c", "m", 333, 20000, 17);
    c.fadeIn = { { 1234 }, dsp::FadeShape::sCurve };
    c.fadeOut = { { 4321 }, dsp::FadeShape::equalPower };
    c.gainDb = -2.5;
    t.clips.push_back (c);
    t.clips.push_back (clip ("d", "m", 15000, 9000, 300));
    s.tracks.push_back (t);

    MemoryMediaSource media;
    media.media.push_back ({ noise (30000, 7) });
    const auto plan = engine::compilePlan (s);
    auto reference = renderMaster (plan, media, 4096);
    for (int block : { 1, 63, 64, 1000 })
        EXPECT_EQ (renderMaster (plan, media, block), reference) << "block " << block;
}

TEST (MixEngineTest, MuteAndSoloDecideWhoIsHeard)
{
    auto s = emptySession();
    s.media.push_back ({ "m", "m.wav" });
    for (auto id : { "a", "b", "c" })
    {
        auto t = track (id, 2);
        t.clips.push_back (clip (std::string ("clip_") + id, "m", 0, 100));
        s.tracks.push_back (t);
    }
    MemoryMediaSource media;
    media.media.push_back ({ std::vector<float> (100, 0.125f), std::vector<float> (100, 0.125f) });

    EXPECT_FLOAT_EQ (renderMaster (engine::compilePlan (s), media, 64)[0][50], 0.375f);
    s.tracks[0].mute = true;
    EXPECT_FLOAT_EQ (renderMaster (engine::compilePlan (s), media, 64)[0][50], 0.25f);
    s.tracks[1].solo = true;
    EXPECT_FLOAT_EQ (renderMaster (engine::compilePlan (s), media, 64)[0][50], 0.125f);
    s.tracks[0].solo = true; // soloed but muted: mute wins
    EXPECT_FLOAT_EQ (renderMaster (engine::compilePlan (s), media, 64)[0][50], 0.125f);
    s.tracks[1].clips[0].mute = true;
    EXPECT_FLOAT_EQ (renderMaster (engine::compilePlan (s), media, 64)[0][50], 0.0f);
}

TEST (MixEngineTest, BusGainFeedsTheStemAndMasterGainOnlyTheMaster)
{
    auto s = emptySession();
    s.buses[0].gainDb = -6.0;
    s.master.gainDb = -3.0;
    s.media.push_back ({ "m", "m.wav" });
    auto t = track ("t", 2);
    t.clips.push_back (clip ("c", "m", 0, 64));
    s.tracks.push_back (t);
    MemoryMediaSource media;
    media.media.push_back ({ std::vector<float> (64, 0.5f), std::vector<float> (64, 0.5f) });

    const auto plan = engine::compilePlan (s);
    engine::MixEngine mixer;
    mixer.prepare (plan, 64);
    engine::MediaTrackSource mixerTracks (media, 64);
    mixer.process (0, 64, mixerTracks);
    const double stem = 0.5 * core::gainFromDb (-6.0);
    EXPECT_NEAR (mixer.busOutput (0)[0][10], stem, 1e-7);
    EXPECT_NEAR (mixer.masterOutput()[1][10], stem * core::gainFromDb (-3.0), 1e-7);
}

TEST (MixEngineTest, BusesFeedingBusesAreSummedFirst)
{
    auto s = emptySession();
    s.buses.push_back ({ "SUB", "Sub", 2, 0.0, "B", {}, {} }); // SUB -> B -> master
    s.media.push_back ({ "m", "m.wav" });
    auto t = track ("t", 2, "SUB");
    t.clips.push_back (clip ("c", "m", 0, 64));
    s.tracks.push_back (t);
    MemoryMediaSource media;
    media.media.push_back ({ std::vector<float> (64, 0.25f), std::vector<float> (64, 0.25f) });

    const auto plan = engine::compilePlan (s);
    engine::MixEngine mixer;
    mixer.prepare (plan, 64);
    engine::MediaTrackSource mixerTracks (media, 64);
    mixer.process (0, 64, mixerTracks);
    EXPECT_FLOAT_EQ (mixer.busOutput (1)[0][0], 0.25f);
    EXPECT_FLOAT_EQ (mixer.busOutput (0)[0][0], 0.25f);
    EXPECT_FLOAT_EQ (mixer.masterOutput()[0][0], 0.25f);
}
