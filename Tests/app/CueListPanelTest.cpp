// The cue lists under the timeline (View > Cue Lists) driven like a user: the key that shows
// them, clicks on the buttons and rows, double-clicks into cells and typing. Writes
// artefacts/edit-window-cue-lists.png.
#include "EditTestSupport.h"

#include "app/CueListPanel.h"
#include "app/Snapshot.h"
#include "session/CueCsv.h"
#include "session/TimelineGrid.h"

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;

namespace
{
juce::MouseEvent mouseOn (juce::Component& component, juce::ModifierKeys mods, int clicks)
{
    const auto at = component.getLocalBounds().getCentre().toFloat();
    const auto now = juce::Time::getCurrentTime();
    return juce::MouseEvent (juce::Desktop::getInstance().getMainMouseSource(), at, mods, juce::MouseInputSource::defaultPressure,
                             0.0f, 0.0f, 0.0f, 0.0f, &component, &component, now, at, now, clicks, false);
}

void clickComponent (juce::Component& component)
{
    component.mouseDown (mouseOn (component, juce::ModifierKeys (juce::ModifierKeys::leftButtonModifier), 1));
    component.mouseUp (mouseOn (component, {}, 1));
}

struct CueFixture : EditFixture
{
    CueFixture()
    {
        EXPECT_TRUE (press (juce::KeyPress ('5', ctrl, 0)));
        EXPECT_TRUE (main.isShowingCueLists());
        main.resized();
    }

    CueListPanel& panel() { return main.getCueListPanel(); }

    void clickButton (const juce::String& id)
    {
        auto* button = panel().findChildWithID (id);
        ASSERT_NE (button, nullptr) << id;
        ASSERT_TRUE (button->isEnabled()) << id;
        clickComponent (*button);
    }

    /** Double-clicks into a cell, types `text` over what is there and commits it. */
    void type (CueListPanel::List list, size_t row, int column, const juce::String& text)
    {
        auto& table = panel().getTable (list);
        table.getTableListBox().updateContent();
        auto* cell = table.getCellEditor (row, column);
        ASSERT_NE (cell, nullptr) << "row " << row << " column " << column;
        static_cast<juce::Component*> (cell)->mouseDoubleClick (
            mouseOn (*cell, juce::ModifierKeys (juce::ModifierKeys::leftButtonModifier), 2));
        auto* editor = cell->getCurrentTextEditor();
        ASSERT_NE (editor, nullptr);
        editor->selectAll();
        editor->insertTextAtCaret (text);
        // What Return does; the TextEditor delivers Return through the message queue, which
        // these tests do not run, so the label is told directly.
        cell->hideEditor (false);
    }

    core::SamplePosition at (const char* timecode)
    {
        return *session::timelinePosition (session(), *core::parseTimecode (timecode, session().frameRate));
    }
};
} // namespace

TEST (CueListPanelTest, AddAMarkerAtThePlayheadThenSpotItByTypingItsTimecode)
{
    CueFixture f;
    f.panel().showList (CueListPanel::List::markers);
    const auto before = f.session().markers.size();
    f.main.locate (f.at ("01:00:03:00").samples);
    f.clickButton ("add");
    ASSERT_EQ (f.session().markers.size(), before + 1);

    // Markers stay in timeline order: the new one sits after the FFOA at 01:00:00:00.
    const auto& markers = f.session().markers;
    const auto row =
        size_t (std::find_if (markers.begin(), markers.end(), [&] (auto& m) { return m.position == f.at ("01:00:03:00"); })
                - markers.begin());
    ASSERT_LT (row, markers.size());
    EXPECT_EQ (row, 1u);
    EXPECT_EQ (f.panel().getTable (CueListPanel::List::markers).getCellText (row, 2), "01:00:03:00");

    f.type (CueListPanel::List::markers, row, 4, "Hit: slam");
    f.type (CueListPanel::List::markers, row, 2, "01:00:12:05");
    const auto spotted =
        std::find_if (f.session().markers.begin(), f.session().markers.end(), [] (auto& m) { return m.name == "Hit: slam"; });
    ASSERT_NE (spotted, f.session().markers.end());
    EXPECT_EQ (spotted->position, f.at ("01:00:12:05"));
    EXPECT_TRUE (std::is_sorted (f.session().markers.begin(), f.session().markers.end(),
                                 [] (auto& a, auto& b) { return a.position < b.position; }));

    // Three steps, each undone by the real key.
    EXPECT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (f.session().markers[row].position, f.at ("01:00:03:00"));
    EXPECT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (f.session().markers.size(), before);
}

