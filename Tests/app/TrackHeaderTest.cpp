// Track state from the headers and the strips (issues 4 and 5): record arm, solo safe (ctrl+click
// on S), colour and height from the header's menu and ctrl+alt+up/down, rename from a strip's
// name, each one undoable step in the model; and a screenshot of coloured tracks of several
// heights (<build>/Tests/app/artefacts/edit-track-colours.png).
#include "EditTestSupport.h"

#include "app/MixerView.h"
#include "app/Snapshot.h"
#include "app/Theme.h"
#include "session/SessionFile.h"
#include "session/SessionJson.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;
using session::StripRef;

namespace
{
void click (juce::Component& c, juce::Point<float> at, juce::ModifierKeys mods = {})
{
    c.mouseDown (mouseEvent (c, at, at, mods.withFlags (juce::ModifierKeys::leftButtonModifier)));
    c.mouseUp (mouseEvent (c, at, at, mods));
}

} // namespace

TEST (TrackHeaders, CtrlClickOnSoloIsSoloSafeAndPlainClickStillSolos)
{
    EditFixture f;
    const auto before = jsonOf (f.session());
    const auto controls = f.timeline().headerControls (1);
    f.click (controls.solo.getCentre().toFloat(), ctrl);
    EXPECT_TRUE (f.session().tracks[1].soloSafe);
    EXPECT_FALSE (f.session().tracks[1].solo);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Solo Safe");
    f.click (controls.solo.getCentre().toFloat());
    EXPECT_TRUE (f.session().tracks[1].solo);
    f.click (controls.solo.getCentre().toFloat(), ctrl);
    EXPECT_FALSE (f.session().tracks[1].soloSafe);
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (jsonOf (f.session()), before);
}

TEST (TrackHeaders, RecordArmIsTheModelsAndUndoes)
{
    EditFixture f;
    const auto before = jsonOf (f.session());
    f.click (f.timeline().headerControls (0).record.getCentre().toFloat());
    EXPECT_TRUE (f.session().tracks[0].recordArm);
    // The mixer strip shows the same arm: one model.
    EXPECT_TRUE (f.main.getMixer().findStrip (StripRef::track ("t1"))->isArmed());
    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (jsonOf (f.session()), before);
}

TEST (TrackHeaders, MenuSetsHeightAndColourOfTheSelectedTracks)
{
    EditFixture f;
    const auto before = jsonOf (f.session());
    const auto menu = f.main.trackHeaderMenu (2);
    const int large = itemId (menu, "Large (120 px)");
    const int red = itemId (menu, "Red");
    ASSERT_NE (large, 0);
    ASSERT_NE (red, 0);

    // Not selected: only the clicked track changes.
    f.main.trackHeaderMenuChosen (2, large);
    EXPECT_EQ (f.session().tracks[2].height, 120);
    EXPECT_EQ (f.timeline().getRowHeight (2), 120);
    EXPECT_EQ (f.timeline().getTrackHeaderBounds (3).getY(), f.timeline().getTrackHeaderBounds (2).getBottom());
    EXPECT_EQ (f.session().tracks[3].height, 0);

    // Selected with another: both change, in one step.
    f.main.getController().selectRange (2, 3, { { 0 }, { 48000 } });
    f.main.trackHeaderMenuChosen (2, red);
    EXPECT_EQ (f.session().tracks[2].colour, "#d94f4f");
    EXPECT_EQ (f.session().tracks[3].colour, "#d94f4f");
    EXPECT_EQ (theme::colourForTrack (f.session(), f.session().tracks[3]), juce::Colour (0xffd94f4f));
    EXPECT_EQ (f.main.getDocument()->undoName(), "Track Colour");
    f.main.trackHeaderMenuChosen (3, itemId (f.main.trackHeaderMenu (3), "Bus Colour (default)"));
    EXPECT_EQ (f.session().tracks[3].colour, "");
    EXPECT_EQ (theme::colourForTrack (f.session(), f.session().tracks[3]), theme::colourForBus ("FX"));

    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (jsonOf (f.session()), before);
    EXPECT_EQ (f.timeline().getRowHeight (2), f.timeline().getTrackHeight());
}

TEST (TrackHeaders, CtrlAltUpAndDownStepTheSelectedTracksThroughTheSizes)
{
    EditFixture f;
    f.timeline().setTrackHeight (80);
    f.main.getController().selectRange (0, 1, { { 0 }, { 48000 } });
    const auto ctrlAlt = juce::ModifierKeys::commandModifier | juce::ModifierKeys::altModifier;
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::upKey, ctrlAlt, 0)));
    EXPECT_EQ (f.session().tracks[0].height, 120); // medium -> large
    EXPECT_EQ (f.session().tracks[1].height, 120);
    EXPECT_EQ (f.session().tracks[2].height, 0); // not selected
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::upKey, ctrlAlt, 0)));
    EXPECT_EQ (f.session().tracks[0].height, 200);
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::downKey, ctrlAlt, 0)));
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::downKey, ctrlAlt, 0)));
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::downKey, ctrlAlt, 0)));
    EXPECT_EQ (f.session().tracks[0].height, 56); // small
    EXPECT_EQ (f.timeline().getRowHeight (0), 56);
    EXPECT_EQ (f.timeline().trackAtY (float (f.timeline().getTrackHeaderBounds (1).getY() + 1)), 1);
}

