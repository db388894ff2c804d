#include "session/SessionFile.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace sprocket::session;

namespace
{
const std::filesystem::path fixture = std::filesystem::path (SPROCKET_TEST_DATA_DIR) / "session_v1.sprocket";

std::filesystem::path freshFolder (const std::string& name)
{
    return sprocket::test::freshTempFolder (name);
}
} // namespace

TEST (SessionFileTest, SavingElsewhereRewritesMediaPathsRelativeToTheNewFile)
{
    auto loaded = loadSessionFile (fixture);
    ASSERT_TRUE (loaded.session);
    const auto folder = freshFolder ("save_elsewhere") / "deep";
    std::filesystem::create_directories (folder);
    ASSERT_TRUE (saveSessionFile (*loaded.session, folder / "copy.sprocket"));

    auto reloaded = loadSessionFile (folder / "copy.sprocket");
    ASSERT_TRUE (reloaded.session);
    EXPECT_TRUE (reloaded.session->media[0].path.is_relative());
    EXPECT_EQ (std::filesystem::weakly_canonical (reloaded.session->resolveMediaPath (reloaded.session->media[0])),
               std::filesystem::weakly_canonical (fixture.parent_path() / "audio/dx_sc12_t3.wav"));
}

TEST (SessionFileTest, SaveLeavesNoTemporaryAndReplacesTheOldFile)
{
    auto loaded = loadSessionFile (fixture);
    ASSERT_TRUE (loaded.session);
    const auto folder = freshFolder ("atomic");
    const auto target = folder / "reel.sprocket";
    {
        std::ofstream old (target);
        old << "old contents";
    }
    ASSERT_TRUE (saveSessionFile (*loaded.session, target));
    size_t files = 0;
    for ([[maybe_unused]] auto& entry : std::filesystem::directory_iterator (folder))
        ++files;
    EXPECT_EQ (files, 1u);
    EXPECT_TRUE (loadSessionFile (target).session.has_value());
}

TEST (SessionFileTest, FailedSaveKeepsThePreviousFileIntact)
{
    if (::geteuid() == 0)
    {
        // root ignores directory permissions; simulate the failure with a missing folder instead.
        auto loaded = loadSessionFile (fixture);
        ASSERT_TRUE (loaded.session);
        auto status = saveSessionFile (*loaded.session, "/nonexistent-folder/reel.sprocket");
        ASSERT_FALSE (status);
        EXPECT_NE (status.error().message.find ("/nonexistent-folder/"), std::string::npos);
        return;
    }
    auto loaded = loadSessionFile (fixture);
    const auto folder = freshFolder ("readonly");
    const auto target = folder / "reel.sprocket";
    ASSERT_TRUE (saveSessionFile (*loaded.session, target));
    ::chmod (folder.c_str(), 0555);
    auto status = saveSessionFile (*loaded.session, target);
    ::chmod (folder.c_str(), 0755);
    EXPECT_FALSE (status);
    EXPECT_TRUE (loadSessionFile (target).session.has_value());
}

TEST (SessionFileTest, FolderInsteadOfFileIsAClearError)
{
    auto loaded = loadSessionFile (std::filesystem::temp_directory_path());
    ASSERT_EQ (loaded.problems.size(), 1u);
    EXPECT_NE (loaded.problems[0].message.find ("is a folder"), std::string::npos);
}

namespace
{
/** A session big enough that writing it takes a while (about 1 MB of JSON), named `name`. */
Session bigSession (const std::string& name)
{
    Session s;
    s.name = name;
    s.media.push_back ({ "m1", "take.wav" });
    for (int t = 0; t < 40; ++t)
    {
        Track track;
        track.id = "t" + std::to_string (t);
        track.name = "DX " + std::to_string (t);
        for (int c = 0; c < 100; ++c)
        {
            Clip clip;
            clip.id = "c" + std::to_string (t) + "_" + std::to_string (c);
            clip.name = name + " clip";
            clip.mediaId = "m1";
            clip.position = sprocket::core::SamplePosition { int64_t (c) * 96000 };
            clip.length = sprocket::core::SampleDuration { 48000 };
            track.clips.push_back (clip);
        }
        s.tracks.push_back (track);
    }
    return s;
}
} // namespace

