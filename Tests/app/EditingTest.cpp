// Editing in the edit window through mouse events on the timeline and key presses through the
// real key mappings: the model's results are checked sample-exactly, undone and redone, saved
// and reloaded.
#include "EditTestSupport.h"

#include "app/Snapshot.h"
#include "app/TimelineGestures.h"
#include "support/TestAudioFiles.h"

#include "session/Autosave.h"
#include "session/SessionFile.h"
#include "session/SessionJson.h"
#include "session/TimelineGrid.h"

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;

TEST (EditingTest, ClickSelectsAClipAndShiftClickAddsAnother)
{
    EditFixture f;
    f.click (f.bodyPoint (0, 0));
    ASSERT_EQ (f.main.getController().selection().clips.size(), 1u);
    EXPECT_EQ (f.main.getController().selection().clips[0].clipId, "c1");

    f.click (f.bodyPoint (1, 0), shiftKey);
    EXPECT_EQ (f.main.getController().selection().clips.size(), 2u);
    f.click (f.bodyPoint (1, 0), shiftKey);
    EXPECT_EQ (f.main.getController().selection().clips.size(), 1u) << "shift-click again takes it out";
}

TEST (EditingTest, DraggingAClipMovesItAndUndoRedoRestoreIt)
{
    EditFixture f;
    const auto before = f.session();
    const auto from = f.bodyPoint (0, 0);
    f.drag (from, from + juce::Point<float> (100.0f, 0.0f));

    const auto expected = 168000 + int64_t (std::llround (100.0 * f.timeline().getScale().samplesPerPixel));
    EXPECT_EQ (clipOf (f.session(), 0, 0).position.samples, expected) << f.main.getLastProblem();
    EXPECT_EQ (f.main.getDocument()->undoName(), "Move");
    EXPECT_TRUE (f.main.getDocument()->isModified());

    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (f.session(), before);
    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl | shiftKey, 0)));
    EXPECT_EQ (clipOf (f.session(), 0, 0).position.samples, expected);
}

TEST (EditingTest, GridModeSnapsADraggedClipToAFrame)
{
    EditFixture f;
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::F4Key)));
    EXPECT_EQ (f.main.getController().getMode(), EditMode::grid);
    const auto from = f.bodyPoint (0, 0);
    f.drag (from, from + juce::Point<float> (37.0f, 0.0f));
    const auto position = clipOf (f.session(), 0, 0).position;
    EXPECT_NE (position.samples, 168000);
    EXPECT_EQ (session::snapToFrame (f.session(), position), position) << "on a frame boundary";
}

TEST (EditingTest, DraggingDownMovesAClipToTheNextTrackAndShiftKeepsItsTime)
{
    EditFixture f;
    const auto from = f.bodyPoint (0, 0);
    const float rowHeight = float (f.timeline().getTrackHeight());
    f.drag (from, from + juce::Point<float> (60.0f, rowHeight), juce::ModifierKeys (shiftKey));
    EXPECT_EQ (f.session().tracks[0].clips.size(), 4u) << "one of five clips left DX 1";
    const auto* moved = findClip (f.session(), "c1");
    ASSERT_NE (moved, nullptr);
    EXPECT_EQ (moved->position.samples, 168000) << "shift constrains to the same time";
    const auto& t2 = f.session().tracks[1].clips;
    EXPECT_TRUE (std::any_of (t2.begin(), t2.end(), [] (auto& c) { return c.id == "c1"; }));
    ASSERT_EQ (f.main.getController().selection().clips.size(), 1u);
    EXPECT_EQ (f.main.getController().selection().clips[0].trackId, "t2") << "the selection follows the clip";
}

TEST (EditingTest, DraggingTheRightEdgeTrimsTheEnd)
{
    EditFixture f;
    const auto bounds = f.timeline().getClipBounds (0, 0);
    const juce::Point<float> edge (bounds.getRight() - 2.0f, bounds.getBottom() - 8.0f);
    ASSERT_EQ (f.timeline().hitTest (edge).part, TimelineComponent::Hit::Part::clipTrimEnd);
    f.drag (edge, edge - juce::Point<float> (50.0f, 0.0f));
    const auto expected = 153210 - int64_t (std::llround (50.0 * f.timeline().getScale().samplesPerPixel));
    EXPECT_EQ (clipOf (f.session(), 0, 0).length.samples, expected);
    EXPECT_EQ (clipOf (f.session(), 0, 0).position.samples, 168000);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Trim End");
}

