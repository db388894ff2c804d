// The mixer window: the fader law, real mouse gestures on strips (fader drag, fine drag,
// double-click, mute, solo, insert bypass) reaching the model as one undoable step each, a
// render that gets quieter by what the fader says, and a 24-track 5.1 screenshot
// (<build>/Tests/app/artefacts/mixer-24-tracks.png) for people to look at.
#include "EditTestSupport.h"

#include "app/DbScale.h"
#include "app/MixerView.h"
#include "app/SessionLoader.h"
#include "app/Snapshot.h"
#include "engine/MasterRender.h"
#include "engine/PlanCompiler.h"
#include "session/SessionJson.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;
using session::StripRef;

namespace
{
/** A synthesized mouse event on `component`, as JUCE would deliver it. */
/** Press, four drag steps, release: a user's drag from `from` by `delta`. */
void drag (juce::Component& c, juce::Point<float> from, juce::Point<float> delta, juce::ModifierKeys mods = {})
{
    const auto held = mods.withFlags (juce::ModifierKeys::leftButtonModifier);
    c.mouseDown (mouseEvent (c, from, from, held));
    for (int step = 1; step <= 4; ++step)
        c.mouseDrag (mouseEvent (c, from + delta * (float (step) / 4.0f), from, held, 1, true));
    c.mouseUp (mouseEvent (c, from + delta, from, mods, 1, true));
}

void click (juce::Component& c, juce::Point<float> at, juce::ModifierKeys mods = {})
{
    const auto held = mods.withFlags (juce::ModifierKeys::leftButtonModifier);
    c.mouseDown (mouseEvent (c, at, at, held));
    c.mouseUp (mouseEvent (c, at, at, mods));
}

void doubleClick (juce::Component& c, juce::Point<float> at)
{
    const auto held = juce::ModifierKeys().withFlags (juce::ModifierKeys::leftButtonModifier);
    c.mouseDown (mouseEvent (c, at, at, held));
    c.mouseUp (mouseEvent (c, at, at));
    c.mouseDown (mouseEvent (c, at, at, held, 2));
    c.mouseDoubleClick (mouseEvent (c, at, at, held, 2));
    c.mouseUp (mouseEvent (c, at, at, {}, 2));
}

/** Where the cap of `fader` is: the place to grab it. */
juce::Point<float> capCentre (FaderComponent& fader)
{
    return { fader.slotCentreX(), fader.yForDb (fader.getDb()) };
}

/** The dB a drag of `pixels` up (negative: down) from `startDb` must give on the fader's law. */
double expectedAfterDrag (const FaderComponent& fader, double startDb, float pixels, double ratio = 1.0)
{
    return DbScale::roundToTenth (
        DbScale::dbForPosition (DbScale::positionForDb (startDb) + double (pixels) / (double (fader.travelLength()) * ratio)));
}

/** The edit-window fixture with the mixer shown by its key, ctrl+=. */
struct MixerFixture : EditFixture
{
    MixerFixture()
    {
        EXPECT_TRUE (press (juce::KeyPress ('=', ctrl, 0)));
        EXPECT_TRUE (main.isShowingMixer());
    }

    MixerView& mixer() { return main.getMixer(); }
    ChannelStrip& strip (const StripRef& ref)
    {
        auto* found = mixer().findStrip (ref);
        EXPECT_NE (found, nullptr);
        return *found;
    }
};

double rms (const std::vector<float>& samples, size_t from, size_t to)
{
    double sum = 0.0;
    for (size_t i = from; i < to; ++i)
        sum += double (samples[i]) * double (samples[i]);
    return std::sqrt (sum / double (to - from));
}
} // namespace

