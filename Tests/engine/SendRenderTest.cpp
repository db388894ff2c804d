#include "TestSessions.h"

#include "core/Decibels.h"
#include "engine/HeadlessDriver.h"
#include "engine/MixEngine.h"
#include "engine/PlanCompiler.h"
#include "engine/RealtimeEngine.h"
#include "engine/WorkerPool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <numbers>
#include <thread>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
constexpr int block = 500; // not a divisor of the breakpoints: ramps cross blocks

/** Each track's audio is a fixed function of (track, channel, sample) in [-0.5, 0.5), so any
    thread may read any track and the expected output can be computed from it. */
class FormulaTracks final : public engine::TrackSource
{
public:
    static float value (int track, int channel, int64_t n)
    {
        uint32_t x = uint32_t (n) * 2654435761u ^ uint32_t (track * 8 + channel + 1) * 40503u;
        x ^= x >> 13;
        x *= 0x5bd1e995u;
        x ^= x >> 15;
        return float (int32_t (x)) / 4294967296.0f;
    }

    bool readTrack (const engine::RenderPlan& plan, int track, int64_t position, int numFrames,
                    float* const* dest) noexcept override
    {
        for (int c = 0; c < plan.tracks[size_t (track)].channels; ++c)
            for (int i = 0; i < numFrames; ++i)
                dest[c][i] = value (track, c, position + i);
        return true;
    }

    bool allowsConcurrentReads() const noexcept override { return true; }
};

/** A stereo track "T" (fader -10 dB) to the master and a stereo aux return "VERB" (bus 0). */
session::Session auxSession (session::Send send)
{
    auto s = emptySession();
    s.buses.clear();
    s.buses.push_back ({ "VERB", "Reverb", 2, 0.0, session::masterOutputId, {}, {} });
    auto t = track ("T", 2, session::masterOutputId);
    t.gainDb = -10.0;
    t.sends.push_back (std::move (send));
    s.tracks.push_back (t);
    return s;
}

struct Render
{
    std::vector<float> master, stem; // left channels
};

Render render (const session::Session& s, int64_t frames, engine::WorkerPool* workers = nullptr, int stemBus = 0)
{
    const auto plan = engine::compilePlan (s);
    FormulaTracks tracks;
    engine::MixEngine mixer;
    mixer.prepare (plan, block);
    Render out;
    for (int64_t pos = 0; pos < frames; pos += block)
    {
        mixer.process (pos, block, tracks, workers);
        out.master.insert (out.master.end(), mixer.masterOutput()[0], mixer.masterOutput()[0] + block);
        out.stem.insert (out.stem.end(), mixer.busOutput (stemBus)[0], mixer.busOutput (stemBus)[0] + block);
    }
    return out;
}
} // namespace

TEST (SendRenderTest, APostFaderSendCarriesTheFaderAndItsLevel)
{
    const auto out = render (auxSession ({ "s1", "VERB", -6.0, false, false }), 4000);
    const double send = std::pow (10.0, -16.0 / 20.0); // fader -10 dB, send -6 dB
    const double dry = std::pow (10.0, -10.0 / 20.0);
    for (int64_t n = 0; n < 4000; ++n)
    {
        const double source = FormulaTracks::value (0, 0, n);
        ASSERT_NEAR (out.stem[size_t (n)], source * send, 1e-6) << n;
        ASSERT_NEAR (out.master[size_t (n)], source * (dry + send), 1e-6) << n; // dry and the return, stereo at centre
    }
}

TEST (SendRenderTest, APreFaderSendIgnoresTheFader)
{
    auto s = auxSession ({ "s1", "VERB", -6.0, true, false });
    s.tracks[0].gainDb = -200.0; // fader at -inf
    const auto out = render (s, 3000);
    for (int64_t n = 0; n < 3000; ++n)
    {
        ASSERT_NEAR (out.stem[size_t (n)], FormulaTracks::value (0, 0, n) * std::pow (10.0, -6.0 / 20.0), 1e-6) << n;
        ASSERT_EQ (out.master[size_t (n)], out.stem[size_t (n)]) << n; // only the return is heard
    }
}

