#include "TestSessions.h"

#include "engine/ClipRenderer.h"
#include "engine/PlanCompiler.h"
#include "engine/RealtimeEngine.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
constexpr int block = 128;

/** A stereo track playing a 100 Hz sine of amplitude 0.5 for 10 s, straight to the master. */
struct Rig
{
    session::Session session = emptySession();
    MemoryMediaSource media;
    engine::MediaTrackSource source { media, block };
    engine::RealtimeEngine engine { source, block, 2 };
    std::vector<float> left = std::vector<float> (block), right = std::vector<float> (block);
    std::vector<float> recorded;

    Rig()
    {
        session.media.push_back ({ "m", "m.wav" });
        auto t = track ("t", 2, "master");
        t.clips.push_back (clip ("c", "m", 0, 480000));
        session.tracks.push_back (t);
        const auto tone = sine (100.0, 0.5, 480000);
        media.media.push_back ({ tone, tone });
        post();
    }

    void post() { ASSERT_TRUE (engine.setPlan (std::make_unique<engine::RenderPlan> (engine::compilePlan (session)))); }

    void run (int blocks)
    {
        float* outputs[] = { left.data(), right.data() };
        for (int b = 0; b < blocks; ++b)
        {
            engine.process (outputs, block);
            recorded.insert (recorded.end(), left.begin(), left.end());
        }
    }

    float maxStep (size_t from = 1) const
    {
        float worst = 0.0f;
        for (size_t i = std::max<size_t> (from, 1); i < recorded.size(); ++i)
            worst = std::max (worst, std::abs (recorded[i] - recorded[i - 1]));
        return worst;
    }
};

// The steepest a 100 Hz sine of amplitude 0.5 moves per sample at 48 kHz, plus what a declick
// ramp (1/240 of full gain per sample) or a 480-sample gain glide can add on top.
const float sineSlope = float (0.5 * 2.0 * std::numbers::pi * 100.0 / 48000.0);
const float allowedStep = sineSlope + 0.5f / 240.0f + 1e-4f;
} // namespace

TEST (RealtimeEngineTest, PlayFadesInAndAdvancesThePlayhead)
{
    Rig rig;
    rig.run (2);
    EXPECT_FALSE (rig.engine.isPlaying());
    EXPECT_EQ (rig.engine.position(), 0);
    EXPECT_EQ (rig.recorded[200], 0.0f);

    rig.recorded.clear();
    rig.engine.play();
    rig.run (10);
    EXPECT_TRUE (rig.engine.isPlaying());
    EXPECT_EQ (rig.engine.position(), 10 * block);
    const auto tone = sine (100.0, 0.5, 2000);
    // Sample k of the fade-in has gain (k+1)/240, then the signal is untouched.
    EXPECT_NEAR (rig.recorded[100], tone[100] * 101.0f / 240.0f, 1e-6);
    EXPECT_NEAR (rig.recorded[1000], tone[1000], 1e-6);
    EXPECT_EQ (rig.engine.planSwaps(), 1);
}

TEST (RealtimeEngineTest, LocateWhilePlayingIsSeamless)
{
    Rig rig;
    rig.engine.play();
    rig.run (20);
    rig.engine.locate (124000); // the opposite phase of where the fade-out ends (2800)
    rig.run (20);
    EXPECT_LT (rig.maxStep (300), allowedStep);
    EXPECT_GE (rig.engine.position(), 124000);
    EXPECT_LT (rig.engine.position(), 124000 + 20 * block);

    // Without the fades the jump would have been this large: the test can fail.
    const auto tone = sine (100.0, 0.5, 130000);
    EXPECT_GT (std::abs (tone[20 * block + 240] - tone[124000]), 50 * allowedStep);
}

TEST (RealtimeEngineTest, FaderJumpsMuteAndSoloGlideWithoutSteps)
{
    Rig rig;
    rig.session.tracks[0].gainDb = -20.0;
    rig.post();
    rig.engine.play();
    rig.run (10);
    rig.session.tracks[0].gainDb = 0.0; // a fader slammed up by 20 dB
    rig.post();
    rig.run (10);
    rig.session.tracks[0].mute = true;
    rig.post();
    rig.run (10);
    EXPECT_EQ (rig.recorded.back(), 0.0f);
    rig.session.tracks[0].mute = false;
    rig.post();
    rig.run (10);
    EXPECT_GT (std::abs (*std::max_element (rig.recorded.end() - 500, rig.recorded.end())), 0.3f);
    EXPECT_LT (rig.maxStep (300), allowedStep);
    EXPECT_EQ (rig.engine.planSwaps(), 5);
}

TEST (RealtimeEngineTest, StopFadesOutAndHoldsThePosition)
{
    Rig rig;
    rig.engine.play();
    rig.run (10);
    rig.engine.stop();
    rig.run (5);
    EXPECT_FALSE (rig.engine.isPlaying());
    const auto stoppedAt = rig.engine.position();
    EXPECT_EQ (stoppedAt, 10 * block + 240); // exactly one declick later
    rig.run (5);
    EXPECT_EQ (rig.engine.position(), stoppedAt);
    EXPECT_EQ (rig.recorded.back(), 0.0f);
    EXPECT_LT (rig.maxStep (300), allowedStep);
}

