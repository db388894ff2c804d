#include "TestMovies.h"

#include "video/FrameDecoder.h"
#include "video/MovieTimeline.h"

#include <gtest/gtest.h>

namespace sprocket::video
{
namespace
{
    using core::FrameRate;
    using core::Timecode;

    /** For every frame of the movie: the session position of timecode T shows movie frame T, and
        the decoder's picture there carries that number. */
    void expectFrameTAtTimecodeT (const test::LeaderSpec& spec, FrameRate sessionRate, Timecode sessionStart, int64_t sampleRate)
    {
        auto decoder = FrameDecoder::open (test::leaderMovie (spec));
        ASSERT_TRUE (decoder.ok()) << decoder.error().message;
        const MovieInfo& info = decoder.value()->info();
        ASSERT_TRUE (info.startTimecode.has_value());
        auto placement = placeMovie (info, sessionRate, sampleRate, sessionStart);
        ASSERT_TRUE (placement.ok()) << placement.error().message;

        const int64_t movieStart = core::frameCountFromTimecode (*info.startTimecode, *info.frameRate);
        const int64_t sessionStartFrame = core::frameCountFromTimecode (sessionStart, sessionRate);
        for (int64_t t = 0; t < info.frameCount; ++t)
        {
            const Timecode label = core::timecodeFromFrameCount (movieStart + t, *info.frameRate);
            const int64_t sessionFrame = core::frameCountFromTimecode (label, sessionRate) - sessionStartFrame;
            const core::SamplePosition first { core::samplesFromFrameCount (sessionFrame, sessionRate, sampleRate) };
            const core::SamplePosition last { core::samplesFromFrameCount (sessionFrame + 1, sessionRate, sampleRate) - 1 };
            ASSERT_EQ (movieFrameAt (first, placement.value()), t) << core::formatTimecode (label, sessionRate);
            ASSERT_EQ (movieFrameAt (last, placement.value()), t) << core::formatTimecode (label, sessionRate);
            ASSERT_EQ (sessionPositionOfMovieFrame (t, placement.value()), first);
            auto picture = decoder.value()->decodeFrame (movieFrameAt (first, placement.value()));
            ASSERT_EQ (test::readFrameCode (*picture), t) << core::formatTimecode (label, sessionRate);
        }
    }

    TEST (MovieTimeline, FrameTAtTimecodeTAt23976)
    {
        expectFrameTAtTimecodeT (test::leader23976Mov(), FrameRate::fps23_976, { 0, 59, 0, 0 }, 48000);
    }

    TEST (MovieTimeline, FrameTAtTimecodeTAt2997DropFrame)
    {
        expectFrameTAtTimecodeT (test::leader2997DfMov(), FrameRate::fps29_97df, { 0, 59, 50, 0 }, 48000);
    }

    TEST (MovieTimeline, FrameTAtTimecodeTAt25In96k)
    {
        expectFrameTAtTimecodeT (test::leader25Mp4(), FrameRate::fps25, { 10, 0, 0, 0 }, 96000);
    }

    TEST (MovieTimeline, FrameTAtTimecodeTAtTheHighRates)
    {
        expectFrameTAtTimecodeT (test::leader50Mov(), FrameRate::fps50, { 9, 59, 59, 0 }, 48000);
        expectFrameTAtTimecodeT (test::leader5994DfMov(), FrameRate::fps59_94df, { 1, 0, 0, 0 }, 48000);
        expectFrameTAtTimecodeT (test::leader60Mp4(), FrameRate::fps60, { 1, 0, 0, 0 }, 44100);
    }

    MovieInfo syntheticMovie (FrameRate rate, std::optional<Timecode> start)
    {
        MovieInfo info;
        info.path = "/film/reel1.mov";
        info.frameRate = rate;
        info.frameRatio = core::frameRatio (rate);
        info.frameCount = 100000;
        info.startTimecode = start;
        return info;
    }

    TEST (MovieTimeline, DropFrameMinuteBoundary)
    {
        // 01:00:59;29 is followed by 01:01:00;02: movie frames 29 and 30.
        auto placement = placeMovie (syntheticMovie (FrameRate::fps29_97df, Timecode { 1, 0, 59, 0 }), FrameRate::fps29_97df,
                                     48000, { 1, 0, 0, 0 });
        ASSERT_TRUE (placement.ok());
        const auto at = [&] (Timecode tc) {
            const int64_t frame = core::frameCountFromTimecode (tc, FrameRate::fps29_97df) - placement->sessionStartFrame;
            return movieFrameAt ({ core::samplesFromFrameCount (frame, FrameRate::fps29_97df, 48000) }, placement.value());
        };
        EXPECT_EQ (at ({ 1, 0, 59, 0 }), 0);
        EXPECT_EQ (at ({ 1, 0, 59, 29 }), 29);
        EXPECT_EQ (at ({ 1, 1, 0, 2 }), 30);
        // Counted the long way: 01:01:00;02 .. 01:10:00;00 is 9 minutes of 1798 frames.
        EXPECT_EQ (at ({ 1, 10, 0, 0 }) - at ({ 1, 1, 0, 2 }), 9 * 1798);
    }