TEST (EditingTest, DraggingTheFadeHandleSetsTheFadeIn)
{
    EditFixture f;
    f.timeline().setView (200.0, 100000.0); // zoomed in: the clip is 766 px wide
    const auto bounds = f.timeline().getClipBounds (0, 0);
    const auto clip = clipOf (f.session(), 0, 0);
    const juce::Point<float> handle (ClipPainter::fadeInHandleX (clip, bounds, f.timeline().getScale()) + 1.0f,
                                     bounds.getY() + 3.0f);
    ASSERT_EQ (f.timeline().hitTest (handle).part, TimelineComponent::Hit::Part::clipFadeIn);
    f.drag (handle, { bounds.getX() + 100.0f, handle.y });
    EXPECT_EQ (clipOf (f.session(), 0, 0).fadeIn.length.samples,
               std::llround (f.timeline().getScale().sampleForX (bounds.getX() + 100.0f)) - 168000);
    EXPECT_EQ (clipOf (f.session(), 0, 0).fadeIn.shape, dsp::FadeShape::sCurve) << "an existing fade keeps its shape";
}

TEST (EditingTest, DraggingTheGainLineChangesClipGain)
{
    EditFixture f;
    f.timeline().setView (200.0, 100000.0);
    f.click (f.bodyPoint (0, 0)); // selected: its gain line shows
    const auto body = ClipPainter::bodyOf (f.timeline().getClipBounds (0, 0));
    const juce::Point<float> line (body.getCentreX(), ClipPainter::gainLineY (0.0, body));
    ASSERT_EQ (f.timeline().hitTest (line).part, TimelineComponent::Hit::Part::clipGainLine);
    f.drag (line, line + juce::Point<float> (0.0f, 20.0f));
    EXPECT_LT (clipOf (f.session(), 0, 0).gainDb, -5.0);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Clip Gain");
}

TEST (EditingTest, CtrlAltDragSlipsTheAudioInsideTheClip)
{
    EditFixture f;
    // Shorten it first so there is media to slip into.
    const auto bounds = f.timeline().getClipBounds (0, 0);
    const juce::Point<float> edge (bounds.getRight() - 2.0f, bounds.getBottom() - 8.0f);
    f.drag (edge, edge - juce::Point<float> (30.0f, 0.0f));
    const auto from = f.bodyPoint (0, 0);
    f.drag (from, from - juce::Point<float> (10.0f, 0.0f), juce::ModifierKeys (ctrl | juce::ModifierKeys::altModifier));
    const auto& clip = clipOf (f.session(), 0, 0);
    EXPECT_EQ (clip.position.samples, 168000) << "the clip stays put";
    EXPECT_EQ (clip.sourceOffset.samples, std::llround (10.0 * f.timeline().getScale().samplesPerPixel));
    EXPECT_EQ (f.main.getDocument()->undoName(), "Slip");
}

TEST (EditingTest, RangeAcrossTracksThenSplitAndDelete)
{
    EditFixture f;
    f.timeline().setView (400.0, 0.0);
    // Drag in empty lane space on DX 1 (before its first clip) down to DX 2, across c1's start.
    const auto c1 = f.timeline().getClipBounds (0, 0);
    const auto row0 = f.timeline().getTrackHeaderBounds (0);
    const auto row1 = f.timeline().getTrackHeaderBounds (1);
    const juce::Point<float> from (c1.getX() - 40.0f, float (row0.getCentreY()));
    const juce::Point<float> to (c1.getX() + 60.0f, float (row1.getCentreY()));
    ASSERT_EQ (f.timeline().hitTest (from).part, TimelineComponent::Hit::Part::lane);
    f.drag (from, to);
    const auto& selection = f.main.getController().selection();
    ASSERT_TRUE (selection.hasRange());
    EXPECT_EQ (selection.trackIds, (std::vector<std::string> { "t1", "t2" }));

    const auto clipsBefore = f.session().tracks[0].clips.size();
    ASSERT_TRUE (f.press (juce::KeyPress ('e', ctrl, 0)));
    EXPECT_EQ (f.session().tracks[0].clips.size(), clipsBefore + 1) << "c1 split at the range's end";
    EXPECT_EQ (f.main.getDocument()->undoName(), "Split");

    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::deleteKey)));
    const auto& first = clipOf (f.session(), 0, 0);
    EXPECT_EQ (first.position, selection.range.end) << "the range was cleared";
    EXPECT_EQ (f.main.getDocument()->undoName(), "Clear");
}

