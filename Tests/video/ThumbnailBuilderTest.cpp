#include "TestMovies.h"

#include "video/ThumbnailBuilder.h"

#include <gtest/gtest.h>

namespace sprocket::video
{
namespace
{
    TEST (ThumbnailBuilder, MakesEveryPlannedThumbnailShowingItsFrame)
    {
        auto builder = ThumbnailBuilder::start (test::leaderMovie (test::leader23976Mov()), { 0, -1, 24, 96, 1 });
        ASSERT_TRUE (builder.ok()) << builder.error().message;
        auto& thumbs = *builder.value();
        thumbs.waitUntilFinished();
        EXPECT_TRUE (thumbs.finished());
        EXPECT_DOUBLE_EQ (thumbs.progress(), 1.0);
        ASSERT_EQ (thumbs.plannedFrames().size(), 30u); // 0, 24, ..., 696 of 719
        for (int64_t frame : thumbs.plannedFrames())
        {
            auto thumbnail = thumbs.thumbnailAt (frame);
            ASSERT_NE (thumbnail, nullptr);
            EXPECT_EQ (thumbnail->height, 96);
            EXPECT_EQ (thumbnail->width, 170);
            EXPECT_FALSE (thumbnail->corrupt);
            EXPECT_EQ (test::readFrameCode (*thumbnail), frame);
        }
        // Between planned frames the strip shows the one before.
        EXPECT_EQ (thumbs.thumbnailAt (50)->index, 48);
    }

    TEST (ThumbnailBuilder, ARangeAndASpacing)
    {
        auto builder = ThumbnailBuilder::start (test::leaderMovie (test::leader25Mkv()), { 100, 400, 50, 48, 1 });
        ASSERT_TRUE (builder.ok());
        builder.value()->waitUntilFinished();
        const std::vector<int64_t> expected { 100, 150, 200, 250, 300, 350, 400 };
        EXPECT_EQ (builder.value()->plannedFrames(), expected);
        EXPECT_EQ (builder.value()->thumbnailAt (99), nullptr);
        EXPECT_EQ (test::readFrameCode (*builder.value()->thumbnailAt (400)), 400);
    }

    TEST (ThumbnailBuilder, CancelStopsEarly)
    {
        auto builder = ThumbnailBuilder::start (test::leaderMovie (test::leader2997DfMov()), { 0, -1, 1, 96, 1 });
        ASSERT_TRUE (builder.ok());
        builder.value()->cancel();
        builder.value()->waitUntilFinished();
        EXPECT_TRUE (builder.value()->finished());
        EXPECT_LT (builder.value()->progress(), 1.0);
    }

    TEST (ThumbnailBuilder, AnUnreadableMovieFailsToStart)
    {
        auto builder = ThumbnailBuilder::start ("/nonexistent/cut.mov", {});
        ASSERT_FALSE (builder.ok());
        EXPECT_EQ (builder.error().message, "/nonexistent/cut.mov: no such file");
    }
} // namespace
} // namespace sprocket::video
