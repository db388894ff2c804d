// Automation on the timeline and from the mixer: a track shown in volume view takes breakpoints
// from real mouse events (click adds, drag moves, alt-click deletes, ctrl-drag draws), Delete
// clears a range, Edit > Thin Automation thins it, each one undo step back to identical JSON;
// AutomationPass turns fader moves during playback into lanes in each write mode; a real pass
// through the window writes a touch lane; screenshot <build>/Tests/app/artefacts/automation-lanes.png.
#include "EditTestSupport.h"

#include "app/AutomationLanePainter.h"
#include "app/AutomationPass.h"
#include "app/DbScale.h"
#include "session/AutomationEdits.h"
#include "session/SessionJson.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;
using session::StripRef;

namespace
{
const session::AutomationLane* laneOf (const session::Session& s, const std::string& track, const std::string& key)
{
    return session::findLane (s, StripRef::track (track), key);
}

/** The edit window with the first track (DX, 0 dB) shown in volume view. */
struct VolumeViewFixture : EditFixture
{
    VolumeViewFixture()
    {
        main.setAutomationView ("t1", "gain_db");
        parameter = *session::findAutomatableParameter (session(), StripRef::track ("t1"), "gain_db");
    }

    juce::Rectangle<float> area() { return timeline().getAutomationArea (0); }
    float xAt (int64_t sample) { return timeline().getScale().xForSample (sample); }
    float yAt (double db) { return AutomationLanePainter::yForValue (parameter, db, area()); }
    /** The dB a click at y writes: the lane's scale, rounded to 0.1 dB as the fader rounds. */
    double dbAt (float y) { return AutomationLanePainter::valueForY (parameter, y, area()); }
    int64_t sampleAt (float x) { return int64_t (std::llround (timeline().getScale().sampleForX (x))); }

    session::AutomatableParameter parameter;
};
} // namespace

TEST (AutomationLanePainter, ValuesMapToTheLaneAndBack)
{
    const juce::Rectangle<float> area (0.0f, 100.0f, 500.0f, 200.0f);
    const session::AutomatableParameter volume { "gain_db", "Volume", "dB", -200.0, 24.0, 0.0, false };
    // The fader's law: +12 dB at the top, -inf at the bottom, 0 dB three quarters up.
    EXPECT_FLOAT_EQ (AutomationLanePainter::yForValue (volume, 12.0, area), 100.0f);
    EXPECT_FLOAT_EQ (AutomationLanePainter::yForValue (volume, 0.0, area), 150.0f);
    EXPECT_FLOAT_EQ (AutomationLanePainter::yForValue (volume, -144.0, area), 300.0f);
    EXPECT_DOUBLE_EQ (AutomationLanePainter::valueForY (volume, 150.0f, area), 0.0);
    const session::AutomatableParameter pan { "pan", "Pan", "", -1.0, 1.0, 0.0, false };
    EXPECT_FLOAT_EQ (AutomationLanePainter::yForValue (pan, -1.0, area), 100.0f); // left at the top
    EXPECT_DOUBLE_EQ (AutomationLanePainter::valueForY (pan, 300.0f, area), 1.0);
    const session::AutomatableParameter mute { "mute", "Mute", "", 0.0, 1.0, 0.0, true };
    EXPECT_DOUBLE_EQ (AutomationLanePainter::valueForY (mute, 280.0f, area), 1.0); // muted at the bottom
    EXPECT_DOUBLE_EQ (AutomationLanePainter::valueForY (mute, 120.0f, area), 0.0);
    EXPECT_EQ (AutomationLanePainter::valueText (volume, -6.04), "-6.0 dB");
    EXPECT_EQ (AutomationLanePainter::valueText (pan, -0.4), "L 40");
    EXPECT_EQ (AutomationLanePainter::valueText (mute, 1.0), "muted");
}

