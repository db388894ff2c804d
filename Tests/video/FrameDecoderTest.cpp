#include "TestMovies.h"

#include "video/FrameDecoder.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

namespace sprocket::video
{
namespace
{
    std::unique_ptr<FrameDecoder> openDecoder (const test::LeaderSpec& spec, DecoderOptions options = {})
    {
        auto decoder = FrameDecoder::open (test::leaderMovie (spec), options);
        if (! decoder.ok())
        {
            ADD_FAILURE() << decoder.error().message;
            return nullptr;
        }
        return std::move (decoder.value());
    }

    /** Every frame of the 30-second span, in order: each shows its own number, and no seek. */
    void expectEveryFrameInOrder (const test::LeaderSpec& spec)
    {
        auto decoder = openDecoder (spec);
        ASSERT_NE (decoder, nullptr);
        const int64_t count = decoder->info().frameCount;
        ASSERT_GT (count, 700);
        int wrong = 0;
        for (int64_t i = 0; i < count; ++i)
        {
            auto frame = decoder->decodeFrame (i);
            ASSERT_TRUE (frame.ok()) << frame.error().message;
            EXPECT_FALSE (frame->corrupt) << "frame " << i;
            EXPECT_EQ (frame->index, i);
            if (test::readFrameCode (*frame) != i && ++wrong < 5)
                ADD_FAILURE() << spec.fileName << ": frame " << i << " shows " << test::readFrameCode (*frame);
        }
        EXPECT_EQ (wrong, 0);
        EXPECT_EQ (decoder->seekCount(), 0) << "a sequential read must not seek";
    }

    /** A few hundred locates (fixed seed), each must show exactly its frame. */
    void expectRandomFramesExact (const test::LeaderSpec& spec, int locates)
    {
        auto decoder = openDecoder (spec);
        ASSERT_NE (decoder, nullptr);
        const int64_t count = decoder->info().frameCount;
        std::mt19937 random (1234);
        std::uniform_int_distribution<int64_t> anyFrame (0, count - 1);
        for (int n = 0; n < locates; ++n)
        {
            // Mix far jumps with the awkward near ones: one back, a few ahead, the same frame.
            int64_t target = anyFrame (random);
            if (n % 5 == 1)
                target = std::max<int64_t> (0, target - 1);
            auto frame = decoder->decodeFrame (target);
            ASSERT_TRUE (frame.ok()) << frame.error().message;
            ASSERT_FALSE (frame->corrupt) << spec.fileName << " frame " << target;
            ASSERT_EQ (test::readFrameCode (*frame), target) << spec.fileName << " after " << n << " locates";
            if (n % 7 == 3)
            {
                auto again = decoder->decodeFrame (target);
                ASSERT_EQ (test::readFrameCode (*again), target);
                if (target > 0)
                {
                    ASSERT_EQ (test::readFrameCode (*decoder->decodeFrame (target - 1)), target - 1);
                }
            }
        }
        EXPECT_GT (decoder->seekCount(), 0);
    }

    TEST (FrameDecoder, EveryFrameInOrderAt23976WithBFrames)
    {
        expectEveryFrameInOrder (test::leader23976Mov());
    }

    TEST (FrameDecoder, EveryFrameInOrderAt2997DropFrame)
    {
        expectEveryFrameInOrder (test::leader2997DfMov());
    }

    TEST (FrameDecoder, EveryFrameInOrderAt25Mpeg4InMp4)
    {
        expectEveryFrameInOrder (test::leader25Mp4());
    }

    TEST (FrameDecoder, EveryFrameInOrderAt25LongGopMatroska)
    {
        expectEveryFrameInOrder (test::leader25Mkv());
    }

    TEST (FrameDecoder, EveryFrameInOrderAt25Mpeg2InMxf)
    {
        expectEveryFrameInOrder (test::leader25Mxf());
    }

    TEST (FrameDecoder, RandomLocatesInMxf)
    {
        expectRandomFramesExact (test::leader25Mxf(), 200);
    }

    TEST (FrameDecoder, RandomLocatesAt23976)
    {
        expectRandomFramesExact (test::leader23976Mov(), 300);
    }

    TEST (FrameDecoder, RandomLocatesAt2997DropFrame)
    {
        expectRandomFramesExact (test::leader2997DfMov(), 300);
    }

    TEST (FrameDecoder, RandomLocatesInMpeg4)
    {
        expectRandomFramesExact (test::leader25Mp4(), 300);
    }

