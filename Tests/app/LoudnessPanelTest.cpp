#include "app/LoudnessPanel.h"
#include "AppTestSupport.h"
#include "app/LoudnessMonitor.h"
#include "app/MainComponent.h"
#include "app/SessionLoader.h"
#include "app/Snapshot.h"
#include "app/Theme.h"
#include "device/NullAudioDeviceType.h"
#include "engine/ClipRenderer.h"
#include "engine/PlanCompiler.h"
#include "engine/TestSessions.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace sprocket;
using namespace sprocket::app;

namespace
{
constexpr int block = 480;

/** A stereo 1 kHz sine at -23 dBFS peak (EBU Tech 3341: it reads -23 LUFS) through a real engine. */
struct TonePlayer
{
    session::Session session = sprocket::test::emptySession();
    sprocket::test::MemoryMediaSource media;
    engine::MediaTrackSource source { media, block };
    engine::RealtimeEngine engine { source, block, 2 };
    std::vector<float> left = std::vector<float> (block), right = std::vector<float> (block);

    explicit TonePlayer (bool invertRight = false)
    {
        session.media.push_back ({ "m", "m.wav" });
        auto t = sprocket::test::track ("t", 2, "master");
        t.clips.push_back (sprocket::test::clip ("c", "m", 0, 48000 * 20));
        session.tracks.push_back (t);
        const auto tone = sprocket::test::sine (1000.0, std::pow (10.0, -23.0 / 20.0), 48000 * 20);
        auto rightChannel = tone;
        if (invertRight)
            for (auto& sample : rightChannel)
                sample = -sample;
        media.media.push_back ({ tone, rightChannel });
        EXPECT_TRUE (engine.setPlan (std::make_unique<engine::RenderPlan> (engine::compilePlan (session))));
    }

    /** Runs the engine for `seconds`, polling the monitor as the app's timer would (every 30 ms). */
    void run (double seconds, LoudnessMonitor& monitor)
    {
        float* outputs[] = { left.data(), right.data() };
        const int blocks = (int) (seconds * 48000.0 / block);
        for (int b = 0; b < blocks; ++b)
        {
            engine.process (outputs, block);
            if (b % 3 == 0)
                monitor.poll (&engine, 48000.0);
        }
        monitor.poll (&engine, 48000.0);
    }
};
} // namespace

TEST (LoudnessMonitorTest, MeasuresWhatTheEnginePlaysAndNothingWhileStopped)
{
    TonePlayer player;
    LoudnessMonitor monitor;
    player.run (1.0, monitor); // stopped: nothing to measure
    EXPECT_FALSE (monitor.hasMeasured());

    player.engine.play();
    player.run (6.0, monitor);
    const auto& a = monitor.analyser();
    EXPECT_NEAR (a.integratedLufs(), -23.0, 0.05);
    EXPECT_NEAR (a.momentaryLufs(), -23.0, 0.05);
    EXPECT_NEAR (a.shortTermLufs(), -23.0, 0.05);
    EXPECT_NEAR (a.truePeakDbtp(), -23.0, 0.05);
    EXPECT_EQ (a.framesProcessed(), 6 * 48000 / block * block);
    EXPECT_EQ (monitor.droppedFrames(), 0);

    player.engine.stop();
    player.run (0.1, monitor); // the 5 ms fade-out is measured
    const auto afterStop = a.framesProcessed();
    player.run (2.0, monitor);
    EXPECT_EQ (a.framesProcessed(), afterStop);

    monitor.reset();
    EXPECT_FALSE (monitor.hasMeasured());
    EXPECT_FALSE (std::isfinite (monitor.analyser().integratedLufs()));
}