TEST (AutomationLaneTest, ClickAddsABreakpointAfterTheStaticValueAndUndoes)
{
    VolumeViewFixture f;
    const auto before = jsonOf (f.session());
    const auto clips = f.session().tracks[0].clips;
    const juce::Point<float> at { f.xAt (480000), f.yAt (-10.0) };
    EXPECT_EQ (f.timeline().hitTest (at).part, TimelineComponent::Hit::Part::automationLane);
    f.click (at);

    const auto* lane = laneOf (f.session(), "t1", "gain_db");
    ASSERT_NE (lane, nullptr);
    ASSERT_EQ (lane->size(), 2u);
    // The line before the new point is what played before: the fader's 0 dB from the start.
    EXPECT_EQ ((*lane)[0], (session::AutomationPoint { 0, 0.0 }));
    EXPECT_EQ ((*lane)[1].position, f.sampleAt (at.x));
    EXPECT_NEAR ((*lane)[1].value, -10.0, 0.3);
    EXPECT_DOUBLE_EQ ((*lane)[1].value, f.dbAt (at.y));
    EXPECT_EQ (f.main.getDocument()->undoName(), "Add Breakpoint");
    // The clips under the line stay where they were.
    EXPECT_EQ (f.session().tracks[0].clips, clips);

    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (jsonOf (f.session()), before);
}

TEST (AutomationLaneTest, DraggingABreakpointMovesItAndAltClickDeletesIt)
{
    VolumeViewFixture f;
    f.click ({ f.xAt (480000), f.yAt (-10.0) });
    f.click ({ f.xAt (960000), f.yAt (-3.0) });
    ASSERT_EQ (laneOf (f.session(), "t1", "gain_db")->size(), 3u);
    const auto added = (*laneOf (f.session(), "t1", "gain_db"))[1];
    const auto withThree = jsonOf (f.session());

    // Grab the middle point and pull it later and down; it stays before its right neighbour.
    const juce::Point<float> grab { f.xAt (added.position), f.yAt (added.value) };
    ASSERT_EQ (f.timeline().hitTest (grab).part, TimelineComponent::Hit::Part::automationPoint);
    const juce::Point<float> to { f.xAt (720000), f.yAt (-20.0) };
    f.drag (grab, to);
    auto lane = *laneOf (f.session(), "t1", "gain_db");
    ASSERT_EQ (lane.size(), 3u);
    EXPECT_EQ (lane[1].position, f.sampleAt (to.x));
    EXPECT_DOUBLE_EQ (lane[1].value, f.dbAt (to.y));
    EXPECT_EQ (f.main.getDocument()->undoName(), "Move Breakpoint");

    // Dragged past the next point it stops on it.
    f.drag ({ f.xAt (lane[1].position), f.yAt (lane[1].value) }, { f.xAt (1400000), f.yAt (-20.0) });
    lane = *laneOf (f.session(), "t1", "gain_db");
    EXPECT_EQ (lane[1].position, lane[2].position);

    // Alt-click deletes it.
    f.click ({ f.xAt (lane[1].position) - 1.0f, f.yAt (lane[1].value) }, juce::ModifierKeys::altModifier);
    lane = *laneOf (f.session(), "t1", "gain_db");
    ASSERT_EQ (lane.size(), 2u);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Delete Breakpoint");

    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (jsonOf (f.session()), withThree);
}

