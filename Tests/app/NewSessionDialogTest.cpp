// File > New in the app: the New Session dialog's fields (typed and picked, then a real click on
// Create) make a session in a folder of its own, saved at once with its lock and an "Audio Files"
// folder, at the rates and start asked; bad fields are refused naming the field and write
// nothing; a session that is already there is not overwritten.
#include "AppTestSupport.h"

#include "app/Document.h"
#include "app/NewSessionDialog.h"
#include "app/Snapshot.h"
#include "session/Autosave.h"
#include "session/SessionFile.h"
#include "session/SessionLock.h"
#include "session/TrackListEdits.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;

namespace
{
session::NewSessionSettings firstTimeChoices()
{
    session::NewSessionSettings choices;
    choices.name = "Untitled";
    return choices;
}

/** The dialog as the app wires it: Create makes the document (the app then shows it). */
struct NewSessionFixture
{
    TemporaryFolder folder;
    NewSessionDialog dialog { firstTimeChoices(), folder.path };
    std::unique_ptr<Document> created;
    int creates = 0;

    NewSessionFixture()
    {
        dialog.setVisible (true);
        dialog.onCreate = [this] (const NewSessionDialog::Request& request) -> juce::String {
            ++creates;
            auto made = Document::createNew (request.settings, request.folder);
            if (! made.ok())
                return juce::String::fromUTF8 (made.error().message.c_str());
            created = std::move (*made);
            return {};
        };
    }
};

} // namespace

TEST (NewSessionDialog, CreateMakesTheSessionInItsOwnFolderAtTheRatesAsked)
{
    NewSessionFixture f;
    auto& d = f.dialog;
    EXPECT_EQ (d.getSampleRateBox().getText(), "48 kHz");
    EXPECT_EQ (d.getFrameRateBox().getText(), "24");
    EXPECT_EQ (d.getStartEditor().getText(), "01:00:00:00");

    d.getNameEditor().setText ("Reel 2 Dialogue", juce::sendNotification);
    EXPECT_EQ (d.getDestination(),
               "Saves as " + juce::String ((f.folder.path / "Reel 2 Dialogue" / "Reel 2 Dialogue.sprocket").string()));
    d.getSampleRateBox().setSelectedItemIndex (itemIndex (d.getSampleRateBox(), "96 kHz"));
    d.getFrameRateBox().setSelectedItemIndex (itemIndex (d.getFrameRateBox(), "29.97 DF"));
    d.getStartEditor().setText ("00:59:50;00");
    d.getMasterBox().setSelectedItemIndex (itemIndex (d.getMasterBox(), "5.1"));
    EXPECT_TRUE (Snapshot::writePng (paintToImage (d), artefact ("new-session-dialog.png")).ok());
    clickCentre (d.getCreateButton());
    ASSERT_EQ (d.getProblem(), "");
    ASSERT_NE (f.created, nullptr);

    const auto file = f.folder.path / "Reel 2 Dialogue" / "Reel 2 Dialogue.sprocket";
    EXPECT_EQ (f.created->file(), file);
    EXPECT_FALSE (f.created->isUntitled());
    EXPECT_FALSE (f.created->isModified());
    EXPECT_FALSE (f.created->isReadOnly());
    EXPECT_TRUE (std::filesystem::is_directory (file.parent_path() / "Audio Files"));
    EXPECT_TRUE (std::filesystem::exists (session::SessionLock::lockFileFor (file)));

    auto loaded = session::loadSessionFile (file);
    ASSERT_TRUE (loaded.session.has_value());
    const auto& s = *loaded.session;
    EXPECT_EQ (s.name, "Reel 2 Dialogue");
    EXPECT_EQ (s.sampleRate, 96000);
    EXPECT_EQ (s.frameRate, core::FrameRate::fps29_97df);
    EXPECT_EQ (core::formatTimecode (s.startTimecode, s.frameRate), "00:59:50;00");
    EXPECT_EQ (s.master.channels, 6);
    ASSERT_EQ (s.buses.size(), 5u);
    EXPECT_EQ (s.buses[0].id, "DX");
    EXPECT_EQ (s.buses[0].channels, 6);

    // Saved from the start, so unsaved work has an autosave beside it.
    ASSERT_TRUE (f.created->perform ("New Tracks", [] (session::SessionEditor& editor) {
        return session::addTracks (editor, session::NewStrips { 1, 1, "DX", "DX" });
    }));
    ASSERT_TRUE (f.created->autosaveIfNeeded());
    EXPECT_TRUE (std::filesystem::exists (session::autosaveFileFor (file)));
}

TEST (NewSessionDialog, BadFieldsAreRefusedNamingTheFieldAndWriteNothing)
{
    NewSessionFixture f;
    auto& d = f.dialog;
    d.getNameEditor().setText ("Reel 2/3");
    clickCentre (d.getCreateButton());
    EXPECT_TRUE (d.getProblem().startsWith ("Name: 'Reel 2/3' has a character")) << d.getProblem();

    d.getNameEditor().setText ("Reel 2");
    d.getFrameRateBox().setSelectedItemIndex (itemIndex (d.getFrameRateBox(), "25"));
    d.getStartEditor().setText ("01:00:00:25"); // 25 fps counts frames 0..24
    clickCentre (d.getCreateButton());
    EXPECT_TRUE (d.getProblem().startsWith ("Start: ")) << d.getProblem();

    d.getStartEditor().setText ("01:00:00:00");
    d.getFolderEditor().setText ("relative/folder");
    clickCentre (d.getCreateButton());
    EXPECT_TRUE (d.getProblem().startsWith ("Folder: ")) << d.getProblem();

    EXPECT_EQ (f.creates, 0);
    EXPECT_TRUE (std::filesystem::is_empty (f.folder.path));
}

TEST (NewSessionDialog, ASessionAlreadyThereIsNotOverwritten)
{
    NewSessionFixture f;
    auto& d = f.dialog;
    d.getNameEditor().setText ("Reel 1");
    clickCentre (d.getCreateButton());
    ASSERT_EQ (d.getProblem(), "");
    const auto file = f.created->file();
    const auto firstText = readTextFile (file);
    f.created.reset(); // closed: its lock goes

    d.getSampleRateBox().setSelectedItemIndex (itemIndex (d.getSampleRateBox(), "44.1 kHz"));
    clickCentre (d.getCreateButton());
    EXPECT_TRUE (d.getProblem().contains ("Reel 1.sprocket: a session with this name is already there")) << d.getProblem();
    EXPECT_EQ (f.created, nullptr);
    EXPECT_EQ (readTextFile (file), firstText);
}
