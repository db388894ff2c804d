// VCA and fader groups in the mixer (issue 5): groups made from a strip's name menu, a VCA
// strip whose fader drag makes its members' render quieter by that many dB (their faders do not
// move), VCA mute, a fader group dragging its members along as one undo step, and a screenshot
// (<build>/Tests/app/artefacts/mixer-vca.png).
#include "EditTestSupport.h"

#include "app/MixerView.h"
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
void drag (juce::Component& c, juce::Point<float> from, juce::Point<float> delta)
{
    const auto held = juce::ModifierKeys().withFlags (juce::ModifierKeys::leftButtonModifier);
    c.mouseDown (mouseEvent (c, from, from, held));
    for (int step = 1; step <= 4; ++step)
        c.mouseDrag (mouseEvent (c, from + delta * (float (step) / 4.0f), from, held, 1, true));
    c.mouseUp (mouseEvent (c, from + delta, from, {}, 1, true));
}

void click (juce::Component& c, juce::Point<float> at)
{
    const auto held = juce::ModifierKeys().withFlags (juce::ModifierKeys::leftButtonModifier);
    c.mouseDown (mouseEvent (c, at, at, held));
    c.mouseUp (mouseEvent (c, at, at));
}

juce::Point<float> capCentre (FaderComponent& fader)
{
    return { fader.slotCentreX(), fader.yForDb (fader.getDb()) };
}

/** Chooses `text` in the name menu of `ref`, as a right-click and a choice would. */
void choose (MixerView& mixer, const StripRef& ref, const juce::String& text)
{
    const int id = itemId (mixer.nameMenu (ref), text);
    ASSERT_NE (id, 0) << text;
    mixer.nameMenuChosen (ref, id);
}

double rms (const std::vector<float>& samples, size_t from, size_t to)
{
    double sum = 0.0;
    for (size_t i = from; i < to; ++i)
        sum += double (samples[i]) * double (samples[i]);
    return std::sqrt (sum / double (to - from));
}
} // namespace

TEST (GroupMixer, AVcaStripsFaderDragMakesItsMembersQuieterByThatMuch)
{
    // A 1 kHz tone on the dialogue track, alone between 1 s and 2.5 s.
    auto s = makeTwoTrackSession();
    s.tracks[0].gainDb = -2.0;
    DisplaySession shown { s, {}, {} };
    MainComponent main;
    main.setShowsAlerts (false);
    main.setSize (1600, 900);
    main.showDocument (shown);
    main.setShowingMixer (true);
    auto& mixer = main.getMixer();

    choose (mixer, StripRef::track ("t1"), "New VCA with This Strip");
    const auto& session = main.getDocument()->session();
    ASSERT_EQ (session.groups.size(), 1u);
    EXPECT_EQ (session.groups[0].members, std::vector<std::string> { "t1" });
    auto* vcaStrip = mixer.findStrip (StripRef::vca ("vca1"));
    ASSERT_NE (vcaStrip, nullptr);
    EXPECT_EQ (vcaStrip->getInfo().name, "VCA 1");
    EXPECT_FALSE (vcaStrip->getMeter().isVisible());
    EXPECT_TRUE (vcaStrip->getTruePeakReadoutArea().isEmpty()); // no true-peak read-out either
    EXPECT_TRUE (vcaStrip->getTruePeakText().isEmpty());

    sprocket::test::MemoryMediaSource media;
    media.media.push_back ({ sprocket::test::sine (1000.0, 0.25, 300000) });
    media.media.push_back ({ std::vector<float> (300000, 0.0f), std::vector<float> (300000, 0.0f) });
    const auto render = [&] (const session::Session& at) {
        return sprocket::test::renderMasterLeft (engine::compilePlan (at), media, 120000);
    };
    const auto loud = render (session);

    auto& fader = vcaStrip->getFader();
    const auto before = jsonOf (session);
    drag (fader, capCentre (fader), { 0.0f, 70.0f });
    const double vcaDb = session.groups[0].gainDb;
    EXPECT_LT (vcaDb, -3.0);
    EXPECT_EQ (main.getDocument()->undoName(), "VCA Fader");
    EXPECT_DOUBLE_EQ (session.tracks[0].gainDb, -2.0); // the member's fader stays
    EXPECT_DOUBLE_EQ (mixer.findStrip (StripRef::track ("t1"))->getFader().getDb(), -2.0);

    const auto quiet = render (session);
    const double measured = 20.0 * std::log10 (rms (quiet, 60000, 110000) / rms (loud, 60000, 110000));
    EXPECT_NEAR (measured, vcaDb, 0.01);

    // The VCA's mute silences its member.
    click (*vcaStrip, vcaStrip->getMuteButtonArea().getCentre().toFloat());
    EXPECT_TRUE (session.groups[0].mute);
    EXPECT_LT (rms (render (session), 60000, 110000), 1e-6);

    // Two undos: back to the session before the drag.
    main.getDocument()->undo();
    main.getDocument()->undo();
    EXPECT_EQ (jsonOf (main.getDocument()->session()), before);
}