TEST (AutomationLaneTest, CtrlDragDrawsAThinnedStrokeAndDeleteClearsARange)
{
    VolumeViewFixture f;
    const auto before = jsonOf (f.session());
    const auto clips = f.session().tracks[0].clips;
    // A straight stroke from -20 dB to -5 dB drawn in 40 mouse steps keeps only its ends.
    const juce::Point<float> from { f.xAt (240000), f.yAt (-20.0) };
    const juce::Point<float> to { f.xAt (1200000), f.yAt (-5.0) };
    const auto held = juce::ModifierKeys (ctrl | juce::ModifierKeys::leftButtonModifier);
    f.timeline().mouseDown (f.event (from, from, held));
    for (int step = 1; step <= 40; ++step)
        f.timeline().mouseDrag (f.event (from + (to - from) * (float (step) / 40.0f), from, held, 1, true));
    f.timeline().mouseUp (f.event (to, from, juce::ModifierKeys (ctrl), 1, true));
    auto lane = *laneOf (f.session(), "t1", "gain_db");
    EXPECT_EQ (f.main.getDocument()->undoName(), "Draw Automation");
    ASSERT_GE (lane.size(), 2u);
    EXPECT_LT (lane.size(), 12u) << "the stroke was not thinned";
    EXPECT_EQ (lane.front().position, f.sampleAt (from.x));
    EXPECT_EQ (lane.back().position, f.sampleAt (to.x));
    EXPECT_DOUBLE_EQ (lane.front().value, f.dbAt (from.y));
    EXPECT_DOUBLE_EQ (lane.back().value, f.dbAt (to.y));

    // A range over the track, then Delete: the breakpoints inside go, the line outside stays.
    const int64_t start = 480000, end = 960000;
    f.main.getController().selectRange (0, 0, { { start }, { end } });
    const auto drawn = lane;
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::deleteKey)));
    lane = *laneOf (f.session(), "t1", "gain_db");
    EXPECT_EQ (f.main.getDocument()->undoName(), "Delete Automation");
    for (auto& point : lane)
        EXPECT_TRUE (point.position <= start || point.position >= end) << point.position;
    for (int64_t p : { int64_t (0), int64_t (300000), start, end, int64_t (1100000), int64_t (2000000) })
        EXPECT_NEAR (session::automationValueAt (lane, p), session::automationValueAt (drawn, p), 1e-9) << p;
    // Audio is untouched by a Delete in automation view.
    EXPECT_EQ (f.session().tracks[0].clips, clips);

    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (jsonOf (f.session()), before);
}

TEST (AutomationLaneTest, ThinAutomationKeepsTheLineWithinHalfADecibel)
{
    VolumeViewFixture f;
    // A written ride: a point every 480 samples of a slow sine, as a touch pass leaves it.
    session::AutomationLane ride;
    for (int64_t p = 0; p <= 960000; p += 480)
        ride.push_back ({ p, -10.0 + 3.0 * std::sin (double (p) / 96000.0) });
    ASSERT_TRUE (f.main.getDocument()
                     ->perform ("Ride",
                                [&] (session::SessionEditor& e) {
                                    return session::setAutomationLane (e, StripRef::track ("t1"), "gain_db", ride);
                                })
                     .ok());
    f.main.getController().selectRange (0, 0, { {}, {} }); // a cursor on the track: the whole lane
    ASSERT_TRUE (f.press (juce::KeyPress ('t', ctrl | juce::ModifierKeys::altModifier, 0)));
    const auto lane = *laneOf (f.session(), "t1", "gain_db");
    EXPECT_EQ (f.main.getDocument()->undoName(), "Thin Automation");
    EXPECT_LT (lane.size(), ride.size() / 20);
    for (int64_t p = 0; p <= 960000; p += 240)
        ASSERT_NEAR (session::automationValueAt (lane, p), session::automationValueAt (ride, p), 0.5) << p;
}

