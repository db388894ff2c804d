#include "AppTestSupport.h"
#include "app/MainComponent.h"
#include "app/SessionLoader.h"
#include "app/Snapshot.h"
#include "app/Theme.h"
#include "app/TimelineComponent.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;

namespace
{
// 1200 px wide at 200 samples per pixel: the lanes start at x = 210 (header width) and
// sample s is drawn at 210 + s / 200. Dialogue's clip [48000, 144000) spans x 450..930.
constexpr int width = 1200;
constexpr int height = 300;
constexpr double samplesPerPixel = 200.0;
constexpr int bodyY = 95; // inside track 0's clip body (y 68..155), below the 17 px name bar

struct Fixture
{
    explicit Fixture (session::Session s = makeTwoTrackSession(), std::set<std::string> offline = {})
    {
        timeline.setSize (width, height);
        timeline.setSession (s, std::move (offline));
        timeline.setView (samplesPerPixel, 0.0);
        image = paintToImage (timeline);
    }

    TimelineComponent timeline;
    juce::Image image;
};

int countPixels (const juce::Image& image, juce::Rectangle<int> area, std::function<bool (juce::Colour)> predicate)
{
    int count = 0;
    for (int y = area.getY(); y < area.getBottom(); ++y)
        for (int x = area.getX(); x < area.getRight(); ++x)
            if (predicate (image.getPixelAt (x, y)))
                ++count;
    return count;
}
} // namespace

TEST (TimelineComponentTest, ClipIsDrawnAtItsPositionInItsBusColour)
{
    Fixture f;
    const auto body = theme::clipBodyFor (theme::colourForBus ("DX"));

    const float expectedStart = float (TimelineComponent::headerWidth) + 48000.0f / float (samplesPerPixel);
    const float expectedEnd = expectedStart + 96000.0f / float (samplesPerPixel);
    ASSERT_FLOAT_EQ (expectedStart, 450.0f);
    const auto bounds = f.timeline.getClipBounds (0, 0);
    EXPECT_FLOAT_EQ (bounds.getX(), expectedStart);
    EXPECT_FLOAT_EQ (bounds.getRight(), expectedEnd);

    EXPECT_TRUE (near (f.image.getPixelAt (690, bodyY), body)) << f.image.getPixelAt (690, bodyY).toString();

    // Along the row, the clip colour appears exactly between the clip's edges (the 1 px border aside).
    int first = -1, last = -1;
    for (int x = TimelineComponent::headerWidth; x < width; ++x)
        if (near (f.image.getPixelAt (x, bodyY), body))
        {
            if (first < 0)
                first = x;
            last = x;
        }
    EXPECT_NEAR (first, expectedStart, 2.0);
    EXPECT_NEAR (last, expectedEnd, 2.0);

    EXPECT_TRUE (near (f.image.getPixelAt (int (expectedStart) - 10, bodyY), theme::laneBackground));
    EXPECT_TRUE (near (f.image.getPixelAt (int (expectedEnd) + 10, bodyY), theme::laneBackground));
}

TEST (TimelineComponentTest, ClipsOfOtherBusesGetTheirOwnColour)
{
    Fixture f;
    const auto fx = theme::clipBodyFor (theme::colourForBus ("FX"));
    EXPECT_FALSE (near (fx, theme::clipBodyFor (theme::colourForBus ("DX")), 10));
    // Effects' clip spans x 810..1110; x 1000 is past its fade-in (810..910).
    const auto bounds = f.timeline.getClipBounds (1, 0);
    const int y = int (bounds.getBottom()) - 10;
    EXPECT_TRUE (near (f.image.getPixelAt (1000, y), fx)) << f.image.getPixelAt (1000, y).toString();
}

TEST (TimelineComponentTest, TrackHeaderShowsText)
{
    Fixture f;
    const auto header = f.timeline.getTrackHeaderBounds (0);
    const auto nameArea = juce::Rectangle<int> (header.getX() + 14, header.getY() + 9, 120, 22);
    const int bright = countPixels (f.image, nameArea, [] (juce::Colour c) { return c.getBrightness() > 0.6f; });
    EXPECT_GT (bright, 30) << "the track name should be drawn in light text";

    const auto formatArea = nameArea.translated (0, 22);
    const int grey = countPixels (f.image, formatArea, [] (juce::Colour c) {
        return ! near (c, theme::headerBackground, 12);
    });
    EXPECT_GT (grey, 20) << "channel format and output bus line";
}