TEST (DbScale, TopIsPlusTwelveBottomIsMinusInfinity)
{
    EXPECT_DOUBLE_EQ (DbScale::positionForDb (12.0), 1.0);
    EXPECT_DOUBLE_EQ (DbScale::positionForDb (24.0), 1.0);
    EXPECT_DOUBLE_EQ (DbScale::positionForDb (DbScale::minusInfinityDb), 0.0);
    EXPECT_DOUBLE_EQ (DbScale::positionForDb (-INFINITY), 0.0);
    EXPECT_DOUBLE_EQ (DbScale::dbForPosition (1.0), 12.0);
    EXPECT_DOUBLE_EQ (DbScale::dbForPosition (0.0), DbScale::minusInfinityDb);
    EXPECT_DOUBLE_EQ (DbScale::positionForDb (0.0), 0.75);
}

TEST (DbScale, MonotonicAndInvertible)
{
    double previous = -1.0;
    for (double db = DbScale::minusInfinityDb; db <= 12.0; db += 0.05)
    {
        const auto position = DbScale::positionForDb (db);
        EXPECT_GT (position, previous) << db;
        EXPECT_NEAR (DbScale::dbForPosition (position), db, 1.0e-9);
        previous = position;
    }
    for (double p = 0.0; p <= 1.0; p += 0.001)
        EXPECT_NEAR (DbScale::positionForDb (DbScale::dbForPosition (p)), p, 1.0e-9);
}

TEST (DbScale, ReadOut)
{
    EXPECT_EQ (DbScale::format (6.0), "+6.0");
    EXPECT_EQ (DbScale::format (0.0), "0.0");
    EXPECT_EQ (DbScale::format (-0.01), "0.0");
    EXPECT_EQ (DbScale::format (-12.5), "-12.5");
    EXPECT_EQ (DbScale::format (-144.0), "-inf");
    EXPECT_EQ (DbScale::format (-10.0, 0), "-10");
    EXPECT_DOUBLE_EQ (DbScale::roundToTenth (-6.04), -6.0);
    EXPECT_DOUBLE_EQ (DbScale::roundToTenth (-143.98), DbScale::minusInfinityDb);
}

TEST (MixerView, KeyTogglesBetweenEditWindowAndMixer)
{
    MixerFixture f;
    EXPECT_TRUE (f.mixer().isVisible());
    EXPECT_FALSE (f.timeline().isVisible());
    EXPECT_EQ (f.mixer().getBounds().getWidth(), f.main.getWidth());
    // The demo: 6 tracks, 5 stems, the printmaster, in that order.
    ASSERT_EQ (f.mixer().getNumStrips(), 12u);
    EXPECT_EQ (f.mixer().getStrip (0)->getInfo().ref, StripRef::track ("t1"));
    EXPECT_EQ (f.mixer().getStrip (6)->getInfo().ref, StripRef::bus ("DX"));
    EXPECT_EQ (f.mixer().getStrip (11)->getInfo().ref, StripRef::master());
    EXPECT_TRUE (f.press (juce::KeyPress ('=', ctrl, 0)));
    EXPECT_FALSE (f.main.isShowingMixer());
    EXPECT_TRUE (f.timeline().isVisible());
}

TEST (MixerView, FaderDragChangesGainByTheScaleAndIsOneUndoStep)
{
    MixerFixture f;
    auto& fader = f.strip (StripRef::track ("t2")).getFader();
    const auto startDb = f.session().tracks[1].gainDb;
    const auto before = jsonOf (f.session());
    const auto changes = f.main.getDocument()->changeCount();

    const auto from = capCentre (fader);
    const auto held = juce::ModifierKeys().withFlags (juce::ModifierKeys::leftButtonModifier);
    fader.mouseDown (mouseEvent (fader, from, from, held));
    fader.mouseDrag (mouseEvent (fader, from.translated (0.0f, -20.0f), from, held, 1, true));
    // While dragging the fader moves but the model waits for the release.
    EXPECT_NE (fader.getDb(), startDb);
    EXPECT_EQ (f.session().tracks[1].gainDb, startDb);
    fader.mouseDrag (mouseEvent (fader, from.translated (0.0f, -40.0f), from, held, 1, true));
    fader.mouseUp (mouseEvent (fader, from.translated (0.0f, -40.0f), from, {}, 1, true));

    const auto expected = expectedAfterDrag (fader, startDb, 40.0f);
    EXPECT_GT (expected, startDb + 1.0);
    EXPECT_DOUBLE_EQ (f.session().tracks[1].gainDb, expected);
    EXPECT_EQ (f.main.getDocument()->changeCount(), changes + 1);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Fader");
    EXPECT_EQ (f.strip (StripRef::track ("t2")).getGainText(), juce::String (DbScale::format (expected)));

    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (jsonOf (f.session()), before);
    EXPECT_DOUBLE_EQ (fader.getDb(), startDb);
}