TEST (GroupMixer, AFaderGroupDragMovesEveryMemberByTheSameDbInOneStep)
{
    EditFixture f;
    f.main.setShowingMixer (true);
    auto& mixer = f.main.getMixer();
    ASSERT_TRUE (f.main.getDocument()
                     ->perform ("Set",
                                [] (session::SessionEditor& e) {
                                    e.track ("t2")->gainDb = -8.0;
                                    return core::Status {};
                                })
                     .ok());
    choose (mixer, StripRef::track ("t1"), "New Fader Group with This Strip");
    choose (mixer, StripRef::track ("t2"), "Join Fader Group Group 1");
    ASSERT_EQ (f.session().groups.size(), 1u);
    EXPECT_EQ (f.session().groups[0].members, (std::vector<std::string> { "t1", "t2" }));
    // A fader group has no strip of its own.
    EXPECT_EQ (mixer.findStrip (StripRef::vca ("group1")), nullptr);

    const auto before = jsonOf (f.session());
    const double t1 = f.session().tracks[0].gainDb, t3 = f.session().tracks[2].gainDb;
    const auto steps = f.main.getDocument()->canUndo();
    auto& fader = mixer.findStrip (StripRef::track ("t1"))->getFader();
    drag (fader, capCentre (fader), { 0.0f, 40.0f });
    const double delta = f.session().tracks[0].gainDb - t1;
    EXPECT_LT (delta, -1.0);
    EXPECT_NEAR (f.session().tracks[1].gainDb, -8.0 + delta, 1e-9);
    EXPECT_DOUBLE_EQ (f.session().tracks[2].gainDb, t3); // not a member
    EXPECT_NEAR (mixer.findStrip (StripRef::track ("t2"))->getFader().getDb(), -8.0 + delta, 1e-9);
    EXPECT_TRUE (steps);
    ASSERT_TRUE (f.press (juce::KeyPress ('z', juce::ModifierKeys::commandModifier, 0)));
    EXPECT_EQ (jsonOf (f.session()), before); // one step for the whole gesture

    // Leaving the group unlinks it.
    choose (mixer, StripRef::track ("t2"), "Leave Fader Group Group 1");
    drag (fader, capCentre (fader), { 0.0f, 40.0f });
    EXPECT_DOUBLE_EQ (f.session().tracks[1].gainDb, -8.0);
}

TEST (GroupMixer, ScreenshotWithAVcaStrip)
{
    EditFixture f;
    f.main.setSize (1600, 900);
    f.main.setShowingMixer (true);
    auto& mixer = f.main.getMixer();
    choose (mixer, StripRef::track ("t1"), "New VCA with This Strip");
    choose (mixer, StripRef::track ("t2"), "Join VCA VCA 1");
    ASSERT_TRUE (f.main.getDocument()
                     ->perform ("Name",
                                [] (session::SessionEditor& e) {
                                    auto& group = e.groups()[0];
                                    group.name = "DIA VCA";
                                    group.gainDb = -4.5;
                                    group.colour = "#4f8fdc";
                                    return core::Status {};
                                })
                     .ok());
    ASSERT_TRUE (f.main.getController().toggleRecordArm ("t3").ok());
    ASSERT_TRUE (f.main.getController().toggleSoloSafe ("t4").ok());
    auto* vca = mixer.findStrip (StripRef::vca ("vca1"));
    ASSERT_NE (vca, nullptr);
    EXPECT_EQ (vca->getInfo().output, "2 members");
    EXPECT_DOUBLE_EQ (vca->getFader().getDb(), -4.5);
    ASSERT_TRUE (Snapshot::writePng (paintToImage (f.main), artefact ("mixer-vca.png")).ok());
}