TEST (TimelineComponentTest, FadeInShadesAboveItsCurve)
{
    Fixture f;
    const auto bounds = f.timeline.getClipBounds (1, 0);
    const auto fx = theme::clipBodyFor (theme::colourForBus ("FX"));
    const float bodyTop = bounds.getY() + 17.0f;
    const float bodyHeight = bounds.getBottom() - bodyTop;

    // Linear fade of 100 px: half way in the gain is 0.5, so the curve is at mid-height.
    const int x = int (bounds.getX()) + 50;
    const auto above = f.image.getPixelAt (x, int (bodyTop + 0.2f * bodyHeight));
    const auto below = f.image.getPixelAt (x, int (bodyTop + 0.8f * bodyHeight));
    EXPECT_LT (above.getBrightness(), fx.getBrightness() - 0.05f) << above.toString();
    EXPECT_TRUE (near (below, fx)) << below.toString();
}

TEST (TimelineComponentTest, MutedClipIsGrey)
{
    auto s = makeTwoTrackSession();
    s.tracks[0].clips[0].mute = true;
    Fixture f (s);
    EXPECT_TRUE (near (f.image.getPixelAt (690, bodyY), theme::mutedBody));
}

TEST (TimelineComponentTest, OfflineClipIsHatchedRed)
{
    Fixture f (makeTwoTrackSession(), { "m1" });
    const auto body = juce::Rectangle<int> (460, 72, 460, 36);
    const int dx = countPixels (f.image, body, [] (juce::Colour c) {
        return near (c, theme::clipBodyFor (theme::colourForBus ("DX")));
    });
    const int offline = countPixels (f.image, body, [] (juce::Colour c) { return near (c, theme::offlineBody); });
    const int reddish = countPixels (f.image, body, [] (juce::Colour c) {
        return c.getRed() > c.getGreen() + 40 && ! near (c, theme::offlineBody);
    });
    EXPECT_EQ (dx, 0);
    EXPECT_GT (offline, body.getWidth() * body.getHeight() / 3);
    EXPECT_GT (reddish, body.getWidth() * body.getHeight() / 20) << "hatching";
}

TEST (TimelineComponentTest, PlayheadAndMarkerAreDrawn)
{
    Fixture f;
    const auto playhead = f.image.getPixelAt (TimelineComponent::headerWidth + 1, bodyY);
    EXPECT_TRUE (near (playhead, theme::playhead, 10)) << playhead.toString();

    // The marker at sample 20000 is at x = 210 + 100; its line tints the lane yellow.
    const auto line = f.image.getPixelAt (310, bodyY);
    EXPECT_GT (line.getRed(), theme::laneBackground.getRed() + 30);
    EXPECT_GT (line.getRed(), line.getBlue() + 30);
}

TEST (TimelineComponentTest, PlayheadMovesRepaintingOnlyItsStrips)
{
    Fixture f;
    f.timeline.setPlayhead (100000); // x = 210 + 500
    EXPECT_EQ (f.timeline.getPlayhead(), 100000);
    const auto image = paintToImage (f.timeline);
    EXPECT_TRUE (near (image.getPixelAt (710, bodyY + 60), theme::playhead, 10)) << image.getPixelAt (710, bodyY + 60).toString();
    EXPECT_FALSE (near (image.getPixelAt (TimelineComponent::headerWidth + 1, bodyY + 60), theme::playhead, 10));

    // The strip covers the line and the 12 px head, and only that.
    const auto strip = f.timeline.getPlayheadArea (100000);
    EXPECT_TRUE (strip.contains (704, 0) && strip.contains (716, 0));
    EXPECT_LE (strip.getWidth(), 16);
    EXPECT_EQ (strip.getBottom(), f.timeline.getLaneArea().getBottom());
}