TEST (MixerView, FineDragMovesTenTimesLess)
{
    MixerFixture f;
    auto& fader = f.strip (StripRef::track ("t1")).getFader();
    const auto startDb = f.session().tracks[0].gainDb;
    drag (fader, capCentre (fader), { 0.0f, 50.0f }, ctrl);
    const auto fine = expectedAfterDrag (fader, startDb, -50.0f, FaderComponent::fineRatio);
    EXPECT_DOUBLE_EQ (f.session().tracks[0].gainDb, fine);
    EXPECT_LT (fine, startDb);
    EXPECT_GT (fine, expectedAfterDrag (fader, startDb, -50.0f));
}

TEST (MixerView, DoubleClickReturnsToZeroAndBottomIsMinusInfinity)
{
    MixerFixture f;
    auto& fader = f.strip (StripRef::bus ("MX")).getFader();
    ASSERT_NE (f.session().buses[1].gainDb, 0.0);
    doubleClick (fader, capCentre (fader));
    EXPECT_DOUBLE_EQ (f.session().buses[1].gainDb, 0.0);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Fader");
    // alt+click does the same (Pro Tools' habit), anywhere on the fader.
    drag (fader, capCentre (fader), { 0.0f, 40.0f });
    ASSERT_LT (f.session().buses[1].gainDb, 0.0);
    const auto changes = f.main.getDocument()->changeCount();
    fader.mouseDown (mouseEvent (fader, { 5.0f, 5.0f }, { 5.0f, 5.0f },
                                 juce::ModifierKeys::altModifier | juce::ModifierKeys::leftButtonModifier));
    fader.mouseUp (mouseEvent (fader, { 5.0f, 5.0f }, { 5.0f, 5.0f }, juce::ModifierKeys::altModifier));
    EXPECT_DOUBLE_EQ (f.session().buses[1].gainDb, 0.0);
    EXPECT_EQ (f.main.getDocument()->changeCount(), changes + 1);

    // All the way down is -inf: the engine's -144 dB.
    drag (fader, capCentre (fader), { 0.0f, fader.travelLength() + 50.0f });
    EXPECT_DOUBLE_EQ (f.session().buses[1].gainDb, DbScale::minusInfinityDb);
    EXPECT_EQ (f.strip (StripRef::bus ("MX")).getGainText(), "-inf");
    // And the master's fader works the same way.
    auto& master = f.strip (StripRef::master()).getFader();
    drag (master, capCentre (master), { 0.0f, -30.0f });
    EXPECT_DOUBLE_EQ (f.session().master.gainDb, expectedAfterDrag (master, 0.0, 30.0f));
}

TEST (MixerView, MuteSoloAndRecordButtons)
{
    MixerFixture f;
    auto& strip = f.strip (StripRef::track ("t3"));
    const auto before = jsonOf (f.session());
    ASSERT_FALSE (f.session().tracks[2].mute);
    click (strip, strip.getMuteButtonArea().getCentre().toFloat());
    EXPECT_TRUE (f.session().tracks[2].mute);
    EXPECT_TRUE (strip.getInfo().mute);
    click (strip, strip.getSoloButtonArea().getCentre().toFloat());
    EXPECT_TRUE (f.session().tracks[2].solo);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Solo");
    // The timeline's header shows the same switches: both views read the one model.
    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (jsonOf (f.session()), before);
    EXPECT_FALSE (strip.getInfo().mute);
    // Record arm is the track's `record_arm`, shared with the timeline's header: one undo step.
    click (strip, strip.getRecordButtonArea().getCentre().toFloat());
    EXPECT_TRUE (strip.isArmed());
    EXPECT_TRUE (f.session().tracks[2].recordArm);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Record Arm");
    click (strip, strip.getRecordButtonArea().getCentre().toFloat());
    EXPECT_FALSE (strip.isArmed());
    EXPECT_FALSE (f.session().tracks[2].recordArm);
    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_TRUE (f.session().tracks[2].recordArm);
    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (jsonOf (f.session()), before);
    // Buses have no switches: a click there changes nothing.
    auto& bus = f.strip (StripRef::bus ("DX"));
    click (bus, bus.getMuteButtonArea().getCentre().toFloat());
    EXPECT_EQ (jsonOf (f.session()), before);
}