TEST (RealtimeEngineTest, LoopWrapsSampleAccurately)
{
    Rig rig;
    rig.engine.setLoop (1000, 1000 + 48000 / 100 * 3); // three whole periods of the sine
    rig.engine.locate (1000);
    rig.engine.play();
    rig.run (40);
    // The loop length is a whole number of periods, so the wrap is continuous.
    EXPECT_LT (rig.maxStep (300), allowedStep);
    EXPECT_GE (rig.engine.position(), 1000);
    EXPECT_LT (rig.engine.position(), 1000 + 1440);
}

TEST (RealtimeEngineTest, RetiredPlansComeBackToTheMessageThread)
{
    Rig rig;
    rig.engine.play();
    for (int i = 0; i < 100; ++i)
    {
        rig.session.tracks[0].gainDb = -double (i % 7);
        rig.post(); // collects garbage each time, so the queues never fill
        rig.run (1);
    }
    rig.run (1); // one plan is adopted per block: the last one now
    EXPECT_EQ (rig.engine.planSwaps(), 101);
}

TEST (RealtimeEngineTest, PlayRangeStartsThereAndStopsAtItsEnd)
{
    Rig rig;
    rig.engine.playRange (48000, 48000 + 10 * block);
    rig.run (20);
    EXPECT_FALSE (rig.engine.isPlaying());
    EXPECT_EQ (rig.engine.position(), 48000 + 10 * block + 240); // the end, then one declick
    const auto tone = sine (100.0, 0.5, 60000);
    EXPECT_NEAR (rig.recorded[0], tone[48000] / 240.0f, 1e-6); // first sample of the fade-in
    EXPECT_NEAR (rig.recorded[1000], tone[49000], 1e-6);
    EXPECT_EQ (rig.recorded[10 * block + 240], 0.0f);
    EXPECT_LT (rig.maxStep(), allowedStep);
}

TEST (RealtimeEngineTest, PlaySelectionAddsPreAndPostRoll)
{
    Rig rig;
    rig.engine.play();
    rig.run (10);
    // While playing, the jump to the pre-roll is seamless too.
    rig.engine.playSelection (96000, 96000 + 4800, 2400, 1200);
    rig.run (5);
    EXPECT_TRUE (rig.engine.isPlaying());
    EXPECT_GE (rig.engine.position(), 96000 - 2400);
    EXPECT_LT (rig.engine.position(), 96000);
    rig.run (100);
    EXPECT_FALSE (rig.engine.isPlaying());
    EXPECT_EQ (rig.engine.position(), 96000 + 4800 + 1200 + 240);
    EXPECT_LT (rig.maxStep (300), allowedStep);

    // An empty selection plays on from the pre-roll.
    rig.engine.playSelection (200000, 200000, 4800, 4800);
    rig.run (100);
    EXPECT_TRUE (rig.engine.isPlaying());
    EXPECT_EQ (rig.engine.position(), 200000 - 4800 + 100 * block);
}

namespace
{
/** A source that is never ready, like a disk streamer whose media hang. */
class NeverReady final : public engine::TrackSource
{
public:
    bool readTrack (const engine::RenderPlan&, int, int64_t, int, float* const*) noexcept override { return false; }
    bool readyAt (const engine::RenderPlan&, int64_t) noexcept override { return false; }
};
} // namespace

TEST (RealtimeEngineTest, StopWhileWaitingForDataStopsAtOnce)
{
    NeverReady source;
    engine::RealtimeEngine engine (source, block, 2);
    auto s = emptySession();
    s.media.push_back ({ "m", "m.wav" });
    auto t = track ("t", 1, "master");
    t.clips.push_back (clip ("c", "m", 0, 48000));
    s.tracks.push_back (t);
    ASSERT_TRUE (engine.setPlan (std::make_unique<engine::RenderPlan> (engine::compilePlan (s))));
    std::vector<float> left (block), right (block);
    float* outputs[] = { left.data(), right.data() };
    engine.locate (5000);
    engine.play();
    engine.process (outputs, block);
    EXPECT_TRUE (engine.isPlaying());
    engine.stop();
    engine.process (outputs, block);
    EXPECT_FALSE (engine.isPlaying());
    EXPECT_EQ (engine.position(), 5000); // it never moved: nothing was heard
}

TEST (RealtimeEngineTest, ABlockLongerThanTheMaximumIsRenderedInParts)
{
    Rig one, two;
    one.engine.play();
    two.engine.play();
    std::vector<float> left (4 * block), right (4 * block);
    float* outputs[] = { left.data(), right.data() };
    two.engine.process (outputs, 4 * block);
    one.run (4);
    EXPECT_EQ (two.engine.position(), 4 * block);
    for (size_t i = 0; i < left.size(); ++i)
        ASSERT_EQ (left[i], one.recorded[i]) << i;
}

TEST (RealtimeEngineTest, TheOutputTapHoldsExactlyWhatPlayedAndNothingWhileStopped)
{
    Rig rig;
    auto& tap = rig.engine.outputTap();
    rig.run (5); // stopped: silence is not metered
    EXPECT_EQ (tap.available(), 0);

    rig.recorded.clear();
    rig.engine.play();
    rig.run (20);
    ASSERT_EQ (tap.available(), 20 * block);
    std::vector<float> left (20 * block), right (20 * block);
    float* dest[] = { left.data(), right.data() };
    ASSERT_EQ (tap.pop (dest, 20 * block), 20 * block);
    EXPECT_EQ (left, rig.recorded); // what the device got, fade-in and all
    EXPECT_EQ (tap.dropped(), 0);
}