TEST (SendRenderTest, APreFaderSendIgnoresFaderAutomationToo)
{
    auto s = auxSession ({ "s1", "VERB", -6.0, true, false });
    s.tracks[0].automation["gain_db"] = { { 0, -144.0 } };
    const auto out = render (s, 2000);
    for (int64_t n = 0; n < 2000; ++n)
        ASSERT_NEAR (out.stem[size_t (n)], FormulaTracks::value (0, 0, n) * std::pow (10.0, -6.0 / 20.0), 1e-6) << n;
}

TEST (SendRenderTest, MutingTheTrackTheSendOrSoloingAnotherSilencesSendsPreAndPost)
{
    for (bool preFader : { false, true })
    {
        auto muted = auxSession ({ "s1", "VERB", 0.0, preFader, false });
        muted.tracks[0].mute = true;
        auto sendMuted = auxSession ({ "s1", "VERB", 0.0, preFader, true });
        auto soloedOut = auxSession ({ "s1", "VERB", 0.0, preFader, false });
        soloedOut.tracks.push_back (track ("other", 1, session::masterOutputId));
        soloedOut.tracks.back().solo = true;
        auto muteLane = auxSession ({ "s1", "VERB", 0.0, preFader, false });
        muteLane.tracks[0].automation["mute"] = { { 0, 1.0 } };
        for (const auto* s : { &muted, &sendMuted, &soloedOut, &muteLane })
        {
            const auto out = render (*s, 2000);
            EXPECT_TRUE (std::all_of (out.stem.begin(), out.stem.end(), [] (float v) { return v == 0.0f; }))
                << "pre-fader " << preFader << ", case " << (s - &muted);
        }
    }
}

TEST (SendRenderTest, SendGainAutomationIsSampleAccurate)
{
    auto s = auxSession ({ "s1", "VERB", -60.0, false, false }); // the static level is overridden
    s.tracks[0].gainDb = 0.0;
    s.tracks[0].automation["send.s1.gain_db"] = { { 1000, -40.0 }, { 9000, 0.0 }, { 9000, -6.0 } };
    const auto out = render (s, 12000);
    const auto expected = [] (int64_t n) {
        const double db = n < 1000 ? -40.0 : n < 9000 ? -40.0 + 40.0 * double (n - 1000) / 8000.0 : -6.0;
        return FormulaTracks::value (0, 0, n) * core::gainFromDb (db);
    };
    for (int64_t n = 0; n < 12000; ++n)
        ASSERT_NEAR (out.stem[size_t (n)], expected (n), 1e-6) << n;
    EXPECT_NEAR (out.stem[5000], FormulaTracks::value (0, 0, 5000) * core::gainFromDb (-20.0), 1e-7);
}

TEST (SendRenderTest, RealTimePlaybackOfSendAutomationMatchesTheOfflineRender)
{
    auto s = auxSession ({ "s1", "VERB", 0.0, true, false });
    s.tracks[0].automation["send.s1.gain_db"] = { { 0, -30.0 }, { 20000, 0.0 } };
    s.tracks[0].automation["gain_db"] = { { 0, 0.0 }, { 20000, -20.0 } };
    const auto offline = render (s, 24000);
    FormulaTracks tracks;
    engine::RealtimeEngine engine (tracks, block, 2);
    ASSERT_TRUE (engine.setPlan (std::make_unique<engine::RenderPlan> (engine::compilePlan (s))));
    std::vector<float> left (block), right (block), played;
    float* outputs[] = { left.data(), right.data() };
    engine.play();
    while (played.size() < offline.master.size())
    {
        engine.process (outputs, block);
        played.insert (played.end(), left.begin(), left.end());
    }
    for (size_t i = 240; i < offline.master.size(); ++i) // after the play declick
        ASSERT_EQ (played[i], offline.master[i]) << i;
}