TEST (LoudnessPanelTest, ReadingsAreJudgedAgainstTheChosenSpec)
{
    TonePlayer player;
    LoudnessMonitor monitor;
    player.engine.play();
    player.run (5.0, monitor);

    LoudnessPanel panel;
    panel.setSize (LoudnessPanel::preferredWidth, 520);
    panel.update (monitor, true);
    EXPECT_EQ (panel.getReadoutText ("I"), "-23.0");
    EXPECT_EQ (panel.getReadoutText ("M"), "-23.0");
    EXPECT_EQ (panel.getReadoutText ("TP"), "-23.0");
    EXPECT_EQ (panel.getReadoutText ("LRA"), "0.0");
    EXPECT_EQ (panel.getReadoutText ("PHASE"), "+1.00"); // the same tone on both sides

    // The integrated readout's digits take the verdict's colour: green for R128 (-23 +/- 0.5),
    // amber for the streaming spec (-27 +/- 2).
    auto digitsHave = [&] (juce::Colour colour) {
        const auto image = app::test::paintToImage (panel);
        for (int y = 50; y < 80; ++y)
            for (int x = 10; x < 150; ++x)
                if (app::test::near (image.getPixelAt (x, y), colour, 12))
                    return true;
        return false;
    };
    const juce::Colour green { 0xff5cc26b }, amber { 0xffe8a33d };
    EXPECT_TRUE (digitsHave (green));
    EXPECT_FALSE (digitsHave (amber));
    panel.setSpec (*qc::findQcSpec ("streaming"));
    EXPECT_TRUE (digitsHave (amber));
    EXPECT_FALSE (digitsHave (green));
    EXPECT_EQ (panel.getSpec().targetLufs, -27.0);

    const auto file = juce::File::getCurrentWorkingDirectory().getChildFile ("artefacts/loudness-panel.png");
    EXPECT_TRUE (Snapshot::writePng (app::test::paintToImage (panel), file).ok());
}

TEST (LoudnessPanelTest, TheViewCommandShowsThePanelBesideTheTimelineAndItMeasuresPlayback)
{
    MainComponent main;
    auto loaded = SessionLoader::open (app::test::demoSessionPath());
    ASSERT_TRUE (loaded.document.has_value());
    main.setSize (1600, 900);
    main.setShowsAlerts (false);
    main.showDocument (*loaded.document);
    main.enablePlayback (app::test::silentOutput());
    EXPECT_FALSE (main.getLoudnessPanel().isVisible());
    const int fullWidth = main.getTimeline().getWidth();

    ASSERT_TRUE (main.invoke (MainComponent::loudnessMeterCommand));
    EXPECT_TRUE (main.isShowingLoudness());
    EXPECT_TRUE (main.getLoudnessPanel().isVisible());
    EXPECT_EQ (main.getLoudnessPanel().getWidth(), LoudnessPanel::preferredWidth);
    EXPECT_EQ (main.getTimeline().getWidth(), fullWidth - LoudnessPanel::preferredWidth);

    main.togglePlay();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (20);
    while (main.getLoudnessMonitor().analyser().framesProcessed() < 3 * 48000 && std::chrono::steady_clock::now() < deadline)
    {
        main.updateFromEngine();
        std::this_thread::sleep_for (std::chrono::milliseconds (30));
    }
    EXPECT_GE (main.getLoudnessMonitor().analyser().framesProcessed(), 3 * 48000);
    EXPECT_NE (main.getLoudnessPanel().getReadoutText ("S"), "--");
    EXPECT_TRUE (std::isfinite (main.getLoudnessMonitor().analyser().integratedLufs())); // the demo has dialogue from the start

    const auto file = juce::File::getCurrentWorkingDirectory().getChildFile ("artefacts/edit-window-loudness.png");
    EXPECT_TRUE (Snapshot::writePng (app::test::paintToImage (main), file).ok());
    main.togglePlay();

    ASSERT_TRUE (main.invoke (MainComponent::loudnessMeterCommand));
    EXPECT_FALSE (main.getLoudnessPanel().isVisible());
    EXPECT_EQ (main.getTimeline().getWidth(), fullWidth);
}

TEST (LoudnessPanelTest, ThePhaseMeterReadsMinusOneForAnInvertedSideAndShowsItRed)
{
    TonePlayer player (true);
    LoudnessMonitor monitor;
    player.engine.play();
    player.run (2.0, monitor);
    ASSERT_NE (monitor.phase(), nullptr);
    EXPECT_NEAR (monitor.phase()->correlation(), -1.0, 1e-6);

    LoudnessPanel panel;
    panel.setSize (LoudnessPanel::preferredWidth, 520);
    panel.update (monitor, true);
    EXPECT_EQ (panel.getReadoutText ("PHASE"), "-1.00");
    // The bar runs left from the centre in the playhead's red (below -0.5: QC's phase limit).
    const auto image = app::test::paintToImage (panel);
    int red = 0;
    for (int y = 0; y < image.getHeight(); ++y)
        for (int x = 0; x < image.getWidth() / 2; ++x)
            red += app::test::near (image.getPixelAt (x, y), theme::playhead, 12) ? 1 : 0;
    EXPECT_GT (red, 200);
    const auto file = juce::File::getCurrentWorkingDirectory().getChildFile ("artefacts/loudness-panel-phase.png");
    EXPECT_TRUE (Snapshot::writePng (image, file).ok());

    monitor.reset();
    EXPECT_EQ (monitor.phase()->lowest(), 1.0);
}
