// The edit window as a whole: waveforms from peak files built in the background, the counter
// in every timebase, zoom commands, edits heard through the engine, and screenshots at three
// zoom levels for people to look at (<build>/Tests/app/artefacts/edit-*.png).
#include "EditTestSupport.h"
#include "app/Snapshot.h"
#include "app/Theme.h"
#include "app/Timebase.h"

#include "device/NullAudioDeviceType.h"

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;

namespace
{
/** Pixels in `area` brighter than the clip body: the waveform is drawn in a light bus colour. */
int lightPixels (const juce::Image& image, juce::Rectangle<int> area, float brightness)
{
    int count = 0;
    for (int y = area.getY(); y < area.getBottom(); ++y)
        for (int x = area.getX(); x < area.getRight(); ++x)
            if (image.getPixelAt (x, y).getBrightness() > brightness)
                ++count;
    return count;
}
} // namespace

TEST (EditWindowTest, WaveformsAreBuiltInTheBackgroundAndDrawn)
{
    EditFixture f;
    const auto plain = paintToImage (f.main);
    f.main.enableWaveforms (f.demo.folder.path / "cache");
    f.main.getWaveforms()->waitUntilIdle();
    EXPECT_FALSE (f.main.getWaveforms()->progress().busy());
    ASSERT_NE (f.main.getWaveforms()->peaksFor ("m1"), nullptr);
    EXPECT_TRUE (std::filesystem::exists (f.demo.folder.path / "audio" / "dx_a_line1.wav.peaks"))
        << "peak files are kept beside the media";

    const auto image = paintToImage (f.main);
    const auto clip = f.timeline().getClipBounds (0, 0).toNearestInt();
    const auto inTimeline = clip.translated (f.timeline().getX(), f.timeline().getY());
    const auto body = inTimeline.withTrimmedTop (20).reduced (4, 4);
    const float threshold = theme::clipBodyFor (theme::colourForBus ("DX")).getBrightness() + 0.2f;
    EXPECT_GT (lightPixels (image, body, threshold), lightPixels (plain, body, threshold) + 50)
        << "the waveform shows in the clip";
}

TEST (EditWindowTest, ScreenshotsAtThreeZoomLevels)
{
    EditFixture f;
    f.main.enableWaveforms (f.demo.folder.path / "cache");
    f.main.getWaveforms()->waitUntilIdle();
    f.main.getController().selectRange (0, 1, { { 600000 }, { 700000 } });

    f.timeline().zoomToFit();
    ASSERT_TRUE (Snapshot::writePng (paintToImage (f.main), artefact ("edit-fit.png")).ok());

    // About 12 s across: dialogue lines with their waveforms and fades.
    f.timeline().setView (12.0 * 48000.0 / 1390.0, 540000.0);
    ASSERT_TRUE (Snapshot::writePng (paintToImage (f.main), artefact ("edit-medium.png")).ok());

    // About a second across, taller tracks: frame ticks, the fade curve, the waveform's detail.
    f.timeline().setTrackHeight (160);
    f.timeline().setView (1.0 * 48000.0 / 1390.0, 610000.0);
    f.main.getController().setSelection ({});
    f.main.getController().clickClip ({ "t1", "c2" }, false);
    // 35 samples a pixel is past the finest peak level: the first paint asks for the samples.
    paintToImage (f.main);
    f.main.getWaveforms()->waitUntilIdle();
    ASSERT_TRUE (Snapshot::writePng (paintToImage (f.main), artefact ("edit-close.png")).ok());
    EXPECT_TRUE (artefact ("edit-close.png").existsAsFile());
}

TEST (EditWindowTest, ZoomKeysAndVerticalZoom)
{
    EditFixture f;
    const auto fitted = f.timeline().getScale().samplesPerPixel;
    ASSERT_TRUE (f.press (juce::KeyPress ('t')));
    EXPECT_DOUBLE_EQ (f.timeline().getScale().samplesPerPixel, fitted / 2.0);
    ASSERT_TRUE (f.press (juce::KeyPress ('[', ctrl, 0)));
    EXPECT_DOUBLE_EQ (f.timeline().getScale().samplesPerPixel, fitted);

    f.main.getController().selectRange (0, 0, { { 480000 }, { 960000 } });
    ASSERT_TRUE (f.press (juce::KeyPress ('f', juce::ModifierKeys::altModifier, 0)));
    const auto lanes = f.timeline().getLaneArea();
    EXPECT_GE (f.timeline().getScale().xForSample (480000), float (lanes.getX()));
    EXPECT_LE (f.timeline().getScale().xForSample (960000), float (lanes.getRight()));
    EXPECT_LT (f.timeline().getScale().samplesPerPixel, fitted / 4.0);

    const int height = f.timeline().getTrackHeight();
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::upKey, ctrl, 0)));
    EXPECT_GT (f.timeline().getTrackHeight(), height);
    ASSERT_TRUE (f.press (juce::KeyPress ('a', juce::ModifierKeys::altModifier, 0)));
    EXPECT_TRUE (f.timeline().isFittedToWidth());
}