TEST (CueListPanelTest, AdrCuesAreEditedCellByCellAndABadTimecodeIsRefusedWithAMessage)
{
    CueFixture f;
    f.panel().showList (CueListPanel::List::adr);
    f.main.locate (f.at ("01:00:20:00").samples);
    f.clickButton ("add");
    f.clickButton ("add");
    ASSERT_EQ (f.session().cues.adr.size(), 2u);
    EXPECT_EQ (f.session().cues.adr[0].id, "1");
    EXPECT_EQ (f.session().cues.adr[1].id, "2");
    EXPECT_EQ (f.session().cues.adr[0].in, f.at ("01:00:20:00"));
    EXPECT_EQ (f.session().cues.adr[0].out - f.session().cues.adr[0].in, core::SampleDuration { 2 * 48000 });

    f.type (CueListPanel::List::adr, 0, 2, "MARY");
    f.type (CueListPanel::List::adr, 0, 3, "Where were you, Tom?");
    f.type (CueListPanel::List::adr, 0, 4, "01:00:30:00"); // spots the cue: it keeps its length
    f.type (CueListPanel::List::adr, 0, 5, "01:00:33:12");
    f.type (CueListPanel::List::adr, 0, 6, "Approved");
    const auto& cue = f.session().cues.adr[0];
    EXPECT_EQ (cue.character, "MARY");
    EXPECT_EQ (cue.line, "Where were you, Tom?");
    EXPECT_EQ (cue.in, f.at ("01:00:30:00"));
    EXPECT_EQ (cue.out, f.at ("01:00:33:12"));
    EXPECT_EQ (cue.status, session::AdrStatus::approved);

    const auto unchanged = f.session().cues.adr;
    f.type (CueListPanel::List::adr, 0, 5, "01:00:29:00"); // before the in
    f.type (CueListPanel::List::adr, 0, 4, "01:00:6x:00");
    f.type (CueListPanel::List::adr, 1, 1, "1"); // the other cue's id
    f.type (CueListPanel::List::adr, 0, 6, "lost");
    EXPECT_EQ (f.session().cues.adr, unchanged);
    EXPECT_TRUE (f.main.getLastProblem().contains ("lost")) << f.main.getLastProblem();
    EXPECT_EQ (f.panel().getTable (CueListPanel::List::adr).getCellEditor (0, 6)->getText(), "approved");

    // Select the second row with a click, then Delete.
    auto* idCell = f.panel().getTable (CueListPanel::List::adr).getCellEditor (1, 1);
    ASSERT_NE (idCell, nullptr);
    clickComponent (*idCell);
    EXPECT_EQ (f.main.playheadPosition(), f.session().cues.adr[1].in.samples);
    f.clickButton ("delete");
    ASSERT_EQ (f.session().cues.adr.size(), 1u);
    EXPECT_EQ (f.session().cues.adr[0].id, "1");
}

TEST (CueListPanelTest, MusicCuesImportFromCsvExportBackAndMakeACueSheet)
{
    CueFixture f;
    f.panel().showList (CueListPanel::List::music);
    const auto csv = f.demo.folder.path / "music.csv";
    writeTextFile (csv, "Cue,Title,Start,End,Usage,Composer\r\n"
                        "1M1,Opening,01:00:00:00,01:00:42:10,MT,A. Composer\r\n"
                        "1M2,\"Chase, part 1\",01:01:10:00,01:02:00:00,BI,A. Composer\r\n");
    ASSERT_TRUE (f.panel().importCsv (csv));
    auto& table = f.panel().getTable (CueListPanel::List::music);
    ASSERT_EQ (table.getNumRowsShown(), 2u);
    EXPECT_EQ (table.getCellText (1, 2), "Chase, part 1");
    EXPECT_EQ (table.getCellText (0, 5), "0:43");
    EXPECT_FALSE (f.panel().findChildWithID ("cueSheet") == nullptr);

    const auto exported = f.demo.folder.path / "exported.csv";
    ASSERT_TRUE (f.panel().exportCsv (exported));
    const auto back = session::readMusicCuesCsv (exported, f.session());
    ASSERT_TRUE (back) << back.error().message;
    EXPECT_EQ (*back, f.session().cues.music);

    const auto sheet = f.demo.folder.path / "sheet.csv";
    ASSERT_TRUE (f.panel().exportCueSheet (sheet));
    EXPECT_TRUE (std::filesystem::file_size (sheet) > 0);

    // One undo takes the whole import back.
    EXPECT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_TRUE (f.session().cues.music.empty());

    // A broken file changes nothing and says where it is broken.
    writeTextFile (csv, "Cue,Start,End\n1M1,01:00:00:00,later\n");
    const auto refused = f.panel().importCsv (csv);
    ASSERT_FALSE (refused);
    EXPECT_NE (refused.error().message.find ("row 2, column \"End\""), std::string::npos) << refused.error().message;
    EXPECT_TRUE (f.session().cues.music.empty());
}

TEST (CueListPanelTest, EditWindowWithTheAdrListScreenshot)
{
    CueFixture f;
    f.panel().showList (CueListPanel::List::adr);
    const auto csv = f.demo.folder.path / "adr.csv";
    writeTextFile (csv, "Cue,Character,Line,TC In,TC Out,Notes,Status\n"
                        "101,MARY,Where were you?,01:00:02:00,01:00:03:12,plane over,recorded\n"
                        "102,TOM,\"Out. Just out.\",01:00:04:00,01:00:05:06,,approved\n"
                        "103,MARY,You're soaked.,01:00:07:10,01:00:08:20,off mic,pending\n"
                        "104,TOM,It's raining.,01:00:10:00,01:00:11:00,wild line,omitted\n");
    ASSERT_TRUE (f.panel().importCsv (csv));
    ASSERT_EQ (f.panel().getTable (CueListPanel::List::adr).getNumRowsShown(), 4u);
    const auto file = juce::File::getCurrentWorkingDirectory().getChildFile ("artefacts/edit-window-cue-lists.png");
    EXPECT_TRUE (Snapshot::writePng (paintToImage (f.main), file).ok());
}