TEST (AutomationLaneTest, ScreenshotOfVolumeAndPanLanes)
{
    VolumeViewFixture f;
    f.main.setAutomationView ("t4", "gain_db");
    f.main.setAutomationView ("t6", "pan");
    f.click ({ f.xAt (600000), f.yAt (-8.0) });
    f.click ({ f.xAt (900000), f.yAt (-8.0) });
    f.click ({ f.xAt (1000000), f.yAt (2.0) });
    ASSERT_TRUE (f.main.setAutomationMode (StripRef::track ("t1"), session::AutomationMode::touch));
    ASSERT_TRUE (f.main.setAutomationMode (StripRef::track ("t6"), session::AutomationMode::latch));
    ASSERT_TRUE (f.main.getDocument()
                     ->perform ("Pan",
                                [] (session::SessionEditor& e) {
                                    return session::setAutomationLane (e, StripRef::track ("t6"), "pan",
                                                                       { { 0, -0.8 }, { 1440000, 0.8 }, { 2400000, 0.0 } });
                                })
                     .ok());
    const auto image = paintToImage (f.main);
    auto file = artefact ("automation-lanes.png");
    file.getParentDirectory().createDirectory();
    file.deleteFile();
    juce::FileOutputStream out (file);
    ASSERT_TRUE (juce::PNGImageFormat().writeImageToStream (image, out));
    // The line is drawn in the lane, in automation yellow, where the lane's value puts it.
    const int x = int (f.xAt (100000));
    const int y =
        int (std::round (f.yAt (session::automationValueAt (*laneOf (f.session(), "t1", "gain_db"), f.sampleAt (float (x))))));
    bool yellow = false;
    for (int dy = -2; dy <= 2; ++dy)
    {
        // The image is of the whole window; the lane's coordinates are the timeline's.
        const auto pixel = image.getPixelAt (x + f.timeline().getX(), y + dy + f.timeline().getY());
        yellow = yellow || (pixel.getRed() > 150 && pixel.getGreen() > 110 && pixel.getBlue() < 100);
    }
    EXPECT_TRUE (yellow) << "no lane line at " << x << ", " << y << ": " << image.getPixelAt (x, y).toDisplayString (false);
}

// AutomationPass: what each mode writes from a scripted fader gesture --------------------------

namespace
{
session::Session passSession (session::AutomationMode mode, session::AutomationLane existing = {})
{
    auto s = makeTwoTrackSession();
    s.tracks[0].automationMode = mode;
    s.tracks[0].gainDb = -4.0;
    if (! existing.empty())
        s.tracks[0].automation["gain_db"] = existing;
    return s;
}

/** Play from 0; touch at 1 s at -4 dB, ride down to -10 dB by 1.5 s, release at 2 s, stop at 4 s. */
std::vector<session::StripLane> runGesture (AutomationPass& pass, const session::Session& s)
{
    pass.begin (s, 0);
    const auto strip = StripRef::track ("t1");
    for (int64_t at = 48000; at <= 72000; at += 480)
        EXPECT_TRUE (pass.move (s, strip, "gain_db", at, -4.0 - 6.0 * double (at - 48000) / 24000.0));
    EXPECT_TRUE (pass.release (strip, "gain_db", 96000));
    return pass.end (192000);
}
} // namespace

TEST (AutomationPass, ReadAndOffTakeNoGestures)
{
    for (auto mode : { session::AutomationMode::read, session::AutomationMode::off })
    {
        const auto s = passSession (mode);
        AutomationPass pass;
        pass.begin (s, 0);
        EXPECT_FALSE (pass.move (s, StripRef::track ("t1"), "gain_db", 100, -6.0));
        EXPECT_TRUE (pass.end (1000).empty());
    }
    AutomationPass idle; // not rolling: a fader move is an ordinary edit
    const auto s = passSession (session::AutomationMode::touch);
    EXPECT_FALSE (idle.move (s, StripRef::track ("t1"), "gain_db", 100, -6.0));
}