TEST (EditingTest, KeysMuteNudgeDuplicateCutAndPaste)
{
    EditFixture f;
    f.click (f.bodyPoint (0, 0));
    ASSERT_TRUE (f.press (juce::KeyPress ('m', ctrl, 0)));
    EXPECT_TRUE (clipOf (f.session(), 0, 0).mute);

    ASSERT_TRUE (f.press (juce::KeyPress ('.')));
    const auto nudged = clipOf (f.session(), 0, 0).position;
    EXPECT_EQ (nudged, session::nudgeByFrames (f.session(), { 168000 }, 1));
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::numberPadSubtract)));
    EXPECT_EQ (clipOf (f.session(), 0, 0).position.samples, 168000);

    // Edit > Nudge Value > 10 samples: '.' now moves the clip ten samples, one undo step.
    ASSERT_TRUE (f.main.invoke (MainComponent::nudgeValueCommand + 1));
    EXPECT_EQ (std::string (session::nudgeValues()[f.main.getNudgeIndex()].name), "10 samples");
    ASSERT_TRUE (f.press (juce::KeyPress ('.')));
    EXPECT_EQ (clipOf (f.session(), 0, 0).position.samples, 168010);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Nudge");
    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (clipOf (f.session(), 0, 0).position.samples, 168000);
    ASSERT_TRUE (f.main.invoke (MainComponent::nudgeValueCommand + juce::CommandID (session::defaultNudgeIndex)));

    ASSERT_TRUE (f.press (juce::KeyPress ('d', ctrl, 0)));
    EXPECT_EQ (f.session().tracks[0].clips.size(), 6u);
    EXPECT_EQ (clipOf (f.session(), 0, 1).position.samples, 168000 + 153210) << "right after the original";

    ASSERT_TRUE (f.press (juce::KeyPress ('x', ctrl, 0))); // the duplicate is selected: cut it
    EXPECT_EQ (f.session().tracks[0].clips.size(), 5u);

    // Paste at a cursor on DX 2 at 10 s.
    f.main.getController().selectRange (1, 1, { { 480000 }, { 480000 } });
    ASSERT_TRUE (f.press (juce::KeyPress ('v', ctrl, 0)));
    const auto& t2 = f.session().tracks[1].clips;
    EXPECT_TRUE (
        std::any_of (t2.begin(), t2.end(), [] (auto& c) { return c.position.samples == 480000 && c.length.samples == 153210; }));
}

TEST (EditingTest, ClipGainKeysAndRenameAndSpot)
{
    EditFixture f;
    f.click (f.bodyPoint (0, 0));
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::upKey, ctrl | shiftKey, 0)));
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::upKey, ctrl | shiftKey, 0)));
    EXPECT_DOUBLE_EQ (clipOf (f.session(), 0, 0).gainDb, 2.0);

    ASSERT_TRUE (f.main.getController().rename ("Line one, take 2").ok());
    EXPECT_EQ (clipOf (f.session(), 0, 0).name, "Line one, take 2");

    // 23.976 fps: 01:00:10:00 is 10 s of frames at 1000/1001 speed.
    ASSERT_TRUE (f.main.getController().spot ("01:00:10:00").ok());
    const auto* spotted = findClip (f.session(), "c1");
    ASSERT_NE (spotted, nullptr);
    EXPECT_EQ (spotted->position, *session::timelinePosition (f.session(), { 1, 0, 10, 0 }));
    EXPECT_FALSE (f.main.getController().spot ("not a timecode").ok());
}

TEST (EditingTest, CrossfadeAcrossACutWithF)
{
    EditFixture f;
    f.timeline().setView (100.0, 150000.0);
    // Split c1 in the middle at a cursor, then select 2400 samples across the cut.
    f.main.getController().selectRange (0, 0, { { 240000 }, { 240000 } });
    ASSERT_TRUE (f.press (juce::KeyPress ('b')));
    ASSERT_EQ (f.session().tracks[0].clips.size(), 6u);
    f.main.getController().selectRange (0, 0, { { 238800 }, { 241200 } });
    EXPECT_TRUE (f.main.getController().rangeCrossesCut());
    ASSERT_TRUE (f.main.getController().fadeSelection (dsp::FadeShape::equalPower).ok());
    const auto& left = clipOf (f.session(), 0, 0);
    const auto& right = clipOf (f.session(), 0, 1);
    EXPECT_EQ (left.end().samples, 241200);
    EXPECT_EQ (right.position.samples, 238800);
    EXPECT_EQ (left.fadeOut.length.samples, 2400);
    EXPECT_EQ (right.fadeIn.shape, dsp::FadeShape::equalPower);
}

