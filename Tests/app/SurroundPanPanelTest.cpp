// The mixer's surround panner: a click on a 5.1 track's pan display opens it; dragging the puck,
// double-clicking it home and dragging the divergence/centre sliders with real mouse events
// each make one undoable "Surround Pan" step, and a render of the 5.1 master puts the tone in
// the speakers the documented gains name (docs/SESSION_FORMAT.md, *Surround pan*). Screenshot:
// <build>/Tests/app/artefacts/mixer-surround-panner.png.
#include "EditTestSupport.h"

#include "app/MixerView.h"
#include "app/Snapshot.h"
#include "engine/MasterRender.h"
#include "engine/PlanCompiler.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;
using session::StripRef;

namespace
{
constexpr double toneAmplitude = 0.25;
constexpr int64_t renderFrames = 120000;

/** The two-track session with the dialogue stem and the master in 5.1. */
session::Session fivePointOneSession()
{
    auto s = makeTwoTrackSession();
    s.master.channels = 6;
    s.buses[0].channels = 6;
    s.buses[1].channels = 6;
    return s;
}

/** Each master channel's RMS over the dialogue tone (alone from 1 s), as a gain on the tone. */
std::array<double, 6> speakerGains (const session::Session& s)
{
    sprocket::test::MemoryMediaSource media;
    media.media.push_back ({ sprocket::test::sine (1000.0, toneAmplitude, 300000) });
    media.media.push_back ({ std::vector<float> (300000, 0.0f), std::vector<float> (300000, 0.0f) });
    const auto plan = engine::compilePlan (s);
    engine::MediaTrackSource tracks (media, 512);
    engine::MixEngine mixer;
    mixer.prepare (plan, 512);
    std::array<double, 6> sums {};
    int64_t counted = 0;
    for (int64_t pos = 0; pos < renderFrames; pos += 512)
    {
        mixer.process (pos, 512, tracks);
        if (pos < 60000 || pos + 512 > 110000)
            continue;
        for (int c = 0; c < 6; ++c)
            for (int i = 0; i < 512; ++i)
                sums[size_t (c)] += double (mixer.masterOutput()[c][i]) * double (mixer.masterOutput()[c][i]);
        counted += 512;
    }
    std::array<double, 6> gains {};
    const double toneRms = toneAmplitude / std::sqrt (2.0);
    for (size_t c = 0; c < 6; ++c)
        gains[c] = std::sqrt (sums[c] / double (counted)) / toneRms;
    return gains;
}

void expectGains (const std::array<double, 6>& measured, const std::array<double, 6>& expected, const char* where)
{
    static constexpr const char* names[] = { "L", "R", "C", "LFE", "Ls", "Rs" };
    for (size_t c = 0; c < 6; ++c)
        EXPECT_NEAR (measured[c], expected[c], 2.0e-3) << where << ": " << names[c];
}

void dragOn (juce::Component& c, juce::Point<float> from, juce::Point<float> to)
{
    const auto held = juce::ModifierKeys().withFlags (juce::ModifierKeys::leftButtonModifier);
    c.mouseDown (mouseEvent (c, from, from, held));
    for (int step = 1; step <= 5; ++step)
        c.mouseDrag (mouseEvent (c, from + (to - from) * (float (step) / 5.0f), from, held, 1, true));
    c.mouseUp (mouseEvent (c, to, from, {}, 1, true));
}

/** Drags a horizontal slider's thumb from its value to `value` (the slider's own mouse code). */
void dragSlider (juce::Slider& slider, double value)
{
    const float y = float (slider.getHeight()) / 2.0f;
    dragOn (slider, { float (slider.getPositionOfValue (slider.getValue())), y },
            { float (slider.getPositionOfValue (value)), y });
}

struct SurroundFixture
{
    SurroundFixture()
    {
        main.setShowsAlerts (false);
        main.setSize (1600, 900);
        main.showDocument (DisplaySession { fivePointOneSession(), {}, {} });
        main.setShowingMixer (true);
    }