TEST (SendRenderTest, TheHeadlessDriversAudioThreadPlaysTheSameSamples)
{
    auto s = auxSession ({ "s1", "VERB", -6.0, false, false });
    s.tracks[0].automation["send.s1.gain_db"] = { { 0, -30.0 }, { 20000, 0.0 } };
    const auto offline = render (s, 24000);
    FormulaTracks tracks;
    engine::RealtimeEngine engine (tracks, block, 2);
    ASSERT_TRUE (engine.setPlan (std::make_unique<engine::RenderPlan> (engine::compilePlan (s))));
    engine.play();
    std::vector<float> played (offline.master.size() + block); // filled on the driver's thread
    std::atomic<size_t> filled { 0 };
    engine::HeadlessDriver driver (48000.0, block, 2, false);
    driver.start ([&] (float* const* outputs, int frames) {
        engine.process (outputs, frames);
        const size_t at = filled.load (std::memory_order_relaxed);
        if (at + size_t (frames) <= played.size())
        {
            std::copy_n (outputs[0], frames, played.begin() + long (at));
            filled.store (at + size_t (frames), std::memory_order_release);
        }
    });
    while (filled.load (std::memory_order_acquire) < offline.master.size())
        std::this_thread::sleep_for (std::chrono::milliseconds (1));
    driver.stop();
    for (size_t i = 240; i < offline.master.size(); ++i) // after the play declick
        ASSERT_EQ (played[i], offline.master[i]) << i;
}

TEST (SendRenderTest, ABusSendsToAnAuxProcessedAfterIt)
{
    // VERB is listed first, yet FX (which sends to it) must be summed before it.
    auto s = auxSession ({ "s1", "VERB", -144.0, false, true });
    s.buses.push_back ({ "FX", "Effects", 2, -6.0, session::masterOutputId, {}, {}, { { "f1", "VERB", -6.0, false, false } } });
    s.tracks[0].output = "FX";
    const auto plan = engine::compilePlan (s);
    EXPECT_EQ (plan.busOrder, (std::vector<int> { 1, 0 }));
    const auto out = render (s, 3000);
    for (int64_t n = 0; n < 3000; ++n) // fader -10, FX gain -6, its send -6
        ASSERT_NEAR (out.stem[size_t (n)], FormulaTracks::value (0, 0, n) * std::pow (10.0, -22.0 / 20.0), 1e-6) << n;
}

TEST (SendRenderTest, DelayCompensationWaitsForTheSlowestPathThroughASend)
{
    // A look-ahead limiter (96 samples at 48 kHz, unity below its ceiling) on the return: the
    // track's dry path must wait for it, and so must a second track that only feeds the master.
    auto s = auxSession ({ "s1", "VERB", 0.0, false, false });
    s.buses[0].inserts.push_back ({ "limiter", nlohmann::json::object(), false, nullptr });
    s.tracks[0].gainDb = -20.0; // far below the ceiling
    s.tracks.push_back (track ("U", 2, session::masterOutputId));
    s.tracks[1].gainDb = -20.0;
    const auto plan = engine::compilePlan (s);
    FormulaTracks tracks;
    engine::MixEngine mixer;
    mixer.prepare (plan, block);
    EXPECT_EQ (mixer.latency(), 96);
    EXPECT_EQ (mixer.busLatency (0), 96);
    EXPECT_EQ (mixer.trackCompensation (0), 96);
    EXPECT_EQ (mixer.trackCompensation (1), 96);
    std::vector<float> master;
    for (int64_t pos = 0; pos < 3000; pos += block)
    {
        mixer.process (pos, block, tracks);
        master.insert (master.end(), mixer.masterOutput()[0], mixer.masterOutput()[0] + block);
    }
    const double g = core::gainFromDb (-20.0);
    for (int64_t n = 0; n + 96 < 3000; ++n) // T dry + T through the return + U, all 96 late
    {
        const double expected = (2.0 * FormulaTracks::value (0, 0, n) + FormulaTracks::value (1, 0, n)) * g;
        ASSERT_NEAR (master[size_t (n + 96)], expected, 1e-6) << n;
    }
}