TEST (TimelineComponentTest, FollowingPlayheadTurnsThePageOnlyWhenZoomedIn)
{
    Fixture f;
    f.timeline.setView (50.0, 0.0); // 990 px of lanes show samples 0..49500 of the 183600 there are
    f.timeline.setPlayhead (100000, false);
    EXPECT_EQ (f.timeline.getScale().viewStart, 0.0) << "not following: the view stays";

    f.timeline.setPlayhead (110000, true);
    const auto& scale = f.timeline.getScale();
    const float x = scale.xForSample (110000);
    const auto lanes = f.timeline.getLaneArea();
    EXPECT_GT (scale.viewStart, 0.0);
    EXPECT_GE (x, float (lanes.getX()));
    EXPECT_LT (x, float (lanes.getX() + lanes.getWidth() / 10)) << "the playhead lands near the left edge";

    f.timeline.zoomToFit();
    const auto fitted = f.timeline.getScale().viewStart;
    f.timeline.setPlayhead (10000, true);
    EXPECT_EQ (f.timeline.getScale().viewStart, fitted);
    EXPECT_TRUE (f.timeline.isFittedToWidth());
}

TEST (TimelineComponentTest, ContinuousScrollingHoldsThePlayheadInTheMiddle)
{
    Fixture f;
    f.timeline.setScrolling (TimelineComponent::Scrolling::continuous);
    f.timeline.setView (50.0, 0.0); // 990 px of lanes show 49500 of the 183600 samples
    const auto lanes = f.timeline.getLaneArea();
    const float middle = float (lanes.getX()) + 0.5f * float (lanes.getWidth());
    const auto& scale = f.timeline.getScale();

    // Before the middle is reached the view cannot start before the session: it stays put.
    f.timeline.setPlayhead (10000, true);
    EXPECT_EQ (scale.viewStart, 0.0);

    // Every step after that moves the view under a playhead held at the middle.
    for (int64_t position : { 60000, 60050, 61234, 100000 })
    {
        f.timeline.setPlayhead (position, true);
        EXPECT_NEAR (scale.xForSample (position), middle, 0.01f) << position;
        EXPECT_EQ (f.timeline.getPlayhead(), position);
    }
    const auto image = paintToImage (f.timeline);
    EXPECT_TRUE (near (image.getPixelAt (int (middle), bodyY + 60), theme::playhead, 10))
        << image.getPixelAt (int (middle), bodyY + 60).toString();

    // At the end the view stops and the playhead runs on to the right.
    f.timeline.setPlayhead (180000, true);
    EXPECT_NEAR (scale.viewStart + double (lanes.getWidth()) * scale.samplesPerPixel, 183600.0, 1.0);
    EXPECT_GT (scale.xForSample (180000), middle + 100.0f);

    // Not following (stopped: a click, a nudge) never scrolls.
    const auto still = scale.viewStart;
    f.timeline.setPlayhead (120000, false);
    EXPECT_EQ (scale.viewStart, still);
}

TEST (TimelineComponentTest, NoScrollingLeavesTheViewWhereItIs)
{
    Fixture f;
    f.timeline.setScrolling (TimelineComponent::Scrolling::none);
    f.timeline.setView (50.0, 0.0);
    f.timeline.setPlayhead (110000, true); // far off the right edge
    EXPECT_EQ (f.timeline.getScale().viewStart, 0.0);
    EXPECT_EQ (f.timeline.getPlayhead(), 110000);
}

TEST (TimelineComponentTest, FitsTheSessionIntoTheWidthByDefault)
{
    TimelineComponent timeline;
    timeline.setSize (width, height);
    timeline.setSession (makeTwoTrackSession());
    EXPECT_TRUE (timeline.isFittedToWidth());

    const float end = timeline.getScale().xForSample (180000); // end of the last clip
    EXPECT_LE (end, float (width));
    EXPECT_GE (end, float (width) - 0.05f * float (timeline.getLaneArea().getWidth()));

    // Staying fitted on resize.
    timeline.setSize (800, height);
    EXPECT_LE (timeline.getScale().xForSample (180000), 800.0f);
    EXPECT_GE (timeline.getScale().xForSample (180000), 760.0f);
}