    const session::Session& session() { return main.getDocument()->session(); }

    MainComponent main;
};
} // namespace

TEST (SurroundPanPanel, OpensFromTheStripAndTheRoomMapsToPositions)
{
    SurroundFixture f;
    auto& mixer = f.main.getMixer();
    auto* strip = mixer.findStrip (StripRef::track ("t1"));
    ASSERT_NE (strip, nullptr);
    ASSERT_EQ (strip->getInfo().panKind, StripInfo::PanKind::surround);
    EXPECT_EQ (strip->getInfo().panInto, 6);
    auto& pan = strip->getPanControl();
    const auto middle = pan.getLocalBounds().getCentre().toFloat();
    pan.mouseDown (mouseEvent (pan, middle, middle, juce::ModifierKeys().withFlags (juce::ModifierKeys::leftButtonModifier)));
    pan.mouseUp (mouseEvent (pan, middle, middle));
    auto* panel = mixer.getSurroundPanel();
    ASSERT_NE (panel, nullptr) << "a click on a surround pan display opens the panner";
    EXPECT_TRUE (mixer.getLocalBounds().contains (panel->getBounds()));

    // Without a stored position the track plays its pan into L and R: shown at the front, no centre.
    EXPECT_DOUBLE_EQ (panel->getPosition().x, 0.0);
    EXPECT_DOUBLE_EQ (panel->getPosition().y, 1.0);
    EXPECT_DOUBLE_EQ (panel->getPosition().centrePercent, 0.0);
    expectGains (speakerGains (f.session()), { std::sqrt (0.5), std::sqrt (0.5), 0, 0, 0, 0 }, "untouched");

    // The room's corners and middle, and clamping outside it.
    const auto corner = panel->positionAt (panel->pointAt (-1.0, -1.0));
    EXPECT_DOUBLE_EQ (corner.x, -1.0);
    EXPECT_DOUBLE_EQ (corner.y, -1.0);
    const auto centre = panel->positionAt (panel->getRoomArea().getCentre());
    EXPECT_DOUBLE_EQ (centre.x, 0.0);
    EXPECT_DOUBLE_EQ (centre.y, 0.0);
    const auto outside = panel->positionAt (panel->pointAt (1.0, 1.0) + juce::Point<float> (30.0f, -30.0f));
    EXPECT_DOUBLE_EQ (outside.x, 1.0);
    EXPECT_DOUBLE_EQ (outside.y, 1.0);
}

