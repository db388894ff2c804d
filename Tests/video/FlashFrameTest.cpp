#include "video/FlashFrame.h"

#include "TestMovies.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::video;

TEST (FlashFrameTest, FindsTheLeadersFlashFrameInSyncWithThePop)
{
    for (auto spec : { test::leader23976Mov(), test::leader25Mp4() })
    {
        spec.flash = true;
        spec.popFrame = 61;
        spec.seconds = 8;
        spec.fileName = "flash_" + spec.fileName;
        const auto movie = test::leaderMovie (spec);
        const auto flash = findFlashFrame (movie, 0, 180);
        ASSERT_TRUE (flash) << flash.error().message;
        ASSERT_TRUE (flash->has_value()) << spec.fileName;
        EXPECT_EQ (**flash, 61) << spec.fileName;

        // Searched from after it: none.
        const auto later = findFlashFrame (movie, 70, 180);
        ASSERT_TRUE (later);
        EXPECT_FALSE (later->has_value());
    }
}

TEST (FlashFrameTest, ALeaderWithoutAFlashHasNoneAndABadFileIsNamed)
{
    const auto plain = findFlashFrame (test::leaderMovie (test::leader25Mp4()), 0, 200);
    ASSERT_TRUE (plain) << plain.error().message;
    EXPECT_FALSE (plain->has_value());

    const auto folder = test::scratchFolder ("flash-bad");
    const auto missing = findFlashFrame (folder / "none.mov", 0, 10);
    ASSERT_FALSE (missing);
    EXPECT_NE (missing.error().message.find ("none.mov"), std::string::npos);
}