TEST (TimelineComponentTest, ZoomKeepsTheSampleUnderTheMouse)
{
    TimelineComponent timeline;
    timeline.setSize (width, height);
    timeline.setSession (makeTwoTrackSession());
    timeline.setView (100.0, 10000.0);

    const double anchor = timeline.getScale().sampleForX (float (TimelineComponent::headerWidth) + 300.0f);
    timeline.zoomAround (300.0f, 0.5);
    EXPECT_FALSE (timeline.isFittedToWidth());
    EXPECT_DOUBLE_EQ (timeline.getScale().samplesPerPixel, 50.0);
    EXPECT_NEAR (timeline.getScale().sampleForX (float (TimelineComponent::headerWidth) + 300.0f), anchor, 1e-6);

    timeline.zoomToFit();
    EXPECT_TRUE (timeline.isFittedToWidth());
    EXPECT_DOUBLE_EQ (timeline.getScale().viewStart, 0.0);
}

TEST (TimelineComponentTest, RulerStartsAtTheStartTimecode)
{
    Fixture f;
    const auto lanes = f.timeline.getLaneArea();
    const auto labels = f.timeline.getRuler().labelsFor (f.timeline.getScale().visibleRange (lanes.getWidth()),
                                                         lanes.getWidth());
    ASSERT_FALSE (labels.empty());
    EXPECT_EQ (labels.front().text, "01:00:00:00");
    EXPECT_FLOAT_EQ (labels.front().x, 0.0f);

    const auto textArea = juce::Rectangle<int> (TimelineComponent::headerWidth + 6, 4, 80, 16);
    const int bright = countPixels (f.image, textArea, [] (juce::Colour c) { return c.getBrightness() > 0.6f; });
    EXPECT_GT (bright, 30) << "the first ruler label is drawn";
}

TEST (TimelineComponentTest, ChannelFormatNames)
{
    EXPECT_EQ (TimelineComponent::channelFormatName (1), "Mono");
    EXPECT_EQ (TimelineComponent::channelFormatName (2), "Stereo");
    EXPECT_EQ (TimelineComponent::channelFormatName (6), "5.1");
    EXPECT_EQ (TimelineComponent::channelFormatName (8), "7.1");
    EXPECT_EQ (TimelineComponent::channelFormatName (4), "4 ch");
}

TEST (TimelineComponentTest, BusColoursFollowTheStem)
{
    EXPECT_EQ (theme::colourForBus ("dx"), theme::colourForBus ("DX"));
    EXPECT_EQ (theme::colourForBus ("FOL2"), theme::colourForBus ("FOL"));
    EXPECT_EQ (theme::colourForBus ("master"), theme::colourForBus ("VO"));
    EXPECT_NE (theme::colourForBus ("MX"), theme::colourForBus ("FX"));
    EXPECT_NE (theme::colourForBus ("BG"), theme::colourForBus ("FOL"));
}

TEST (TimelineComponentTest, EmptySessionPaintsWithoutTracks)
{
    TimelineComponent timeline;
    timeline.setSize (width, height);
    timeline.setSession (session::Session {});
    const auto image = paintToImage (timeline);
    EXPECT_TRUE (image.isValid());
}

TEST (TimelineComponentTest, WritesAZoomedInScreenshotOfTheDemo)
{
    // A screenshot for people: the demo at about 4 seconds across, where frame ticks,
    // fade curves and wrapped dialogue lines show. Written to <build>/Tests/app/artefacts.
    auto loaded = SessionLoader::open (demoSessionPath());
    ASSERT_TRUE (loaded.document.has_value()) << SessionLoader::describe (loaded.problems);

    MainComponent main;
    main.showDocument (*loaded.document);
    main.setSize (1600, 900);
    main.getTimeline().setView (4.0 * 48000.0 / 1390.0, 3.2 * 48000.0);
    const auto image = paintToImage (main);

    const auto file = juce::File::getCurrentWorkingDirectory().getChildFile ("artefacts/timeline-zoomed.png");
    ASSERT_TRUE (Snapshot::writePng (image, file).ok());
    EXPECT_TRUE (file.existsAsFile());

    const auto lanes = main.getTimeline().getLaneArea();
    const auto labels = main.getTimeline().getRuler().labelsFor (
        main.getTimeline().getScale().visibleRange (lanes.getWidth()), lanes.getWidth());
    ASSERT_GE (labels.size(), 2u);
    EXPECT_EQ (labels.front().text.substr (0, 8), "01:00:03"); // 23.976: 3.2 s is in timecode second 3
}
