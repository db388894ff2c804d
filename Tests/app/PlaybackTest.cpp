#include "app/Playback.h"
#include "EditTestSupport.h"
#include "app/MainComponent.h"
#include "app/Snapshot.h"
#include "app/Theme.h"
#include "device/NullAudioDevice.h"
#include "device/NullAudioDeviceType.h"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <thread>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;

namespace
{
const juce::String silently = juce::String::fromUTF8 ("Audio: no output device \xe2\x80\x94 playing silently");

struct PlayingDemo
{
    PlayingDemo()
    {
        auto loaded = SessionLoader::open (demoSessionPath());
        EXPECT_TRUE (loaded.document.has_value()) << SessionLoader::describe (loaded.problems);
        main.setSize (1600, 900);
        main.setShowsAlerts (false);
        if (loaded.document)
            main.showDocument (*loaded.document);
        main.enablePlayback (silentOutput());
    }

    Playback& playback() { return *main.getPlayback(); }

    MainComponent main;
};
} // namespace

TEST (PlaybackTest, SpacePlaysAndThePlayheadFollowsTheEngine)
{
    PlayingDemo demo;
    auto& main = demo.main;
    ASSERT_NE (main.getPlayback(), nullptr);
    EXPECT_TRUE (demo.playback().isLoaded());
    EXPECT_EQ (main.getAudioStatusText(), silently);
    EXPECT_EQ (main.getTransportText(), juce::String::fromUTF8 ("\xe2\x96\xa0  01:00:00:00"));
    EXPECT_EQ (main.getTimeline().getPlayhead(), 0);

    main.togglePlay();
    ASSERT_TRUE (stepUntil (main, [&] { return main.getTimeline().getPlayhead() > 48000; }));
    EXPECT_TRUE (demo.playback().isPlaying());
    EXPECT_TRUE (main.getTransportText().startsWith (juce::String::fromUTF8 ("\xe2\x96\xb6  01:00:0")))
        << main.getTransportText();

    // The playhead is drawn where the engine is, not at the start any more.
    const auto image = paintToImage (main);
    const auto& timeline = main.getTimeline();
    const int x = int (std::round (timeline.getScale().xForSample (timeline.getPlayhead())));
    const int y = timeline.getLaneArea().getBottom() - 4;
    bool found = false;
    for (int dx = -2; dx <= 2; ++dx)
        found = found || near (image.getPixelAt (x + dx, y), theme::playhead, 10);
    EXPECT_TRUE (found) << "no playhead at x = " << x;
    EXPECT_FALSE (near (image.getPixelAt (TimelineComponent::headerWidth + 1, y), theme::playhead, 10));

    main.togglePlay();
    ASSERT_TRUE (stepUntil (main, [&] { return ! demo.playback().isPlaying(); }));
    EXPECT_TRUE (main.getTransportText().startsWith (juce::String::fromUTF8 ("\xe2\x96\xa0")));
    const auto stoppedAt = main.getTimeline().getPlayhead();
    EXPECT_GT (stoppedAt, 48000);

    main.returnToStart();
    ASSERT_TRUE (stepUntil (main, [&] { return main.getTimeline().getPlayhead() == 0; }));
    EXPECT_EQ (main.getTransportText(), juce::String::fromUTF8 ("\xe2\x96\xa0  01:00:00:00"));
    EXPECT_TRUE (main.getLastProblem().isEmpty());
}

TEST (PlaybackTest, DeviceFailureStopsPlaybackAndTellsTheUser)
{
    PlayingDemo demo;
    auto& main = demo.main;
    main.togglePlay();
    ASSERT_TRUE (stepUntil (main, [&] { return main.getTimeline().getPlayhead() > 4800; }));

    auto* device = demo.playback().getOutput()->silentDevice();
    ASSERT_NE (device, nullptr);
    device->simulateFailure ("USB interface unplugged");
    ASSERT_TRUE (stepUntil (main, [&] { return main.getAudioStatusText().startsWith ("Audio: stopped"); }));

    EXPECT_FALSE (demo.playback().isPlaying());
    EXPECT_TRUE (main.getTransportText().startsWith (juce::String::fromUTF8 ("\xe2\x96\xa0")));
    EXPECT_EQ (main.getLastProblem(),
               "Playback stopped: the audio device 'No audio output' reported an error: USB interface unplugged.");
    EXPECT_TRUE (main.getAudioStatusText().contains ("USB interface unplugged")) << main.getAudioStatusText();
    // For people: how the status bar reads after a failure (<build>/Tests/app/artefacts).
    const auto file = juce::File::getCurrentWorkingDirectory().getChildFile ("artefacts/playback-device-failed.png");
    EXPECT_TRUE (Snapshot::writePng (paintToImage (main), file).ok());

    // Space again reopens the output and plays on from where it stopped.
    const auto stoppedAt = main.getTimeline().getPlayhead();
    main.togglePlay();
    ASSERT_TRUE (stepUntil (main, [&] { return main.getTimeline().getPlayhead() > stoppedAt + 4800; }));
    EXPECT_EQ (main.getAudioStatusText(), silently);
    main.togglePlay();
}