TEST (MixerView, InsertSlotCtrlClickTogglesBypass)
{
    auto loaded = SessionLoader::open (std::filesystem::path (SPROCKET_TEST_DATA_DIR) / "mixer_24_tracks.sprocket");
    ASSERT_TRUE (loaded.document.has_value()) << SessionLoader::describe (loaded.problems);
    MainComponent main;
    main.setShowsAlerts (false);
    main.setSize (1920, 1080);
    main.showDocument (*loaded.document);
    main.setShowingMixer (true);
    auto* strip = main.getMixer().findStrip (StripRef::track ("t2"));
    ASSERT_NE (strip, nullptr);
    ASSERT_GE (strip->getInfo().inserts.size(), 2u);
    EXPECT_EQ (strip->getInfo().inserts[1].name, "EQ");
    const auto before = jsonOf (main.getDocument()->session());
    // ctrl (cmd) + click bypasses; a plain click opens the editor (InsertEditorTest).
    click (*strip, strip->getInsertSlotArea (1).getCentre().toFloat(), ctrl);
    EXPECT_TRUE (main.getDocument()->session().tracks[1].inserts[1].bypass);
    EXPECT_TRUE (strip->getInfo().inserts[1].bypass);
    // On a bus too.
    auto* dx = main.getMixer().findStrip (StripRef::bus ("DX"));
    click (*dx, dx->getInsertSlotArea (0).getCentre().toFloat(), ctrl);
    EXPECT_TRUE (main.getDocument()->session().buses[0].inserts[0].bypass);
    ASSERT_TRUE (main.getDocument()->undo());
    ASSERT_TRUE (main.getDocument()->undo());
    EXPECT_EQ (jsonOf (main.getDocument()->session()), before);
}

TEST (MixerView, PanDragIsOneStepAndDoubleClickCentres)
{
    MixerFixture f;
    auto& pan = f.strip (StripRef::track ("t1")).getPanControl();
    ASSERT_EQ (pan.getMode(), PanControl::Mode::stereo);
    const float travel = float (pan.getWidth() - 8);
    const auto changes = f.main.getDocument()->changeCount();
    const auto startPan = f.session().tracks[0].pan;
    // A quarter of the bar's width is half the way from the centre to a wall.
    drag (pan, { pan.getWidth() / 2.0f, 20.0f }, { -travel / 4.0f, 0.0f });
    EXPECT_NEAR (f.session().tracks[0].pan, startPan - 0.5, 0.011);
    EXPECT_EQ (f.main.getDocument()->changeCount(), changes + 1);
    doubleClick (pan, { pan.getWidth() / 2.0f, 20.0f });
    EXPECT_DOUBLE_EQ (f.session().tracks[0].pan, 0.0);
}