TEST (EditingTest, HeaderButtonsMuteSoloAndArm)
{
    EditFixture f;
    const auto controls = f.timeline().headerControls (2);
    f.click (controls.mute.getCentre().toFloat());
    EXPECT_TRUE (f.session().tracks[2].mute);
    f.click (controls.solo.getCentre().toFloat());
    EXPECT_TRUE (f.session().tracks[2].solo);
    f.click (controls.record.getCentre().toFloat());
    EXPECT_TRUE (f.session().tracks[2].recordArm);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Record Arm");
}

TEST (EditingTest, PlaylistsDuplicateNewAndSwitch)
{
    EditFixture f;
    auto& controller = f.main.getController();
    ASSERT_TRUE (controller.duplicatePlaylist ("t1").ok());
    EXPECT_EQ (f.session().tracks[0].playlistName, "Main 2");
    ASSERT_TRUE (controller.newPlaylist ("t1").ok());
    EXPECT_EQ (f.session().tracks[0].playlistName, "Main 3");
    EXPECT_TRUE (f.session().tracks[0].clips.empty());
    ASSERT_TRUE (controller.switchPlaylist ("t1", "Main").ok());
    EXPECT_EQ (f.session().tracks[0].clips.size(), 5u);
}

TEST (EditingTest, SavedEditsReloadIdentically)
{
    EditFixture f;
    const auto from = f.bodyPoint (3, 0);
    f.drag (from, from + juce::Point<float> (25.0f, 0.0f));
    f.click (f.bodyPoint (0, 1));
    ASSERT_TRUE (f.press (juce::KeyPress ('m', ctrl, 0)));
    ASSERT_TRUE (f.main.getDocument()->save().ok());
    EXPECT_FALSE (f.main.getDocument()->isModified());

    auto reloaded = session::loadSessionFile (f.demo.session());
    ASSERT_TRUE (reloaded.session.has_value());
    EXPECT_EQ (*reloaded.session, f.session());
    EXPECT_EQ (session::sessionToJson (*reloaded.session).dump(), session::sessionToJson (f.session()).dump());
}

TEST (EditingTest, ASecondOpenIsReadOnlyAndNamesTheHolder)
{
    EditFixture f;
    auto second = Document::open (f.demo.session());
    auto* document = std::get_if<std::unique_ptr<Document>> (&second);
    ASSERT_NE (document, nullptr);
    EXPECT_TRUE ((*document)->isReadOnly());
    EXPECT_NE ((*document)->getReadOnlyReason().find ("open by"), std::string::npos) << (*document)->getReadOnlyReason();
    EXPECT_FALSE ((*document)->perform ("Mute", [] (session::SessionEditor&) { return core::Status {}; }).ok());

    MainComponent other;
    other.setSize (1600, 900);
    other.setDocument (std::move (*document));
    EXPECT_TRUE (other.getTransportBar().getReadOnlyText().contains ("open by"));
    const auto image = paintToImage (other);
    ASSERT_TRUE (
        Snapshot::writePng (image, juce::File::getCurrentWorkingDirectory().getChildFile ("artefacts/edit-read-only.png")).ok());
}

TEST (EditingTest, AutosaveIsOfferedAndRecoversTheEdits)
{
    session::Session edited;
    DemoCopy demo;
    {
        auto opened = Document::open (demo.session());
        auto& document = *std::get<std::unique_ptr<Document>> (opened);
        ASSERT_TRUE (document
                         .perform ("Mute",
                                   [] (session::SessionEditor& e) {
                                       e.track ("t1")->mute = true;
                                       return core::Status {};
                                   })
                         .ok());
        ASSERT_TRUE (document.autosaveIfNeeded().ok());
        edited = document.session();
        EXPECT_TRUE (session::hasRecoverableAutosave (demo.session()));
    } // "crash": closed without saving
    auto recovered = Document::open (demo.session(), true);
    auto& document = *std::get<std::unique_ptr<Document>> (recovered);
    EXPECT_EQ (document.session(), edited);
    EXPECT_TRUE (document.isModified()) << "recovered work is unsaved until saved";
    ASSERT_TRUE (document.save().ok());
    EXPECT_FALSE (session::hasRecoverableAutosave (demo.session())) << "saving discards the autosave";
}