TEST (PlaybackTest, AFailureFoundByTheDeviceManagersMessagesStillReachesTheUser)
{
    PlayingDemo demo;
    auto& main = demo.main;
    main.togglePlay();
    ASSERT_TRUE (stepUntil (main, [&] { return demo.playback().isPlaying(); }));

    // The device leaves the list; the manager's change message runs DeviceOutput::poll()
    // before the app's timer does, so the timer's own poll finds nothing new.
    auto* output = demo.playback().getOutput();
    output->silentDeviceType()->simulateRemoval();
    ASSERT_TRUE (output->poll().has_value());
    main.updateFromEngine();
    EXPECT_EQ (main.getLastProblem(), "Playback stopped: the audio device 'No audio output' is no longer available.");
    EXPECT_FALSE (demo.playback().isPlaying());
}

TEST (PlaybackTest, AMissingDeviceLeavesPlaybackOffAndSaysWhy)
{
    auto loaded = SessionLoader::open (demoSessionPath());
    ASSERT_TRUE (loaded.document.has_value());
    MainComponent main;
    main.setShowsAlerts (false);
    main.showDocument (*loaded.document);
    Playback::Options options;
    options.deviceName = "bogus";
    main.enablePlayback (options);
    EXPECT_TRUE (main.getAudioStatusText().startsWith (
        juce::String::fromUTF8 ("Audio: off \xe2\x80\x94 no audio device named 'bogus' (available: ")))
        << main.getAudioStatusText();

    main.togglePlay();
    main.updateFromEngine();
    EXPECT_FALSE (main.getPlayback()->isPlaying());
    EXPECT_TRUE (main.getLastProblem().startsWith ("Cannot play: no audio device named 'bogus'")) << main.getLastProblem();
}

TEST (PlaybackTest, WithoutPlaybackNothingOpensOrPlays)
{
    // What --snapshot and the component tests use: no device, no timer, keys do nothing.
    MainComponent main;
    main.showDocument ({ makeTwoTrackSession(), {}, {} });
    main.togglePlay();
    main.returnToStart();
    EXPECT_EQ (main.getPlayback(), nullptr);
    EXPECT_TRUE (main.getAudioStatusText().isEmpty());
    EXPECT_TRUE (main.getTransportText().isEmpty());
    EXPECT_EQ (main.getTimeline().getPlayhead(), 0);
}

TEST (PlaybackTest, ARangePlaysOnceOrLoopsWithLoopPlayback)
{
    PlayingDemo demo;
    auto& main = demo.main;
    const int64_t start = 96000, end = 120000; // half a second at 48 kHz
    main.getController().selectRange (0, 1, { core::SamplePosition { start }, core::SamplePosition { end } });

    // Without Loop Playback space plays the range and stops at its end (the engine's 5 ms
    // declick fade runs just past it).
    const int64_t declick = 48000 * 5 / 1000;
    ASSERT_FALSE (main.isLooping());
    main.togglePlay();
    ASSERT_TRUE (stepUntil (main, [&] { return demo.playback().isPlaying(); }));
    ASSERT_TRUE (stepUntil (main, [&] { return ! demo.playback().isPlaying(); }));
    EXPECT_GE (main.getTimeline().getPlayhead(), end);
    EXPECT_LE (main.getTimeline().getPlayhead(), end + declick);

    // With it (ctrl+shift+L) the playhead runs to the end, jumps back to the start, and again.
    ASSERT_TRUE (main.invoke (MainComponent::loopPlaybackCommand));
    ASSERT_TRUE (main.isLooping());
    main.togglePlay();
    int wraps = 0;
    int64_t previous = -1, lowest = end, highest = start;
    const bool looped = stepUntil (main, [&] {
        const auto now = main.getTimeline().getPlayhead();
        if (previous >= 0 && now < previous)
            ++wraps;
        if (demo.playback().isPlaying())
        {
            lowest = std::min (lowest, now);
            highest = std::max (highest, now);
        }
        previous = now;
        return wraps >= 2;
    });
    EXPECT_TRUE (looped) << "wrapped " << wraps << " times";
    EXPECT_TRUE (demo.playback().isPlaying()) << "a loop plays on";
    EXPECT_GE (lowest, start);
    EXPECT_LE (highest, end);
    EXPECT_GT (highest, start + (end - start) / 2) << "it played through the range before wrapping";
    main.togglePlay();
    ASSERT_TRUE (stepUntil (main, [&] { return ! demo.playback().isPlaying(); }));
}