TEST (SendRenderTest, ParallelTracksWithSendsGiveBitIdenticalResults)
{
    auto s = auxSession ({ "s1", "VERB", -3.0, false, false });
    s.buses[0].inserts.push_back ({ "room_reverb", nlohmann::json::object(), false, nullptr });
    for (int t = 0; t < 6; ++t)
    {
        auto tr = track ("t" + std::to_string (t), 1, session::masterOutputId);
        tr.pan = -0.5 + 0.2 * t;
        tr.inserts.push_back ({ "compressor", { { "threshold_db", -30.0 }, { "ratio", 4.0 } }, false, nullptr });
        tr.sends.push_back ({ "s", "VERB", -12.0 + t, t % 2 == 0, false });
        if (t == 1)
            tr.automation["send.s.gain_db"] = { { 0, -40.0 }, { 20000, 0.0 } };
        s.tracks.push_back (tr);
    }
    engine::WorkerPool pool (3);
    const auto single = render (s, 30000);
    EXPECT_EQ (render (s, 30000, &pool).master, single.master);
    EXPECT_EQ (render (s, 30000, &pool).master, single.master);
}

TEST (SendRenderTest, ASendsPanFollowsTheTracksPanAndPanAutomation)
{
    for (bool automated : { false, true })
    {
        // A mono track panned at 0.5 (post-fader send), then with a pan lane (pre-fader send).
        auto s = auxSession ({ "s1", "VERB", 0.0, automated, false });
        s.tracks[0] = track ("M", 1, session::masterOutputId);
        s.tracks[0].pan = 0.5;
        s.tracks[0].sends = { { "s1", "VERB", 0.0, automated, false } };
        if (automated)
            s.tracks[0].automation["pan"] = { { 0, -1.0 }, { 2000, 1.0 } };
        const auto plan = engine::compilePlan (s);
        FormulaTracks tracks;
        engine::MixEngine mixer;
        mixer.prepare (plan, block);
        for (int64_t pos = 0; pos < 2000; pos += block)
        {
            mixer.process (pos, block, tracks);
            for (int i = 0; i < block; ++i)
            {
                const int64_t n = pos + i;
                const double pan = automated ? -1.0 + 2.0 * double (n) / 2000.0 : 0.5;
                const double angle = (pan + 1.0) * std::numbers::pi / 4.0; // -3 dB constant power
                const double source = FormulaTracks::value (0, 0, n);
                ASSERT_NEAR (mixer.busOutput (0)[0][i], source * std::cos (angle), 1e-6) << n;
                ASSERT_NEAR (mixer.busOutput (0)[1][i], source * std::sin (angle), 1e-6) << n;
            }
        }
    }
}

TEST (SendRenderTest, ASendLevelChangeGlidesInWhenThePlanIsSwapped)
{
    // The fader is at -inf so the master is the return alone: a send at -inf raised to 0 dB
    // by a plan swap glides in linearly over MixEngine::smoothingFrames, without a click.
    auto s = auxSession ({ "s1", "VERB", -144.0, true, false });
    s.tracks[0].gainDb = -200.0;
    FormulaTracks tracks;
    engine::RealtimeEngine engine (tracks, block, 2);
    ASSERT_TRUE (engine.setPlan (std::make_unique<engine::RenderPlan> (engine::compilePlan (s))));
    std::vector<float> left (block), right (block);
    float* outputs[] = { left.data(), right.data() };
    engine.play();
    for (int b = 0; b < 4; ++b)
        engine.process (outputs, block);
    EXPECT_TRUE (std::all_of (left.begin(), left.end(), [] (float v) { return v == 0.0f; }));
    s.tracks[0].sends[0].gainDb = 0.0;
    ASSERT_TRUE (engine.setPlan (std::make_unique<engine::RenderPlan> (engine::compilePlan (s))));
    engine.process (outputs, block); // the new plan is adopted at the top of this block
    constexpr int glide = engine::MixEngine::smoothingFrames;
    static_assert (glide <= block);
    for (int i = 0; i < block; ++i)
    {
        const double gain = i < glide ? double (i + 1) / glide : 1.0;
        ASSERT_NEAR (left[size_t (i)], FormulaTracks::value (0, 0, 4 * block + i) * gain, 1e-6) << i;
    }
}