TEST (EditWindowTest, ManyTracksScrollVertically)
{
    EditFixture f;
    f.timeline().setTrackHeight (300);
    const auto lanes = f.timeline().getLaneArea();
    EXPECT_LT (lanes.getRight(), f.timeline().getWidth()) << "room for the vertical scroll bar";
    f.timeline().setVerticalOffset (600);
    EXPECT_EQ (f.timeline().getVerticalOffset(), 600);
    EXPECT_EQ (f.timeline().getTrackHeaderBounds (2).getY(), lanes.getY()) << "track 3 is at the top";
}

TEST (EditWindowTest, CounterShowsEveryTimebase)
{
    EditFixture f;
    f.main.locate (48048); // 1001 frames' worth at 23.976 is 48048 samples per ~1.001 s
    auto& bar = f.main.getTransportBar();
    EXPECT_EQ (bar.getCounterText(), "01:00:01:00");
    ASSERT_TRUE (f.press (juce::KeyPress ('=')));
    EXPECT_EQ (bar.getTimebase(), Timebase::feetFrames);
    EXPECT_EQ (bar.getCounterText(), "1+08");
    f.press (juce::KeyPress ('='));
    EXPECT_EQ (bar.getCounterText(), "48048");
    f.press (juce::KeyPress ('='));
    EXPECT_EQ (bar.getCounterText(), "0:01.001");

    // The ruler follows: min:sec labels from 0:00.000 at the session start.
    f.timeline().zoomToFit();
    const auto lanes = f.timeline().getLaneArea();
    const auto visible = f.timeline().getScale().visibleRange (lanes.getWidth());
    auto labels = f.timeline().getRuler().labelsFor (visible, lanes.getWidth());
    ASSERT_GE (labels.size(), 3u);
    EXPECT_EQ (labels.front().text, "0:00.000");
    EXPECT_EQ (labels[1].text, "0:10.000") << "round steps: 10 s at this zoom";
    f.press (juce::KeyPress ('=')); // bars|beats: 1.001 s at the default 120 bpm is 2.002 beats
    EXPECT_EQ (bar.getCounterText(), "1|3|001");
    f.press (juce::KeyPress ('=')); // back to timecode
    EXPECT_EQ (bar.getCounterText(), "01:00:01:00");
    f.press (juce::KeyPress ('=')); // feet+frames
    labels = f.timeline().getRuler().labelsFor (visible, lanes.getWidth());
    ASSERT_GE (labels.size(), 2u);
    EXPECT_EQ (labels.front().text, "0+00");
    EXPECT_EQ (labels[1].text.substr (labels[1].text.size() - 3), "+00") << "labels on whole feet";
    ASSERT_TRUE (Snapshot::writePng (paintToImage (f.main), artefact ("edit-feet-frames.png")).ok());
}

TEST (EditWindowTest, EditsArePostedToTheEngineWithoutReopeningTheDevice)
{
    EditFixture f;
    Playback::Options options;
    options.deviceName = device::NullAudioDeviceType::deviceName;
    options.offerSilentDevice = true;
    f.main.enablePlayback (options);
    auto* engine = f.main.getPlayback()->getEngine();
    ASSERT_NE (engine, nullptr);
    auto* output = f.main.getPlayback()->getOutput();

    f.click (f.bodyPoint (0, 0));
    ASSERT_TRUE (f.press (juce::KeyPress ('m', ctrl, 0)));
    // The audio thread adopts the plan at its next block; give the silent device a moment.
    for (int i = 0; i < 200 && engine->planSwaps() < 2; ++i)
        juce::Thread::sleep (10);
    EXPECT_GE (engine->planSwaps(), 2);
    EXPECT_EQ (f.main.getPlayback()->getEngine(), engine) << "same engine";
    EXPECT_EQ (f.main.getPlayback()->getOutput(), output) << "same device";
}

TEST (EditWindowTest, ScrollingIsChosenFromTheViewMenu)
{
    EditFixture f;
    const auto ticked = [&] (juce::CommandID id) {
        juce::ApplicationCommandInfo info (id);
        f.main.getCommandInfo (id, info);
        return (info.flags & juce::ApplicationCommandInfo::isTicked) != 0;
    };
    EXPECT_EQ (f.timeline().getScrolling(), TimelineComponent::Scrolling::page) << "Pro Tools' default";
    EXPECT_TRUE (ticked (MainComponent::pageScrollCommand));

    ASSERT_TRUE (f.main.invoke (MainComponent::continuousScrollCommand));
    EXPECT_EQ (f.timeline().getScrolling(), TimelineComponent::Scrolling::continuous);
    EXPECT_TRUE (ticked (MainComponent::continuousScrollCommand));
    EXPECT_FALSE (ticked (MainComponent::pageScrollCommand));

    // Zoomed in and playing, the view now moves under the playhead.
    f.timeline().setView (200.0, 0.0);
    const auto lanes = f.timeline().getLaneArea();
    f.timeline().setPlayhead (1'000'000, true);
    EXPECT_NEAR (f.timeline().getScale().xForSample (1'000'000), float (lanes.getX()) + 0.5f * float (lanes.getWidth()), 0.01f);

    ASSERT_TRUE (f.main.invoke (MainComponent::noScrollCommand));
    EXPECT_TRUE (ticked (MainComponent::noScrollCommand));
    const auto still = f.timeline().getScale().viewStart;
    f.timeline().setPlayhead (2'000'000, true);
    EXPECT_EQ (f.timeline().getScale().viewStart, still);
}
