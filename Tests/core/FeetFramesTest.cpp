#include "core/FeetFrames.h"

#include <gtest/gtest.h>

using namespace sprocket::core;

TEST (FeetFramesTest, SixteenFramesToTheFoot)
{
    EXPECT_EQ (formatFeetFrames (feetFramesFromFrameCount (0)), "0+00");
    EXPECT_EQ (formatFeetFrames (feetFramesFromFrameCount (15)), "0+15");
    EXPECT_EQ (formatFeetFrames (feetFramesFromFrameCount (16)), "1+00");
    // One minute at 24 fps is 1440 frames = 90 feet.
    EXPECT_EQ (formatFeetFrames (feetFramesFromFrameCount (1440)), "90+00");
}

TEST (FeetFramesTest, RoundTrips)
{
    for (int64_t frame = 0; frame < 100000; frame += 3)
    {
        const auto ff = feetFramesFromFrameCount (frame);
        auto parsed = parseFeetFrames (formatFeetFrames (ff));
        ASSERT_TRUE (parsed.ok());
        EXPECT_EQ (frameCountFromFeetFrames (*parsed), frame);
    }
}

TEST (FeetFramesTest, RejectsBadText)
{
    for (const char* bad : { "", "12", "+03", "12+", "12+16", "1a+00", "12+0x" })
        EXPECT_FALSE (parseFeetFrames (bad).ok()) << bad;
}