    TEST (MovieTimeline, OffsetMovesThePictureLater)
    {
        auto placement =
            placeMovie (syntheticMovie (FrameRate::fps24, Timecode { 1, 0, 0, 0 }), FrameRate::fps24, 48000, { 1, 0, 0, 0 }, 10);
        ASSERT_TRUE (placement.ok());
        EXPECT_EQ (movieFrameAt ({ 0 }, placement.value()), -10);
        EXPECT_FALSE (isInMovie (-10, placement.value()));
        EXPECT_EQ (movieFrameAt ({ 10 * 2000 }, placement.value()), 0);
        EXPECT_EQ (movieFrameAt ({ 10 * 2000 - 1 }, placement.value()), -1);
        EXPECT_TRUE (isInMovie (0, placement.value()));
        EXPECT_FALSE (isInMovie (100000, placement.value()));
    }

    TEST (MovieTimeline, AMovieWithoutTimecodeStartsAtTheSessionStart)
    {
        auto placement = placeMovie (syntheticMovie (FrameRate::fps25, std::nullopt), FrameRate::fps25, 48000, { 1, 0, 0, 0 });
        ASSERT_TRUE (placement.ok());
        EXPECT_EQ (movieFrameAt ({ 0 }, placement.value()), 0);
        EXPECT_EQ (movieFrameAt ({ 48000 }, placement.value()), 25);
    }

    TEST (MovieTimeline, DropAndNonDropShareAPictureRate)
    {
        // A DF-labelled movie in an NDF session: allowed; the labels mean different instants,
        // and each is read in its own counting.
        auto placement = placeMovie (syntheticMovie (FrameRate::fps29_97df, Timecode { 1, 0, 0, 0 }), FrameRate::fps29_97, 48000,
                                     { 1, 0, 0, 0 });
        ASSERT_TRUE (placement.ok());
        EXPECT_EQ (placement->movieStartFrame, 107892); // 01:00:00;00 drop-frame
        EXPECT_EQ (placement->sessionStartFrame, 108000);
        EXPECT_EQ (movieFrameAt ({ 0 }, placement.value()), 108);
    }

    TEST (MovieTimeline, AnotherFrameRateIsAClearError)
    {
        auto placement =
            placeMovie (syntheticMovie (FrameRate::fps25, Timecode { 1, 0, 0, 0 }), FrameRate::fps23_976, 48000, { 1, 0, 0, 0 });
        ASSERT_FALSE (placement.ok());
        EXPECT_EQ (placement.error().message, "/film/reel1.mov: the movie runs at 25 fps and the session at 23.976 fps; "
                                              "change the session's frame rate, or conform the movie to the session's rate");

        MovieInfo odd = syntheticMovie (FrameRate::fps25, std::nullopt);
        odd.frameRate.reset();
        odd.frameRatio = { 15, 1 };
        auto fifteen = placeMovie (odd, FrameRate::fps25, 48000, { 1, 0, 0, 0 });
        ASSERT_FALSE (fifteen.ok());
        EXPECT_NE (fifteen.error().message.find ("runs at 15/1 fps"), std::string::npos);
    }
    TEST (MovieTimeline, AConformedMovieCountsItsFramesAsSessionFrames)
    {
        // A 25 fps movie pulled down to a 24 fps session: frame n shows n session frames after its
        // label, 10:00:00:00 read at 24 fps.
        PlacementOptions conform;
        conform.conform = true;
        auto placement = placeMovie (syntheticMovie (FrameRate::fps25, Timecode { 10, 0, 0, 0 }), FrameRate::fps24, 48000,
                                     { 9, 59, 0, 0 }, conform);
        ASSERT_TRUE (placement.ok()) << placement.error().message;
        EXPECT_EQ (movieFrameAt ({ 60 * 48000 }, placement.value()), 0);
        EXPECT_EQ (movieFrameAt ({ 60 * 48000 + 2000 }, placement.value()), 1); // one 24 fps frame later
        EXPECT_EQ (sessionPositionOfMovieFrame (240, placement.value()).samples, 70 * 48000);

        // A label the session's rate lacks (frame 24 of a second) becomes the second's last frame.
        auto late = placeMovie (syntheticMovie (FrameRate::fps25, Timecode { 10, 0, 0, 24 }), FrameRate::fps24, 48000,
                                { 10, 0, 0, 0 }, conform);
        ASSERT_TRUE (late.ok());
        EXPECT_EQ (late->movieStartFrame - late->sessionStartFrame, 23);

        // The session's own start timecode for the movie wins, read at the session's rate.
        conform.startTimecode = Timecode { 10, 0, 1, 0 };
        auto given = placeMovie (syntheticMovie (FrameRate::fps25, Timecode { 10, 0, 0, 0 }), FrameRate::fps24, 48000,
                                 { 10, 0, 0, 0 }, conform);
        ASSERT_TRUE (given.ok());
        EXPECT_EQ (given->movieStartFrame - given->sessionStartFrame, 24);
    }
} // namespace
} // namespace sprocket::video
