// File > Relink Media: a session opened with one file renamed and one moved finds both in a
// folder (by sound and by name), relinks them with a click in one undo step, and draws them
// online again. Writes artefacts/relink-dialog.png.
#include "EditTestSupport.h"

#include "app/Snapshot.h"
#include "session/SessionJson.h"
#include "support/TestAudioFiles.h"

#include <chrono>
#include <cmath>
#include <thread>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;

namespace
{
void waitFor (RelinkDialog& dialog)
{
    for (int i = 0; i < 500 && dialog.isSearching(); ++i)
    {
        std::this_thread::sleep_for (std::chrono::milliseconds (10));
        dialog.poll();
    }
    ASSERT_FALSE (dialog.isSearching());
}

} // namespace

TEST (RelinkDialogTest, FindsARenamedAndAMovedFileAndRelinksThemInOneStep)
{
    EditFixture f;
    // A take imported into the demo (so its content hash is stored), saved.
    std::vector<float> take (48000);
    for (size_t i = 0; i < take.size(); ++i)
        take[i] = float (0.3 * std::sin (2.0 * M_PI * 300.0 * double (i) / 48000.0));
    sprocket::test::writeFloatWav (f.demo.folder.path / "audio" / "adr_101_t3.wav", { take });
    ASSERT_TRUE (f.main.importFiles ({ juce::String ((f.demo.folder.path / "audio" / "adr_101_t3.wav").string()) }, 0, false))
        << f.main.getLastProblem();
    ASSERT_TRUE (f.main.getDocument()->save());

    // The take is renamed on another drive; a demo file moves there with its name.
    const auto drive = f.demo.folder.path / "Drive";
    std::filesystem::create_directories (drive / "ADR");
    std::filesystem::create_directories (drive / "Production");
    std::filesystem::rename (f.demo.folder.path / "audio" / "adr_101_t3.wav", drive / "ADR" / "MARY_101_take3.wav");
    std::filesystem::rename (f.demo.folder.path / "audio" / "dx_a_line1.wav", drive / "Production" / "dx_a_line1.wav");

    f.main.setDocument (nullptr); // closes it (and frees its lock)
    auto opened = Document::open (f.demo.session());
    ASSERT_TRUE (std::holds_alternative<std::unique_ptr<Document>> (opened));
    f.main.setDocument (std::move (std::get<std::unique_ptr<Document>> (opened)));
    ASSERT_EQ (f.main.getDocument()->offlineMedia().size(), 2u);
    const auto saved = session::sessionToJson (f.session()).dump();

    RelinkDialog dialog (f.main.makeRelinkHost());
    ASSERT_EQ (dialog.getNumRows(), 2);
    EXPECT_TRUE (dialog.getRowText (0).startsWith ("dx_a_line1.wav: missing")) << dialog.getRowText (0);
    EXPECT_FALSE (dialog.findChildWithID ("relink")->isEnabled());

    dialog.searchFolder (drive);
    waitFor (dialog);
    EXPECT_EQ (dialog.getRowText (0),
               "dx_a_line1.wav: found by name: " + juce::String ((drive / "Production" / "dx_a_line1.wav").string()));
    EXPECT_EQ (dialog.getRowText (1),
               "adr_101_t3.wav: found by content: " + juce::String ((drive / "ADR" / "MARY_101_take3.wav").string()));
    EXPECT_TRUE (dialog.getMessage().contains ("found 2 of 2")) << dialog.getMessage();
    dialog.setSize (720, 360);
    EXPECT_TRUE (Snapshot::writePng (paintToImage (dialog),
                                     juce::File::getCurrentWorkingDirectory().getChildFile ("artefacts/relink-dialog.png"))
                     .ok());

    auto* relink = dialog.findChildWithID ("relink");
    ASSERT_TRUE (relink->isEnabled());
    clickCentre (*relink);
    EXPECT_TRUE (f.main.getDocument()->offlineMedia().empty());
    EXPECT_EQ (f.session().resolveMediaPath (*f.session().findMedia ("m1")), drive / "Production" / "dx_a_line1.wav");
    EXPECT_TRUE (dialog.getRowText (1).startsWith ("adr_101_t3.wav: relinked")) << dialog.getRowText (1);
    EXPECT_EQ (dialog.getMessage(), "Relinked 2.");
    EXPECT_FALSE (f.main.getMediaStatusText().contains ("offline")) << f.main.getMediaStatusText();
    EXPECT_EQ (f.main.getDocument()->undoName(), "Relink Media");

    // One undo step puts both back offline.
    EXPECT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (session::sessionToJson (f.session()).dump(), saved);
    EXPECT_EQ (f.main.getDocument()->offlineMedia().size(), 2u);
}

TEST (RelinkDialogTest, AFileThatDoesNotFitIsPassedOverAndTheRowSaysWhy)
{
    EditFixture f;
    const auto drive = f.demo.folder.path / "Drive";
    std::filesystem::create_directories (drive);
    std::filesystem::remove (f.demo.folder.path / "audio" / "dx_a_line1.wav");
    // Same name, but a stereo file: not what the mono track plays.
    sprocket::test::writeFloatWav (drive / "dx_a_line1.wav", { std::vector<float> (480000), std::vector<float> (480000) });
    f.main.setDocument (nullptr);
    auto opened = Document::open (f.demo.session());
    f.main.setDocument (std::move (std::get<std::unique_ptr<Document>> (opened)));

    RelinkDialog dialog (f.main.makeRelinkHost());
    dialog.searchFolder (drive);
    waitFor (dialog);
    dialog.relinkFound();
    EXPECT_TRUE (dialog.getRowText (0).contains ("2 channels")) << dialog.getRowText (0);
    EXPECT_EQ (f.main.getDocument()->offlineMedia().size(), 1u);
    EXPECT_EQ (dialog.getMessage(), "Relinked 0; 1 still offline.");
}