TEST (MixerView, MeterHoldsPeaksAndLatchesClips)
{
    LevelMeter meter;
    meter.setSize (12, 300);
    meter.setPeaks ({ 0.5f, 0.25f });
    EXPECT_NEAR (meter.getShownDb (0), -6.02f, 0.01f);
    EXPECT_NEAR (meter.getHoldDb (1), -12.04f, 0.01f);
    for (int i = 0; i < 10; ++i)
        meter.setPeaks ({ 0.0f, 0.0f });
    // The bar falls; the hold line stays.
    EXPECT_LT (meter.getShownDb (0), -6.02f - 5.0f);
    EXPECT_NEAR (meter.getHoldDb (0), -6.02f, 0.01f);
    for (int i = 0; i < LevelMeter::holdTicks + 10; ++i)
        meter.setPeaks ({ 0.0f, 0.0f });
    EXPECT_LT (meter.getHoldDb (0), -6.02f - 5.0f);
    EXPECT_FALSE (meter.isClipped());
    meter.setPeaks ({ 1.0f, 0.1f });
    meter.setPeaks ({ 0.0f, 0.0f });
    EXPECT_TRUE (meter.isClipped());
    click (meter, { 5.0f, 2.0f });
    EXPECT_FALSE (meter.isClipped());
}

TEST (MixerView, RenderIsQuieterByWhatTheFaderSays)
{
    // A 1 kHz tone on the dialogue track, alone between 1 s and 2.5 s.
    auto s = makeTwoTrackSession();
    DisplaySession shown { s, {}, {} };
    MainComponent main;
    main.setShowsAlerts (false);
    main.setSize (1600, 900);
    main.showDocument (shown);
    main.setShowingMixer (true);

    sprocket::test::MemoryMediaSource media;
    const auto tone = sprocket::test::sine (1000.0, 0.25, 300000);
    media.media.push_back ({ tone });
    media.media.push_back ({ std::vector<float> (300000, 0.0f), std::vector<float> (300000, 0.0f) });
    const auto render = [&] (const session::Session& session) {
        return sprocket::test::renderMasterLeft (engine::compilePlan (session), media, 120000);
    };
    const auto loud = render (main.getDocument()->session());

    auto& fader = main.getMixer().findStrip (StripRef::track ("t1"))->getFader();
    drag (fader, capCentre (fader), { 0.0f, 70.0f });
    const auto gain = main.getDocument()->session().tracks[0].gainDb;
    EXPECT_LT (gain, -3.0);
    EXPECT_DOUBLE_EQ (gain, expectedAfterDrag (fader, 0.0, -70.0f));

    const auto quiet = render (main.getDocument()->session());
    const double measured = 20.0 * std::log10 (rms (quiet, 60000, 110000) / rms (loud, 60000, 110000));
    EXPECT_NEAR (measured, gain, 0.01);
}

TEST (MixerView, TwentyFourTracksInFivePointOneFitAndScroll)
{
    auto loaded = SessionLoader::open (std::filesystem::path (SPROCKET_TEST_DATA_DIR) / "mixer_24_tracks.sprocket");
    ASSERT_TRUE (loaded.document.has_value()) << SessionLoader::describe (loaded.problems);
    MainComponent main;
    main.showDocument (*loaded.document);
    main.setSize (1920, 1080);
    main.setShowingMixer (true);
    auto& mixer = main.getMixer();
    // 24 tracks, 6 buses, the printmaster.
    ASSERT_EQ (mixer.getNumStrips(), 31u);
    const auto* master = mixer.findStrip (StripRef::master());
    EXPECT_EQ (master->getInfo().channels, 6);
    EXPECT_EQ (master->getRight(), mixer.getWidth()); // pinned at the right
    EXPECT_EQ (mixer.findStrip (StripRef::track ("t1"))->getInfo().panKind, StripInfo::PanKind::surround);
    EXPECT_TRUE (mixer.findStrip (StripRef::track ("t1"))->getInfo().gainAutomated);
    EXPECT_FALSE (mixer.findStrip (StripRef::track ("t2"))->getInfo().gainAutomated);
    EXPECT_EQ (formatBadge (6), "5.1");
    // 30 strips do not fit in 1920 pixels: the row scrolls sideways.
    EXPECT_GT (mixer.getViewport().getViewedComponent()->getWidth(), mixer.getViewport().getWidth());
    EXPECT_TRUE (mixer.getViewport().getHorizontalScrollBar().isVisible());

    const auto image = Snapshot::render (main, 1920, 1080);
    ASSERT_TRUE (Snapshot::writePng (image, artefact ("mixer-24-tracks.png")).ok());
    mixer.getViewport().setViewPosition (mixer.getViewport().getViewedComponent()->getWidth(), 0);
    ASSERT_TRUE (Snapshot::writePng (Snapshot::render (main, 1920, 1080), artefact ("mixer-24-tracks-scrolled.png")).ok());
}

