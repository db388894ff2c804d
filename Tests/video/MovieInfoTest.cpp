#include "TestMovies.h"

#include "video/MovieInfo.h"

#include <gtest/gtest.h>

#include <fstream>

namespace sprocket::video
{
namespace
{
    using core::FrameRate;

    TEST (MovieInfo, QuickTimeAt23976ReadsTheTmcdTrack)
    {
        auto info = openMovie (test::leaderMovie (test::leader23976Mov()));
        ASSERT_TRUE (info.ok()) << info.error().message;
        EXPECT_EQ (info->container, "mov");
        EXPECT_EQ (info->codec, "h264");
        EXPECT_EQ (info->width, 320);
        EXPECT_EQ (info->height, 180);
        EXPECT_EQ (info->frameRatio.numerator, 24000);
        EXPECT_EQ (info->frameRatio.denominator, 1001);
        EXPECT_EQ (info->frameRate, FrameRate::fps23_976);
        EXPECT_EQ (info->frameCount, 719); // -t 30 at 23.976: 719 whole pictures (29.988 s)
        EXPECT_FALSE (info->frameCountEstimated);
        EXPECT_EQ (info->startTimecodeText, "01:00:00:00");
        ASSERT_TRUE (info->startTimecode.has_value());
        EXPECT_EQ (*info->startTimecode, (core::Timecode { 1, 0, 0, 0 }));
        ASSERT_EQ (info->audioStreams.size(), 1u);
        EXPECT_EQ (info->audioStreams[0].channels, 1);
        EXPECT_EQ (info->audioStreams[0].sampleRate, 48000);
        EXPECT_EQ (info->audioStreams[0].codec, "pcm_s16le");
    }

    TEST (MovieInfo, DropFrameTimecodeMakesTheRateDropFrame)
    {
        auto info = openMovie (test::leaderMovie (test::leader2997DfMov()));
        ASSERT_TRUE (info.ok()) << info.error().message;
        EXPECT_EQ (info->frameRate, FrameRate::fps29_97df);
        EXPECT_EQ (info->frameRateText(), "29.97df");
        EXPECT_EQ (info->frameCount, 899);
        EXPECT_EQ (info->startTimecodeText, "00:59:58;00");
        ASSERT_TRUE (info->startTimecode.has_value());
        EXPECT_EQ (*info->startTimecode, (core::Timecode { 0, 59, 58, 0 }));
    }

    TEST (MovieInfo, Mp4WithMpeg4AndAac)
    {
        auto info = openMovie (test::leaderMovie (test::leader25Mp4()));
        ASSERT_TRUE (info.ok()) << info.error().message;
        EXPECT_EQ (info->container, "mp4");
        EXPECT_EQ (info->codec, "mpeg4");
        EXPECT_EQ (info->frameRate, FrameRate::fps25);
        EXPECT_EQ (info->frameCount, 750);
        EXPECT_EQ (info->startTimecodeText, "10:00:00:00");
        ASSERT_EQ (info->audioStreams.size(), 1u);
        EXPECT_EQ (info->audioStreams[0].codec, "aac");
    }

    TEST (MovieInfo, MatroskaTakesTheTimecodeTagAndEstimatesTheCount)
    {
        auto info = openMovie (test::leaderMovie (test::leader25Mkv()));
        ASSERT_TRUE (info.ok()) << info.error().message;
        EXPECT_EQ (info->container, "mkv");
        EXPECT_EQ (info->frameRate, FrameRate::fps25);
        EXPECT_EQ (info->frameCount, 750);
        EXPECT_TRUE (info->frameCountEstimated);
        EXPECT_EQ (info->startTimecodeText, "10:00:00:00");
        EXPECT_TRUE (info->audioStreams.empty());
    }

    TEST (MovieInfo, MxfWithMpeg2)
    {
        auto info = openMovie (test::leaderMovie (test::leader25Mxf()));
        ASSERT_TRUE (info.ok()) << info.error().message;
        EXPECT_EQ (info->container, "mxf");
        EXPECT_EQ (info->codec, "mpeg2video");
        EXPECT_EQ (info->frameRate, FrameRate::fps25);
        EXPECT_EQ (info->frameCount, 750);
        EXPECT_EQ (info->startTimecodeText, "10:00:00:00");
        ASSERT_EQ (info->audioStreams.size(), 1u);
    }

    TEST (MovieInfo, ATextFileNamedMovIsAClearError)
    {
        const auto path = test::scratchFolder ("text-mov") / "notes.mov";
        std::ofstream (path) << "This is not a movie, just a note someone renamed.\n";
        auto info = openMovie (path);
        ASSERT_FALSE (info.ok());
        EXPECT_NE (info.error().message.find (path.string()), std::string::npos) << info.error().message;
        EXPECT_NE (info.error().message.find ("not a movie FFmpeg can open"), std::string::npos) << info.error().message;
    }

    TEST (MovieInfo, AMissingFileIsNamed)
    {
        auto info = openMovie ("/nonexistent/reel1.mov");
        ASSERT_FALSE (info.ok());
        EXPECT_EQ (info.error().message, "/nonexistent/reel1.mov: no such file");
    }

    TEST (MovieInfo, SessionRatesAreRecognisedExactlyAndWithinMatroskaRounding)
    {
        EXPECT_EQ (sessionFrameRateFor ({ 24000, 1001 }, false), FrameRate::fps23_976);
        EXPECT_EQ (sessionFrameRateFor ({ 30000, 1001 }, true), FrameRate::fps29_97df);
        EXPECT_EQ (sessionFrameRateFor ({ 30000, 1001 }, false), FrameRate::fps29_97);
        EXPECT_EQ (sessionFrameRateFor ({ 60000, 1001 }, true), FrameRate::fps59_94df);
        EXPECT_EQ (sessionFrameRateFor ({ 50, 1 }, false), FrameRate::fps50);
        EXPECT_EQ (sessionFrameRateFor ({ 2997, 125 }, false), FrameRate::fps23_976); // 23.976 in ms units
        EXPECT_EQ (sessionFrameRateFor ({ 24, 1 }, true), FrameRate::fps24);          // drop-frame means nothing at 24
        EXPECT_FALSE (sessionFrameRateFor ({ 15, 1 }, false).has_value());
        EXPECT_FALSE (sessionFrameRateFor ({ 0, 1 }, false).has_value());
    }
} // namespace
} // namespace sprocket::video