TEST (SessionFileTest, KillingASaveMidwayLeavesTheOldOrTheNewSessionNeverHalfOfOne)
{
    const auto folder = freshFolder ("killed_save");
    const auto target = folder / "reel.sprocket";
    const auto before = bigSession ("Before");
    const auto after = bigSession ("After");
    ASSERT_TRUE (saveSessionFile (before, target));

    // How long one save takes here (it syncs the file and the folder).
    const auto started = std::chrono::steady_clock::now();
    ASSERT_TRUE (saveSessionFile (before, target));
    const auto oneSave = std::chrono::steady_clock::now() - started;

    // A child process saves the other session over the file; it is killed with SIGKILL, as a
    // crash or a power cut would stop it, at a moment that moves from the start of its save to
    // past its end (0 to 2.5 saves' time).
    const int attempts = 30;
    int keptOld = 0, tookNew = 0;
    std::string current = "Before";
    for (int attempt = 0; attempt < attempts; ++attempt)
    {
        const auto& next = current == "Before" ? after : before;
        const pid_t child = ::fork();
        ASSERT_GE (child, 0);
        if (child == 0)
        {
            (void) saveSessionFile (next, target);
            ::pause(); // wait for the kill
            ::_exit (0);
        }
        std::this_thread::sleep_for (oneSave * 2.5 * attempt / attempts);
        ::kill (child, SIGKILL);
        int status = 0;
        ::waitpid (child, &status, 0);
        ASSERT_TRUE (WIFSIGNALED (status));

        auto loaded = loadSessionFile (target);
        ASSERT_TRUE (loaded.session.has_value())
            << "attempt " << attempt
            << ": the file does not load: " << (loaded.problems.empty() ? "" : loaded.problems[0].toString());
        const auto& name = loaded.session->name;
        ASSERT_TRUE (name == current || name == next.name) << name;
        EXPECT_EQ (loaded.session->tracks.size(), 40u);
        EXPECT_EQ (loaded.session->tracks.back().clips.size(), 100u);
        (name == current ? keptOld : tookNew)++;
        current = name;
    }
    // The kills landed both before and after the rename (else the test proved nothing).
    EXPECT_GT (keptOld, 0);
    EXPECT_GT (tookNew, 0);
    std::cout << "[          ] one save " << std::chrono::duration<double, std::milli> (oneSave).count() << " ms; killed "
              << attempts << " saves: " << keptOld << " left the old session, " << tookNew << " the new\n";
}

TEST (SessionFileTest, ASaveRemovesTemporariesThatKilledSavesLeftAnHourAgo)
{
    const auto folder = freshFolder ("abandoned_temporaries");
    const auto target = folder / "reel.sprocket";
    const auto abandoned = folder / ".reel.sprocket.saving-999999";
    const auto recent = folder / ".reel.sprocket.saving-888888"; // maybe another machine saving now
    const auto otherSession = folder / ".reel2.sprocket.saving-777777";
    for (const auto& file : { abandoned, recent, otherSession })
        std::ofstream (file) << "{ half a session";
    const auto twoHoursAgo = std::filesystem::file_time_type::clock::now() - std::chrono::hours (2);
    std::filesystem::last_write_time (abandoned, twoHoursAgo);
    std::filesystem::last_write_time (otherSession, twoHoursAgo);

    ASSERT_TRUE (saveSessionFile (bigSession ("Reel"), target));
    EXPECT_FALSE (std::filesystem::exists (abandoned));
    EXPECT_TRUE (std::filesystem::exists (recent));
    EXPECT_TRUE (std::filesystem::exists (otherSession)) << "another session's temporaries are its own business";
}
