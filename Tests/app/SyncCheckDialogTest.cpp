// File > Check Sync (2-pop): the dialog finds a pop placed three frames late in a session's
// track and says so; a wrong timecode and a session without a pop are told plainly.
#include "EditTestSupport.h"

#include "../video/TestMovies.h"

#include "app/Snapshot.h"
#include "app/SyncCheckDialog.h"
#include "session/TimelineGrid.h"
#include "support/TestAudioFiles.h"

#include <gtest/gtest.h>

#include <cmath>
#include <thread>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;

namespace
{
/** 10 s at 48 kHz, 25 fps from 01:00:00:00: one track whose audio holds a one-frame 1 kHz beep at
    `popSample`, and an FFOA marker at 01:00:08:00 (so the pop belongs at 01:00:06:00). */
session::Session sessionWithPop (const std::filesystem::path& folder, int64_t popSample)
{
    std::vector<float> audio (size_t (10 * 48000), 0.0f);
    for (int64_t i = 0; i < 1920; ++i) // one frame at 25 fps
        audio[size_t (popSample + i)] = 0.25f * float (std::sin (2.0 * M_PI * 1000.0 * double (i) / 48000.0));
    sprocket::test::writeFloatWav (folder / "pop.wav", { audio });

    session::Session s;
    s.name = "Sync";
    s.sampleRate = 48000;
    s.frameRate = core::FrameRate::fps25;
    s.filePath = folder / "sync.sprocket";
    s.media = { { "m1", "pop.wav" } };
    session::Track track;
    track.id = "t1";
    track.name = "Guide";
    track.channels = 1;
    session::Clip clip;
    clip.id = "c1";
    clip.mediaId = "m1";
    clip.length = { int64_t (audio.size()) };
    track.clips.push_back (clip);
    s.tracks.push_back (track);
    s.markers.push_back ({ { 8 * 48000 }, "FFOA", {} });
    return s;
}

void waitFor (SyncCheckDialog& dialog)
{
    for (int i = 0; i < 600 && dialog.isRunning(); ++i)
    {
        std::this_thread::sleep_for (std::chrono::milliseconds (20));
        dialog.poll();
    }
    ASSERT_FALSE (dialog.isRunning());
}

} // namespace

TEST (SyncCheckDialogTest, FindsAPopThreeFramesLateAndPointsTheTimelineAtIt)
{
    TemporaryFolder folder;
    const auto s = sessionWithPop (folder.path, 6 * 48000 + 3 * 1920);
    SyncCheckDialog dialog (s);
    EXPECT_EQ (SyncCheckDialog::defaultPopTimecode (s), (core::Timecode { 1, 0, 6, 0 }));
    int64_t located = -1;
    dialog.onFound = [&] (int64_t position) { located = position; };
    dialog.setSource ("Guide");

    auto* button = dialog.findChildWithID ("check");
    ASSERT_NE (button, nullptr);
    clickCentre (*button);
    EXPECT_TRUE (dialog.isRunning());
    waitFor (dialog);

    ASSERT_TRUE (dialog.getResult()) << dialog.getMessage();
    EXPECT_EQ (dialog.getResult()->offsetFrames, 3);
    EXPECT_EQ (dialog.getResult()->offsetSamples, 3 * 1920);
    EXPECT_EQ (located, 6 * 48000 + 3 * 1920);
    EXPECT_EQ (dialog.getMessage(), "2-pop at 01:00:06:03: +3 frames (+5760 samples) late");

    dialog.setSize (520, 170);
    const auto file = juce::File::getCurrentWorkingDirectory().getChildFile ("artefacts/sync-check-dialog.png");
    EXPECT_TRUE (Snapshot::writePng (paintToImage (dialog), file).ok());
}

TEST (SyncCheckDialogTest, SaysWhatIsWrongWithoutAPopOrWithABadTimecode)
{
    TemporaryFolder folder;
    auto s = sessionWithPop (folder.path, 6 * 48000);
    SyncCheckDialog dialog (s);
    dialog.setExpectedTimecode ("01:00:6x:00");
    dialog.check();
    EXPECT_FALSE (dialog.isRunning());
    EXPECT_TRUE (dialog.getMessage().contains ("01:00:6x:00")) << dialog.getMessage();

    s.tracks[0].mute = true; // a silent printmaster
    SyncCheckDialog silent (s);
    silent.check();
    waitFor (silent);
    EXPECT_FALSE (silent.getResult());
    EXPECT_TRUE (silent.getMessage().startsWith ("No 2-pop found")) << silent.getMessage();
}

TEST (SyncCheckDialogTest, TheMoviesFlashFrameIsWhereThePopIsExpected)
{
    // The demo (23.976 from 01:00:00:00) with a leader whose flash and pop are on frame 61.
    EditFixture f;
    auto spec = video::test::leader23976Mov();
    spec.flash = true;
    spec.popFrame = 61;
    spec.seconds = 8;
    spec.fileName = "flash_" + spec.fileName;
    ASSERT_TRUE (f.main.importMovie (video::test::leaderMovie (spec), true)) << f.main.getLastProblem();
    const auto guide = f.session().tracks.back().name;

    SyncCheckDialog dialog (f.session());
    dialog.setSource (juce::String (guide));
    auto* flash = dialog.findChildWithID ("flash");
    ASSERT_NE (flash, nullptr);
    ASSERT_TRUE (flash->isEnabled());
    clickCentre (*flash);
    waitFor (dialog);
    ASSERT_TRUE (dialog.getFlashFrame()) << dialog.getMessage();
    EXPECT_EQ (dialog.getFlashFrame()->movieFrame, 61);
    EXPECT_EQ (dialog.getFlashFrame()->timecode, (core::Timecode { 1, 0, 2, 13 }));

    // The guide's pop is on the flash: in sync.
    clickCentre (*dialog.findChildWithID ("check"));
    waitFor (dialog);
    ASSERT_TRUE (dialog.getResult()) << dialog.getMessage();
    EXPECT_EQ (dialog.getResult()->offsetSamples, 0) << dialog.getMessage();
    EXPECT_EQ (dialog.getMessage(), "2-pop at 01:00:02:13: +0 frames (+0 samples) - in sync");
    dialog.setSize (520, 170);
    EXPECT_TRUE (Snapshot::writePng (paintToImage (dialog), juce::File::getCurrentWorkingDirectory().getChildFile (
                                                                "artefacts/sync-check-flash-frame.png"))
                     .ok());

    // Without a movie the button is off.
    session::Session none = f.session();
    none.video.reset();
    SyncCheckDialog plain (none);
    EXPECT_FALSE (plain.findChildWithID ("flash")->isEnabled());
}
