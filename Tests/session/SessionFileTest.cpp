#include "session/SessionFile.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <sys/stat.h>

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