TEST (SurroundPanPanel, PuckAndSlidersAreOneStepEachAndTheRenderFollows)
{
    SurroundFixture f;
    auto& mixer = f.main.getMixer();
    mixer.openSurroundPanel (StripRef::track ("t1"));
    auto* panel = mixer.getSurroundPanel();
    ASSERT_NE (panel, nullptr);
    const auto before = jsonOf (f.session());
    const auto changes = f.main.getDocument()->changeCount();

    // The puck dragged to the middle of the left wall: L and Ls at 0.707 (the documented example).
    dragOn (*panel, panel->pointAt (0.0, 1.0), panel->pointAt (-1.0, 0.0));
    EXPECT_EQ (f.main.getDocument()->changeCount(), changes + 1) << "a drag is one step";
    EXPECT_EQ (f.main.getDocument()->undoName(), "Surround Pan");
    ASSERT_TRUE (f.session().tracks[0].surroundPan.has_value());
    EXPECT_DOUBLE_EQ (f.session().tracks[0].surroundPan->x, -1.0);
    EXPECT_DOUBLE_EQ (f.session().tracks[0].surroundPan->y, 0.0);
    expectGains (speakerGains (f.session()), { std::sqrt (0.5), 0, 0, 0, std::sqrt (0.5), 0 }, "left wall");
    const auto shares = panel->speakerShares();
    EXPECT_NEAR (shares[0], 0.5, 1.0e-6) << "the panel lights L as the engine plays it";
    EXPECT_NEAR (shares[4], 0.5, 1.0e-6);

    // Double-click: home to the centre of the screen; centre 0 % puts it phantom in L and R.
    const auto home = panel->pointAt (-1.0, 0.0);
    const auto held = juce::ModifierKeys().withFlags (juce::ModifierKeys::leftButtonModifier);
    panel->mouseDown (mouseEvent (*panel, home, home, held, 2));
    panel->mouseDoubleClick (mouseEvent (*panel, home, home, held, 2));
    panel->mouseUp (mouseEvent (*panel, home, home, {}, 2));
    EXPECT_DOUBLE_EQ (f.session().tracks[0].surroundPan->x, 0.0);
    EXPECT_DOUBLE_EQ (f.session().tracks[0].surroundPan->y, 1.0);
    expectGains (speakerGains (f.session()), { std::sqrt (0.5), std::sqrt (0.5), 0, 0, 0, 0 }, "screen, centre 0 %");

    // The centre slider to 100 %: all of it in C, one step.
    const auto beforeCentre = f.main.getDocument()->changeCount();
    dragSlider (panel->getCentreSlider(), 100.0);
    EXPECT_EQ (f.main.getDocument()->changeCount(), beforeCentre + 1);
    EXPECT_DOUBLE_EQ (f.session().tracks[0].surroundPan->centrePercent, 100.0);
    expectGains (speakerGains (f.session()), { 0, 0, 1, 0, 0, 0 }, "screen, centre 100 %");

    // Divergence 100 %: spread evenly over the five full-range speakers (1/sqrt 5 each).
    dragSlider (panel->getDivergenceSlider(), 100.0);
    EXPECT_DOUBLE_EQ (f.session().tracks[0].surroundPan->divergence, 1.0);
    const double even = 1.0 / std::sqrt (5.0);
    expectGains (speakerGains (f.session()), { even, even, even, 0, even, even }, "divergence 1");

    // A typed LFE send: -10 dB into the LFE, outside the constant-power law.
    panel->getLfeSlider().setValue (-10.0, juce::sendNotificationSync);
    EXPECT_DOUBLE_EQ (f.session().tracks[0].surroundPan->lfeDb, -10.0);
    EXPECT_NEAR (speakerGains (f.session())[3], std::pow (10.0, -10.0 / 20.0), 2.0e-3);

    ASSERT_TRUE (Snapshot::writePng (Snapshot::render (f.main, 1600, 900), artefact ("mixer-surround-panner.png")).ok());

    while (f.main.getDocument()->changeCount() > changes && f.main.getDocument()->canUndo())
        f.main.getDocument()->undo();
    EXPECT_EQ (jsonOf (f.session()), before) << "undo gives back the session as it was";
    EXPECT_DOUBLE_EQ (panel->getPosition().x, 0.0) << "the open panel follows undo";
    EXPECT_DOUBLE_EQ (panel->getPosition().centrePercent, 0.0);
}

TEST (SurroundPanPanel, StereoTrackAndBusStripsHaveNoSurroundPanner)
{
    SurroundFixture f;
    auto& mixer = f.main.getMixer();
    mixer.openSurroundPanel (StripRef::bus ("DX"));
    EXPECT_EQ (mixer.getSurroundPanel(), nullptr);
    auto s = makeTwoTrackSession(); // stereo master: a plain pan bar
    MainComponent stereo;
    stereo.setShowsAlerts (false);
    stereo.setSize (1600, 900);
    stereo.showDocument (DisplaySession { s, {}, {} });
    stereo.setShowingMixer (true);
    stereo.getMixer().openSurroundPanel (StripRef::track ("t1"));
    EXPECT_EQ (stereo.getMixer().getSurroundPanel(), nullptr);
}