TEST (TrackHeaders, HeightsSurviveSaveAndReload)
{
    EditFixture f;
    ASSERT_TRUE (f.main.getController().setTrackHeight ({ "t2" }, 200).ok());
    ASSERT_TRUE (f.main.getController().setTrackColour ({ "t2" }, "#d8c040").ok());
    ASSERT_TRUE (f.main.getDocument()->save().ok());
    const auto opened = session::loadSessionFile (f.demo.session());
    ASSERT_TRUE (opened.session.has_value());
    EXPECT_EQ (opened.session->tracks[1].height, 200);
    EXPECT_EQ (opened.session->tracks[1].colour, "#d8c040");
}

TEST (TrackHeaders, ScreenshotOfColouredTracksOfSeveralHeights)
{
    EditFixture f;
    f.main.enableWaveforms (f.demo.folder.path / "cache");
    f.main.getWaveforms()->waitUntilIdle();
    auto& c = f.main.getController();
    ASSERT_TRUE (c.setTrackHeight ({ "t1" }, 120).ok());
    ASSERT_TRUE (c.setTrackHeight ({ "t2" }, 40).ok());
    ASSERT_TRUE (c.setTrackHeight ({ "t3" }, 24).ok());
    ASSERT_TRUE (c.setTrackHeight ({ "t5" }, 200).ok());
    ASSERT_TRUE (c.setTrackColour ({ "t1" }, "#d94f4f").ok());
    ASSERT_TRUE (c.setTrackColour ({ "t4" }, "#d866a8").ok());
    ASSERT_TRUE (c.toggleRecordArm ("t1").ok());
    ASSERT_TRUE (c.toggleRecordArm ("t2").ok());
    ASSERT_TRUE (c.toggleSoloSafe ("t6").ok());
    f.timeline().setTrackHeight (80);
    f.timeline().zoomToFit();
    EXPECT_EQ (f.timeline().getRowHeight (0), 120);
    EXPECT_EQ (f.timeline().getRowHeight (2), 24);
    EXPECT_EQ (f.timeline().getRowHeight (3), 80);
    ASSERT_TRUE (Snapshot::writePng (paintToImage (f.main), artefact ("edit-track-colours.png")).ok());
}

TEST (MixerStrips, CtrlClickOnSoloIsSoloSafeAndDrawnApart)
{
    EditFixture f;
    f.main.setShowingMixer (true);
    auto& strip = *f.main.getMixer().findStrip (StripRef::track ("t4"));
    const auto plain = paintToImage (strip);
    click (strip, strip.getSoloButtonArea().getCentre().toFloat(), ctrl);
    EXPECT_TRUE (f.session().tracks[3].soloSafe);
    EXPECT_FALSE (f.session().tracks[3].solo);
    EXPECT_TRUE (strip.getInfo().soloSafe);
    // The S button looks different in solo safe.
    const auto safe = paintToImage (strip);
    const auto centre = strip.getSoloButtonArea().getCentre();
    EXPECT_NE (plain.getPixelAt (centre.x - 6, centre.y - 6), safe.getPixelAt (centre.x - 6, centre.y - 6));
    click (strip, strip.getSoloButtonArea().getCentre().toFloat());
    EXPECT_TRUE (f.session().tracks[3].solo);
}

TEST (MixerStrips, NameShowsTheStoredColourAndDoubleClickRenames)
{
    EditFixture f;
    f.main.setShowingMixer (true);
    auto& mixer = f.main.getMixer();
    auto* strip = mixer.findStrip (StripRef::track ("t2"));
    const auto menu = mixer.nameMenu (StripRef::track ("t2"));
    mixer.nameMenuChosen (StripRef::track ("t2"), itemId (menu, "Green"));
    EXPECT_EQ (f.session().tracks[1].colour, "#5bb85d");
    EXPECT_EQ (strip->getInfo().colour, "#5bb85d");
    const auto image = paintToImage (*strip);
    EXPECT_EQ (image.getPixelAt (strip->getWidth() / 2, 1), juce::Colour (0xff5bb85d));
    // A bus's stored colour overrides its default, and its tracks follow it.
    mixer.nameMenuChosen (StripRef::bus ("DX"), itemId (mixer.nameMenu (StripRef::bus ("DX")), "Red"));
    EXPECT_EQ (f.session().buses[0].colour, "#d94f4f");
    EXPECT_EQ (mixer.findStrip (StripRef::track ("t1"))->getInfo().colour, "#d94f4f");
    EXPECT_EQ (theme::colourForTrack (f.session(), f.session().tracks[0]), juce::Colour (0xffd94f4f));

    const auto at = strip->getNameArea().getCentre().toFloat();
    const auto held = juce::ModifierKeys().withFlags (juce::ModifierKeys::leftButtonModifier);
    strip->mouseDown (mouseEvent (*strip, at, at, held));
    strip->mouseUp (mouseEvent (*strip, at, at, {}));
    strip->mouseDoubleClick (mouseEvent (*strip, at, at, held, 2));
    auto* editor = mixer.getNameEditor();
    ASSERT_NE (editor, nullptr);
    EXPECT_EQ (editor->getText(), "DX 2");
    editor->setText ("Boom 416");
    // The return key reaches onReturnKey through a posted message, and these tests run no
    // message loop: call what it calls.
    ASSERT_TRUE (editor->onReturnKey != nullptr);
    editor->onReturnKey();
    EXPECT_EQ (f.session().tracks[1].name, "Boom 416");
    EXPECT_EQ (f.main.getDocument()->undoName(), "Rename Track");
    EXPECT_EQ (mixer.findStrip (StripRef::track ("t2"))->getInfo().name, "Boom 416");
}