    TEST (FrameDecoder, RandomLocatesInLongGopMatroska)
    {
        expectRandomFramesExact (test::leader25Mkv(), 100);
    }

    TEST (FrameDecoder, ReverseStepping)
    {
        auto decoder = openDecoder (test::leader23976Mov());
        ASSERT_NE (decoder, nullptr);
        for (int64_t i = 200; i >= 150; --i)
            ASSERT_EQ (test::readFrameCode (*decoder->decodeFrame (i)), i);
    }

    TEST (FrameDecoder, ScalesToTheRequestedSizeAndKeepsTheShapeFromAHeight)
    {
        auto sized = openDecoder (test::leader23976Mov(), { { 160, 90 }, 1 });
        ASSERT_NE (sized, nullptr);
        auto frame = sized->decodeFrame (77);
        ASSERT_TRUE (frame.ok());
        EXPECT_EQ (frame->width, 160);
        EXPECT_EQ (frame->height, 90);
        EXPECT_EQ (frame->bytes(), size_t (160 * 90 * 4));
        EXPECT_EQ (test::readFrameCode (*frame), 77);

        auto byHeight = openDecoder (test::leader23976Mov(), { { 0, 96 }, 1 });
        ASSERT_NE (byHeight, nullptr);
        EXPECT_EQ (byHeight->outputSize().width, 170); // 96 x 16/9 = 170.7, rounded to even
        EXPECT_EQ (byHeight->outputSize().height, 96);
    }

