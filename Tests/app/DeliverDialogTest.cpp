// File > Deliver...: the dialog drives a real delivery on its background thread. The tests step
// its timer by hand (poll), as the app's 20 Hz timer would, and check the files on disk, the
// result list, cancelling, and the messages for bad input. Writes artefacts/deliver-dialog.png.
#include "AppTestSupport.h"

#include "../engine/TestSessions.h"
#include "../support/TestAudioFiles.h"
#include "app/DeliverDialog.h"
#include "app/Snapshot.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace sprocket;
using namespace sprocket::app;
using sprocket::app::test::artefact;

namespace
{
/** A dialogue track (noise) through bus DX and a music track (a sine) straight to the master,
    `seconds` long, with a two-output spec stored in the session. */
session::Session tinySession (const std::filesystem::path& folder, int seconds)
{
    const int64_t frames = seconds * int64_t (48000);
    sprocket::test::writeFloatWav (folder / "line.wav", { sprocket::test::noise (frames, 3) });
    sprocket::test::writeFloatWav (folder / "cue.wav", { sprocket::test::sine (440.0, 0.2, frames) });
    session::Session s;
    s.name = "Tiny";
    s.filePath = folder / "tiny.sprocket";
    s.media = { { "line", "line.wav" }, { "cue", "cue.wav" } };
    s.buses.push_back ({ "DX", "Dialogue", 2, 0.0, session::masterOutputId, {}, {} });
    auto dialogue = sprocket::test::track ("dx", 1, "DX");
    dialogue.clips.push_back (sprocket::test::clip ("c1", "line", 0, frames));
    auto music = sprocket::test::track ("mx", 1, session::masterOutputId);
    music.clips.push_back (sprocket::test::clip ("c2", "cue", 0, frames));
    s.tracks = { dialogue, music };
    s.delivery = nlohmann::json::parse (R"({"name": "Festival", "name_pattern": "{session}_{role}",
        "outputs": [{"role": "PM", "source": "master"}, {"role": "DX", "source": "bus:DX"}]})");
    return s;
}

/** Steps the dialog as its timer would until the delivery ends (or a minute passes). */
void waitUntilDone (DeliverDialog& dialog)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes (1);
    while (dialog.getState() == DeliverDialog::State::running && std::chrono::steady_clock::now() < deadline)
    {
        std::this_thread::sleep_for (std::chrono::milliseconds (10));
        dialog.poll();
    }
}

} // namespace

TEST (DeliverDialogTest, DeliversTheStoredSpecAndListsEveryFile)
{
    app::test::TemporaryFolder folder;
    DeliverDialog dialog (tinySession (folder.path, 2));
    EXPECT_EQ (dialog.getOutputFolder().getFullPathName().toStdString(), (folder.path / "Deliveries" / "Tiny").string());

    dialog.deliver();
    EXPECT_EQ (dialog.getState(), DeliverDialog::State::running);
    waitUntilDone (dialog);

    ASSERT_EQ (dialog.getState(), DeliverDialog::State::delivered) << dialog.getMessage();
    EXPECT_DOUBLE_EQ (dialog.getProgress(), 1.0);
    const auto out = folder.path / "Deliveries" / "Tiny";
    EXPECT_TRUE (std::filesystem::exists (out / "Tiny_PM.wav"));
    EXPECT_TRUE (std::filesystem::exists (out / "Tiny_DX.wav"));
    EXPECT_TRUE (std::filesystem::exists (out / "manifest.json"));
    const auto lines = dialog.getResultLines();
    ASSERT_EQ (lines.size(), 2);
    EXPECT_TRUE (lines[0].startsWith ("pass  Tiny_PM.wav  ")) << lines[0];
    EXPECT_TRUE (lines[1].startsWith ("pass  Tiny_DX.wav  ")) << lines[1];
    EXPECT_TRUE (lines[0].contains (" LUFS") && lines[0].contains (" dBTP")) << lines[0];
    EXPECT_TRUE (dialog.getMessage().startsWith ("All 2 files passed.")) << dialog.getMessage();

    auto image = Snapshot::render (dialog, dialog.getWidth(), dialog.getHeight());
    ASSERT_TRUE (artefact ("deliver-dialog.png").getParentDirectory().createDirectory());
    EXPECT_TRUE (Snapshot::writePng (image, artefact ("deliver-dialog.png")));
}

TEST (DeliverDialogTest, CancelLeavesNothingUnderAFinalName)
{
    app::test::TemporaryFolder folder;
    DeliverDialog dialog (tinySession (folder.path, 8));
    // Slow the delivery thread so Cancel lands in the middle of it.
    dialog.onWorkerProgress = [] (double) { std::this_thread::sleep_for (std::chrono::milliseconds (5)); };
    const auto out = folder.path / "out";
    dialog.setOutputFolder (juce::File (out.string()));
    dialog.deliver();
    while (dialog.getState() == DeliverDialog::State::running && dialog.getProgress() < 0.3)
    {
        std::this_thread::sleep_for (std::chrono::milliseconds (5));
        dialog.poll();
    }
    ASSERT_EQ (dialog.getState(), DeliverDialog::State::running) << "finished before it could be cancelled";
    dialog.cancel();
    waitUntilDone (dialog);

    EXPECT_EQ (dialog.getState(), DeliverDialog::State::failed);
    EXPECT_TRUE (dialog.getMessage().startsWith ("Cancelled")) << dialog.getMessage();
    EXPECT_TRUE (dialog.getResultLines().isEmpty());
    for (auto& entry : std::filesystem::recursive_directory_iterator (out))
        EXPECT_FALSE (entry.is_regular_file()) << "left behind: " << entry.path();
}

TEST (DeliverDialogTest, BadInputIsSaidInTheDialog)
{
    app::test::TemporaryFolder folder;
    auto session = tinySession (folder.path, 1);

    auto noSpec = session;
    noSpec.delivery = nullptr;
    DeliverDialog withoutSpec (noSpec);
    withoutSpec.deliver();
    EXPECT_EQ (withoutSpec.getState(), DeliverDialog::State::ready);
    EXPECT_TRUE (withoutSpec.getMessage().contains ("no delivery spec")) << withoutSpec.getMessage();

    auto badSpec = session;
    badSpec.delivery["outputs"][1]["source"] = "stems";
    DeliverDialog withBadSpec (badSpec);
    withBadSpec.deliver();
    EXPECT_TRUE (withBadSpec.getMessage().contains ("delivery.outputs[1].source")) << withBadSpec.getMessage();

    DeliverDialog dialog (session);
    dialog.useSpecFile (juce::File ((folder.path / "missing.json").string()));
    dialog.deliver();
    EXPECT_EQ (dialog.getState(), DeliverDialog::State::ready);
    EXPECT_TRUE (dialog.getMessage().contains ("missing.json")) << dialog.getMessage();

    dialog.useStoredSpec();
    app::test::writeTextFile (folder.path / "plain-file", "not a folder");
    dialog.setOutputFolder (juce::File ((folder.path / "plain-file" / "out").string()));
    dialog.deliver();
    EXPECT_EQ (dialog.getState(), DeliverDialog::State::ready);
    EXPECT_TRUE (dialog.getMessage().startsWith ("Cannot create the output folder")) << dialog.getMessage();
    EXPECT_TRUE (dialog.getResultLines().isEmpty());
}