TEST (AutomationPass, TouchWritesTheRideAndGlidesBackOverAutoMatch)
{
    const auto s = passSession (session::AutomationMode::touch);
    AutomationPass pass;
    const auto written = runGesture (pass, s);
    ASSERT_EQ (written.size(), 1u);
    EXPECT_EQ (written[0].strip, StripRef::track ("t1"));
    const auto& lane = written[0].lane;
    // The static -4 dB up to the touch, the ride, -10 dB held to the release, then back to -4 dB
    // over 250 ms (12000 samples).
    EXPECT_NEAR (session::automationValueAt (lane, 24000), -4.0, 1e-9);
    EXPECT_NEAR (session::automationValueAt (lane, 60000), -7.0, 0.1);
    EXPECT_NEAR (session::automationValueAt (lane, 90000), -10.0, 1e-9);
    EXPECT_NEAR (session::automationValueAt (lane, 102000), -7.0, 0.05);
    EXPECT_NEAR (session::automationValueAt (lane, 108000), -4.0, 1e-9);
    EXPECT_NEAR (session::automationValueAt (lane, 190000), -4.0, 1e-9);
    EXPECT_LT (lane.size(), 12u); // thinned to 0.1 dB: the ride is a straight line
}

TEST (AutomationPass, LatchHoldsToStopAndPlaysTheFaderMeanwhile)
{
    const auto s = passSession (session::AutomationMode::latch, { { 0, -2.0 } });
    AutomationPass pass;
    pass.begin (s, 0);
    const auto strip = StripRef::track ("t1");
    ASSERT_TRUE (pass.move (s, strip, "gain_db", 48000, -12.0));
    // While written the fader plays: its lane is set aside and its value is the static gain.
    auto playing = pass.playing (s);
    EXPECT_EQ (laneOf (playing, "t1", "gain_db"), nullptr);
    EXPECT_DOUBLE_EQ (playing.tracks[0].gainDb, -12.0);
    EXPECT_EQ (pass.heldValue (strip, "gain_db"), -12.0);
    EXPECT_TRUE (pass.writingLanes().contains ({ "t1", "gain_db" }));
    ASSERT_TRUE (pass.release (strip, "gain_db", 72000));
    EXPECT_EQ (pass.heldValue (strip, "gain_db"), -12.0); // latch: still held after the release
    const auto written = pass.end (144000);
    ASSERT_EQ (written.size(), 1u);
    EXPECT_NEAR (session::automationValueAt (written[0].lane, 24000), -2.0, 1e-9);
    EXPECT_NEAR (session::automationValueAt (written[0].lane, 100000), -12.0, 1e-9);
    EXPECT_NEAR (session::automationValueAt (written[0].lane, 143999), -12.0, 1e-9);
    EXPECT_NEAR (session::automationValueAt (written[0].lane, 200000), -2.0, 1e-9); // after stop: as before
}

TEST (AutomationPass, WriteModeWritesFromPlayStartWithoutATouch)
{
    const auto s = passSession (session::AutomationMode::write, { { 0, 0.0 }, { 480000, -20.0 } });
    AutomationPass pass;
    pass.begin (s, 96000);
    // From the start the controls play their values (the fader at the lane's -4 dB at 96000).
    EXPECT_EQ (laneOf (pass.playing (s), "t1", "gain_db"), nullptr);
    const auto written = pass.end (192000);
    ASSERT_FALSE (written.empty());
    const auto& lane = written[0].lane;
    EXPECT_NEAR (session::automationValueAt (lane, 150000), -4.0, 1e-9); // flat: what the fader held
    EXPECT_NEAR (session::automationValueAt (lane, 48000), -2.0, 1e-9);  // before the pass: untouched
    EXPECT_NEAR (session::automationValueAt (lane, 300000), -12.5, 1e-9);
}

TEST (AutomationPass, TrimOffsetsTheExistingLaneByTheFaderMove)
{
    const auto s = passSession (session::AutomationMode::trim, { { 0, -10.0 }, { 192000, -20.0 } });
    AutomationPass pass;
    pass.begin (s, 0);
    const auto strip = StripRef::track ("t1");
    // The fader shows the lane (-12.5 dB at 48000); moved 3 dB up from there.
    ASSERT_TRUE (pass.move (s, strip, "gain_db", 48000, -12.5));
    ASSERT_TRUE (pass.move (s, strip, "gain_db", 48480, -9.5));
    const auto playing = pass.playing (s);
    ASSERT_NE (laneOf (playing, "t1", "gain_db"), nullptr);
    EXPECT_NEAR (session::automationValueAt (*laneOf (playing, "t1", "gain_db"), 96000), -12.0, 1e-9);
    pass.move (s, strip, "gain_db", 144000, -9.5);
    const auto written = pass.end (144000);
    ASSERT_EQ (written.size(), 1u);
    EXPECT_NEAR (session::automationValueAt (written[0].lane, 96000), -15.0 + 3.0, 1e-6);
    EXPECT_NEAR (session::automationValueAt (written[0].lane, 24000), -11.25, 1e-6);
}