TEST (EditingTest, RepairedAutomationIsReportedAndUnsavedUntilSaved)
{
    DemoCopy demo;
    auto json = nlohmann::json::parse (readTextFile (demo.session()));
    json["tracks"][0]["automation"]["gain_db"] = nlohmann::json::array ({ { 96000, -6.0 }, { 48000, 30.0 } });
    writeTextFile (demo.session(), json.dump (2));

    auto opened = Document::open (demo.session());
    auto& document = *std::get<std::unique_ptr<Document>> (opened);
    const auto& repairs = document.repairsToSave();
    ASSERT_EQ (repairs.size(), 2u) << SessionLoader::describe (repairs);
    EXPECT_EQ (repairs[0].path, "tracks[0].automation.gain_db[1]");
    EXPECT_NE (repairs[0].message.find ("clamped to 24"), std::string::npos) << "the gain range's top: " << repairs[0].message;
    EXPECT_EQ (repairs[1].path, "tracks[0].automation.gain_db[1]");
    EXPECT_NE (repairs[1].message.find ("out of order"), std::string::npos) << repairs[1].message;
    EXPECT_TRUE (document.isModified()) << "a repaired session is unsaved work, so closing asks";

    ASSERT_TRUE (document.save().ok());
    EXPECT_FALSE (document.isModified());
    EXPECT_TRUE (document.repairsToSave().empty());
    const auto saved = nlohmann::json::parse (readTextFile (demo.session()));
    EXPECT_EQ (saved["tracks"][0]["automation"]["gain_db"], nlohmann::json::parse ("[[48000, 24.0], [96000, -6.0]]"));
}

TEST (EditingTest, ImportRefusesWhatIsNotAudioAndImportsWhatIs)
{
    EditFixture f;
    const auto text = f.demo.folder.path / "notes.txt";
    writeTextFile (text, "not audio");
    EXPECT_FALSE (f.main.importFiles ({ juce::String (text.string()) }, 0, false));
    EXPECT_TRUE (f.main.getLastProblem().contains ("notes.txt")) << f.main.getLastProblem();

    const auto audio = f.demo.folder.path / "audio" / "fx_door.wav";
    const auto tracks = f.session().tracks.size();
    ASSERT_TRUE (f.main.importFiles ({ juce::String (audio.string()) }, 96000, false));
    ASSERT_EQ (f.session().tracks.size(), tracks + 1);
    EXPECT_EQ (f.session().tracks.back().clips.at (0).position.samples, 96000);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Import Audio");
}

TEST (EditingTest, PolyFilesSplitToMonoTracksOrStayWholeAsTheFileMenuSays)
{
    EditFixture f;
    // A 5.1 recording (L R C LFE Ls Rs), each channel a different constant.
    std::vector<std::vector<float>> channels;
    for (int c = 0; c < 6; ++c)
        channels.push_back (std::vector<float> (4800, 0.1f * float (c + 1)));
    const auto poly = f.demo.folder.path / "stage_51.wav";
    sprocket::test::writeFloatWav (poly, channels);
    const auto tracks = f.session().tracks.size();

    ASSERT_TRUE (f.main.isSplittingPolyFiles());
    ASSERT_TRUE (f.main.importFiles ({ juce::String (poly.string()) }, 0, false)) << f.main.getLastProblem();
    ASSERT_EQ (f.session().tracks.size(), tracks + 6);
    EXPECT_EQ (f.session().tracks.back().channels, 1);
    // Into the session's "Audio Files" folder, made for them (as Pro Tools keeps its media).
    EXPECT_TRUE (std::filesystem::exists (f.demo.folder.path / "Audio Files" / "stage_51_1.wav"));
    EXPECT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));

    // Split off (the File menu's tick): one 5.1 track; a 4-channel file is then refused, saying why.
    EXPECT_TRUE (f.main.invoke (MainComponent::splitPolyCommand));
    EXPECT_FALSE (f.main.isSplittingPolyFiles());
    ASSERT_TRUE (f.main.importFiles ({ juce::String (poly.string()) }, 0, false)) << f.main.getLastProblem();
    ASSERT_EQ (f.session().tracks.size(), tracks + 1);
    EXPECT_EQ (f.session().tracks.back().channels, 6);
    const auto quad = f.demo.folder.path / "quad.wav";
    sprocket::test::writeFloatWav (quad, { channels[0], channels[1], channels[2], channels[3] });
    EXPECT_FALSE (f.main.importFiles ({ juce::String (quad.string()) }, 0, false));
    EXPECT_TRUE (f.main.getLastProblem().contains ("quad.wav: 4 channels")) << f.main.getLastProblem();
}
