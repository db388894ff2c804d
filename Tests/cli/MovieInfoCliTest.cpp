#include "cli/CliRun.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

namespace sprocket::test
{
namespace
{
    /** A two-second 23.976 QuickTime movie with a tmcd track and stereo PCM, made by ffmpeg. */
    std::filesystem::path makeMovie (const std::filesystem::path& folder)
    {
        const auto movie = folder / "reel 1.mov";
        const std::string command =
            "ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i testsrc2=s=160x90:r=24000/1001:d=2"
            " -f lavfi -i sine=f=1000:r=48000:d=2 -ac 2 -c:v libx264 -preset ultrafast -c:a pcm_s24le"
            " -timecode 01:00:00:00 -t 2 '"
            + movie.string() + "'";
        EXPECT_EQ (std::system (command.c_str()), 0) << command;
        return movie;
    }

    TEST (CliInfo, MovieFacts)
    {
        const auto movie = makeMovie (freshTempFolder ("cli_movie"));
        auto run = runSprocketCli ("info " + shellQuoted (movie));
        ASSERT_EQ (run.exitCode, 0) << run.err;
        EXPECT_NE (run.out.find ("video:       160x90 h264 23.976 fps, 48 frames (2.002 s), start 01:00:00:00"),
                   std::string::npos)
            << run.out;
        EXPECT_NE (run.out.find ("audio 1:     pcm_s24le, 2 channel(s), 48000 Hz"), std::string::npos) << run.out;

        auto json = runSprocketCli ("info --json " + shellQuoted (movie));
        ASSERT_EQ (json.exitCode, 0) << json.err;
        const auto facts = nlohmann::json::parse (json.out);
        EXPECT_EQ (facts["type"], "movie");
        EXPECT_EQ (facts["width"], 160);
        EXPECT_EQ (facts["height"], 90);
        EXPECT_EQ (facts["codec"], "h264");
        EXPECT_EQ (facts["container"], "mov");
        EXPECT_EQ (facts["frame_rate"], "23.976");
        EXPECT_EQ (facts["frame_rate_ratio"], "24000/1001");
        EXPECT_EQ (facts["frame_count"], 48);
        EXPECT_EQ (facts["start_timecode"], "01:00:00:00");
        EXPECT_EQ (facts["audio_channels"], 2);
        EXPECT_EQ (facts["audio_sample_rate"], 48000);
    }

    TEST (CliInfo, ATextFileNamedMovIsAClearError)
    {
        const auto fake = freshTempFolder ("cli_movie_fake") / "notes.mov";
        std::ofstream (fake) << "not a movie\n";
        auto run = runSprocketCli ("info " + shellQuoted (fake));
        EXPECT_EQ (run.exitCode, 1);
        EXPECT_EQ (run.err, "sprocket-cli: " + fake.string()
                                + ": not a movie FFmpeg can open (Invalid data found when processing input)\n");
    }
} // namespace
} // namespace sprocket::test