// A real pass through the window ---------------------------------------------------------------

TEST (AutomationLaneTest, AFaderRideDuringPlaybackInTouchModeBecomesOneUndoableLane)
{
    EditFixture f;
    f.main.enablePlayback (silentOutput());
    ASSERT_TRUE (f.main.setAutomationMode (StripRef::track ("t1"), session::AutomationMode::touch));
    ASSERT_TRUE (f.press (juce::KeyPress ('=', ctrl, 0)));
    auto& fader = f.main.getMixer().findStrip (StripRef::track ("t1"))->getFader();
    const auto before = jsonOf (f.session());
    const auto changes = f.main.getDocument()->changeCount();

    f.main.togglePlay();
    ASSERT_TRUE (stepUntil (f.main, [&] { return f.main.getTimeline().getPlayhead() > 24000; }));
    const auto held = juce::ModifierKeys().withFlags (juce::ModifierKeys::leftButtonModifier);
    const juce::Point<float> cap { fader.slotCentreX(), fader.yForDb (fader.getDb()) };
    fader.mouseDown (mouseEvent (fader, cap, cap, held, 1, false));
    const auto touchedAt = f.main.getPlayback()->position();
    for (int step = 1; step <= 10; ++step)
    {
        fader.mouseDrag (mouseEvent (fader, cap.translated (0.0f, 6.0f * float (step)), cap, held, 1, true));
        const auto now = f.main.getPlayback()->position();
        ASSERT_TRUE (stepUntil (f.main, [&] { return f.main.getPlayback()->position() > now + 480; }));
    }
    // Not an edit while it is written, and the timeline draws the lane red.
    EXPECT_EQ (f.main.getDocument()->changeCount(), changes);
    EXPECT_TRUE (f.main.getAutomationPass().writingLanes().contains ({ "t1", "gain_db" }));
    const double rideEnd = fader.getDb();
    EXPECT_LT (rideEnd, -3.0);
    fader.mouseUp (mouseEvent (fader, cap.translated (0.0f, 60.0f), cap, {}, 1, true));
    const auto releasedAt = f.main.getPlayback()->position();
    ASSERT_TRUE (stepUntil (f.main, [&] { return f.main.getPlayback()->position() > releasedAt + 24000; }));
    f.main.togglePlay();
    ASSERT_TRUE (stepUntil (f.main, [&] { return ! f.main.getPlayback()->isPlaying(); }));

    EXPECT_EQ (f.main.getDocument()->changeCount(), changes + 1);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Write Automation");
    const auto* lane = laneOf (f.session(), "t1", "gain_db");
    ASSERT_NE (lane, nullptr);
    EXPECT_NEAR (session::automationValueAt (*lane, 0), 0.0, 1e-9);                  // before the touch: the fader's 0 dB
    EXPECT_NEAR (session::automationValueAt (*lane, releasedAt - 1), rideEnd, 0.11); // the ride's end, held
    EXPECT_NEAR (session::automationValueAt (*lane, releasedAt + 12000), 0.0, 1e-9); // AutoMatch: back to 0 dB
    EXPECT_GE (lane->front().position, 0);
    EXPECT_LE (touchedAt, releasedAt);
    // The fader itself was not committed: its static value is what it was.
    EXPECT_DOUBLE_EQ (f.session().tracks[0].gainDb, 0.0);

    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (jsonOf (f.session()), before);
}