    TEST (FrameDecoder, PixelsAreOpaqueBgra)
    {
        auto decoder = openDecoder (test::leader23976Mov());
        ASSERT_NE (decoder, nullptr);
        auto frame = decoder->decodeFrame (0);
        ASSERT_TRUE (frame.ok());
        // The padding below the code is grey 0x404040; the burnt-in timecode is yellow (R+G, no B).
        const uint8_t* grey = frame->pixel (300, 170);
        EXPECT_NEAR (grey[0], 0x40, 6);
        EXPECT_EQ (grey[3], 255);
        if (! std::filesystem::exists ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"))
            GTEST_SKIP() << "no DejaVu font: the movie has no burnt-in timecode to look at";
        bool yellowFound = false;
        for (int y = 130; y < 170 && ! yellowFound; ++y)
            for (int x = 16; x < 300 && ! yellowFound; ++x)
            {
                const uint8_t* p = frame->pixel (x, y);
                yellowFound = p[2] > 200 && p[1] > 200 && p[0] < 80; // B, G, R order
            }
        EXPECT_TRUE (yellowFound) << "no yellow timecode pixel: not BGRA?";
    }

    TEST (FrameDecoder, FramesOutsideTheMovieAreNoFrame)
    {
        auto decoder = openDecoder (test::leader25Mp4());
        ASSERT_NE (decoder, nullptr);
        auto past = decoder->decodeFrame (750);
        ASSERT_FALSE (past.ok());
        EXPECT_NE (past.error().message.find ("no frame 750 (the movie has 750 frames)"), std::string::npos)
            << past.error().message;
        EXPECT_FALSE (decoder->decodeFrame (-1).ok());
        EXPECT_EQ (test::readFrameCode (*decoder->decodeFrame (749)), 749);
    }

    /** The first `fraction` of a movie's bytes, as a recorder or a copy cut short leaves it. */
    std::filesystem::path truncatedCopy (const test::LeaderSpec& spec, double fraction)
    {
        const auto source = test::leaderMovie (spec);
        const auto target = test::scratchFolder ("truncated") / ("cut_" + spec.fileName);
        std::ifstream in (source, std::ios::binary);
        std::string bytes ((std::istreambuf_iterator<char> (in)), std::istreambuf_iterator<char>());
        bytes.resize (size_t (double (bytes.size()) * fraction));
        std::ofstream (target, std::ios::binary) << bytes;
        return target;
    }

    void expectTruncatedMovieDecodesWhatItCan (const test::LeaderSpec& spec)
    {
        auto decoder = FrameDecoder::open (truncatedCopy (spec, 0.5));
        ASSERT_TRUE (decoder.ok()) << decoder.error().message;
        auto& d = *decoder.value();
        const int64_t count = d.info().frameCount;
        int64_t good = 0, damaged = 0;
        bool damagedSeen = false;
        for (int64_t i = 0; i < count; ++i)
        {
            auto frame = d.decodeFrame (i);
            ASSERT_TRUE (frame.ok()) << frame.error().message;
            if (frame->corrupt)
            {
                ++damaged;
                damagedSeen = true;
                EXPECT_EQ (test::readFrameCode (*frame), -1);
                continue;
            }
            // A picture shown is the right one; once damage starts nothing good follows but a
            // picture the decoder could still rebuild.
            EXPECT_EQ (test::readFrameCode (*frame), i) << spec.fileName << " frame " << i;
            if (! damagedSeen)
                ++good;
        }
        EXPECT_GT (good, count / 4) << "the first part of the file decodes";
        EXPECT_GT (damaged, count / 4) << "the missing part comes back flagged";
        // Random access into both halves after that: still no crash, still exact or flagged.
        std::mt19937 random (7);
        for (int n = 0; n < 40; ++n)
        {
            const int64_t i = std::uniform_int_distribution<int64_t> (0, count - 1) (random);
            auto frame = d.decodeFrame (i);
            ASSERT_TRUE (frame.ok());
            if (! frame->corrupt)
            {
                EXPECT_EQ (test::readFrameCode (*frame), i);
            }
        }
    }

    TEST (FrameDecoder, TruncatedMp4DecodesWhatItCan)
    {
        expectTruncatedMovieDecodesWhatItCan (test::leader25Mp4());
    }

    TEST (FrameDecoder, TruncatedMatroskaDecodesWhatItCan)
    {
        expectTruncatedMovieDecodesWhatItCan (test::leader25Mkv());
    }

    TEST (FrameDecoder, AQuickTimeMovieCutBeforeItsIndexDoesNotOpen)
    {
        // ffmpeg writes the moov atom last: without it there is nothing to decode.
        auto decoder = FrameDecoder::open (truncatedCopy (test::leader23976Mov(), 0.5));
        ASSERT_FALSE (decoder.ok());
        EXPECT_NE (decoder.error().message.find ("cut_leader_23976.mov"), std::string::npos) << decoder.error().message;
    }

    TEST (FrameDecoder, DamagedBytesInTheMiddleAreFlaggedNeverShownWrong)
    {
        const auto source = test::leaderMovie (test::leader25Mp4());
        const auto target = test::scratchFolder ("damaged") / "damaged.mp4";
        std::ifstream in (source, std::ios::binary);
        std::string bytes ((std::istreambuf_iterator<char> (in)), std::istreambuf_iterator<char>());
        std::mt19937 random (99);
        for (size_t i = bytes.size() / 2; i < bytes.size() / 2 + 20000; ++i)
            bytes[i] = char (random());
        std::ofstream (target, std::ios::binary) << bytes;

        auto decoder = FrameDecoder::open (target);
        ASSERT_TRUE (decoder.ok()) << decoder.error().message;
        int64_t exact = 0, flagged = 0, wrong = 0;
        for (int64_t i = 0; i < decoder.value()->info().frameCount; ++i)
        {
            auto frame = decoder.value()->decodeFrame (i);
            ASSERT_TRUE (frame.ok());
            if (frame->corrupt)
                ++flagged;
            else if (test::readFrameCode (*frame) == i)
                ++exact;
            else
                ++wrong;
        }
        // Every picture is either the right one or flagged: never a wrong picture shown as good
        // (the decoder's concealment, or the last good picture held over lost ones).
        EXPECT_EQ (wrong, 0);
        EXPECT_GT (flagged, 0);
        EXPECT_GT (exact, 600);
    }
} // namespace
} // namespace sprocket::video

namespace sprocket::video
{
namespace
{
    TEST (FrameDecoder, AnAbandonedDecodeKeepsTheDecoderUsable)
    {
        auto decoder = FrameDecoder::open (test::leaderMovie (test::leader23976Mov()));
        ASSERT_TRUE (decoder.ok());
        std::atomic<bool> abandon { true };
        decoder.value()->setAbandonFlag (&abandon);
        auto given = decoder.value()->decodeFrame (300);
        ASSERT_FALSE (given.ok());
        EXPECT_NE (given.error().message.find ("decoding frame 300 abandoned"), std::string::npos);
        abandon = false;
        for (int64_t frame : { 300, 301, 12, 13, 700 })
            EXPECT_EQ (test::readFrameCode (*decoder.value()->decodeFrame (frame)), frame);
    }
} // namespace
} // namespace sprocket::video