TEST (MixerView, ADragIsHeardWhileDraggingAndTheMetersMove)
{
    MixerFixture f;
    f.main.enablePlayback (silentOutput());
    auto* engine = f.main.getPlayback()->getEngine();
    ASSERT_NE (engine, nullptr);
    const auto waitForSwaps = [&] (int64_t count) {
        for (int i = 0; i < 200 && engine->planSwaps() < count; ++i)
            juce::Thread::sleep (10);
        return engine->planSwaps();
    };
    const auto swaps = waitForSwaps (1);
    const auto changes = f.main.getDocument()->changeCount();

    // Mid-drag: a plan from the previewed copy reaches the engine; the document is untouched.
    auto& fader = f.strip (StripRef::track ("t1")).getFader();
    const auto from = capCentre (fader);
    const auto held = juce::ModifierKeys().withFlags (juce::ModifierKeys::leftButtonModifier);
    fader.mouseDown (mouseEvent (fader, from, from, held));
    fader.mouseDrag (mouseEvent (fader, from.translated (0.0f, 60.0f), from, held, 1, true));
    EXPECT_GT (waitForSwaps (swaps + 1), swaps);
    EXPECT_EQ (f.main.getDocument()->changeCount(), changes);
    fader.mouseUp (mouseEvent (fader, from.translated (0.0f, 60.0f), from, {}, 1, true));
    EXPECT_EQ (f.main.getDocument()->changeCount(), changes + 1);

    // Playing where the first dialogue clip sounds, the strips' meters light up.
    f.main.locate (f.session().tracks[0].clips.front().position.samples);
    f.main.togglePlay();
    float track = -100.0f, master = -100.0f;
    for (int i = 0; i < 60 && (track <= LevelMeter::floorDb || master <= LevelMeter::floorDb); ++i)
    {
        juce::Thread::sleep (30);
        f.main.updateFromEngine();
        track = std::max (track, f.strip (StripRef::track ("t1")).getMeter().getHoldDb (0));
        master = std::max (master, f.strip (StripRef::master()).getMeter().getHoldDb (0));
    }
    f.main.togglePlay();
    EXPECT_GT (track, LevelMeter::floorDb);
    EXPECT_GT (master, LevelMeter::floorDb);
    // The true peaks came through Playback::takeStripPeaks too: never below the sample peaks.
    auto& meter = f.strip (StripRef::track ("t1")).getMeter();
    EXPECT_NE (f.strip (StripRef::track ("t1")).getTruePeakText(), "-inf");
    EXPECT_GE (meter.getTruePeakHoldDb(), track - 0.001f);
}

TEST (MixerView, AReadOnlySessionRefusesAMoveAndTheFaderGoesBack)
{
    auto loaded = SessionLoader::open (demoSessionPath());
    ASSERT_TRUE (loaded.document.has_value());
    MainComponent main;
    main.setShowsAlerts (false);
    main.setSize (1600, 900);
    main.setDocument (std::make_unique<Document> (*loaded.document, demoSessionPath(), std::nullopt, "open by anna@edit-3"));
    main.setShowingMixer (true);
    auto& fader = main.getMixer().findStrip (StripRef::track ("t1"))->getFader();
    const auto before = fader.getDb();
    drag (fader, capCentre (fader), { 0.0f, 80.0f });
    EXPECT_DOUBLE_EQ (main.getDocument()->session().tracks[0].gainDb, before);
    EXPECT_DOUBLE_EQ (fader.getDb(), before);
    EXPECT_TRUE (main.getLastProblem().isNotEmpty());
}
