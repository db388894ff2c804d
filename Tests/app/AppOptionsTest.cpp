#include "app/AppOptions.h"

#include <gtest/gtest.h>

using sprocket::app::AppOptions;

TEST (AppOptionsTest, NoArgumentsOpensTheDefaultSession)
{
    auto options = AppOptions::parse ({});
    ASSERT_TRUE (options.ok());
    EXPECT_FALSE (options->sessionFile.has_value());
    EXPECT_FALSE (options->snapshotFile.has_value());
}

TEST (AppOptionsTest, SessionAndSnapshotWithSize)
{
    auto options = AppOptions::parse ({ "--snapshot", "out.png", "--size", "1280x720", "a.sprocket" });
    ASSERT_TRUE (options.ok()) << options.error().message;
    EXPECT_EQ (options->snapshotFile, "out.png");
    EXPECT_EQ (options->sessionFile, "a.sprocket");
    EXPECT_EQ (options->snapshotWidth, 1280);
    EXPECT_EQ (options->snapshotHeight, 720);
}

TEST (AppOptionsTest, SnapshotDefaultsTo1600x900)
{
    auto options = AppOptions::parse ({ "a.sprocket", "--snapshot", "out.png" });
    ASSERT_TRUE (options.ok());
    EXPECT_EQ (options->snapshotWidth, 1600);
    EXPECT_EQ (options->snapshotHeight, 900);
}

TEST (AppOptionsTest, BadCommandLinesAreRefusedWithAReason)
{
    for (auto arguments : std::vector<std::vector<std::string>> {
             { "--snapshot" },
             { "--snapshot", "a.png", "--size", "big" },
             { "--snapshot", "a.png", "--size", "10x10" },
             { "--snapshot", "a.png", "--size", "1600x" },
             { "--size", "800x600" },
             { "--frobnicate" },
             { "a.sprocket", "b.sprocket" } })
    {
        auto options = AppOptions::parse (arguments);
        ASSERT_FALSE (options.ok()) << arguments.front();
        EXPECT_FALSE (options.error().message.empty());
    }
}

TEST (AppOptionsTest, ViewChoosesTheSnapshotWindow)
{
    auto edit = AppOptions::parse ({ "--snapshot", "out.png", "--view", "edit", "s.sprocket" });
    ASSERT_TRUE (edit.ok());
    EXPECT_EQ (edit->view, AppOptions::View::edit);
    auto mixer = AppOptions::parse ({ "--snapshot", "out.png", "--view", "mixer", "s.sprocket" });
    ASSERT_TRUE (mixer.ok());
    EXPECT_EQ (mixer->view, AppOptions::View::mixer);
    EXPECT_FALSE (AppOptions::parse ({ "--snapshot", "out.png", "--view", "video" }).ok());
    EXPECT_FALSE (AppOptions::parse ({ "--view", "edit", "s.sprocket" }).ok()) << "--view only with --snapshot";
}
