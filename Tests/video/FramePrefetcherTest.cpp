#include "TestMovies.h"

#include "video/FramePrefetcher.h"

#include <gtest/gtest.h>

#include <random>
#include <thread>

namespace sprocket::video
{
namespace
{
    using namespace std::chrono_literals;

    std::unique_ptr<FramePrefetcher> openPrefetcher (const test::LeaderSpec& spec, PrefetchSettings settings = {})
    {
        auto prefetcher = FramePrefetcher::open (test::leaderMovie (spec), settings);
        if (! prefetcher.ok())
        {
            ADD_FAILURE() << prefetcher.error().message;
            return nullptr;
        }
        return std::move (prefetcher.value());
    }

    TEST (FramePrefetcher, PlaybackDeliversTheExactFrameEveryFrame)
    {
        auto prefetcher = openPrefetcher (test::leader23976Mov());
        ASSERT_NE (prefetcher, nullptr);
        const int64_t count = prefetcher->info().frameCount;
        for (int64_t frame = 0; frame < count; ++frame)
        {
            prefetcher->request (frame, PlayDirection::forward);
            auto shown = prefetcher->waitForFrame (frame, 5s);
            ASSERT_NE (shown, nullptr) << "frame " << frame;
            ASSERT_EQ (test::readFrameCode (*shown), frame);
        }
    }

    TEST (FramePrefetcher, PlaybackAtTwiceRealTimeStaysAhead)
    {
        // 23.976 fps at twice speed: a request every 21 ms. The frames ahead are decoded before
        // they are asked for, so frameIfReady finds almost all of them exact without waiting.
        auto prefetcher = openPrefetcher (test::leader2997DfMov());
        ASSERT_NE (prefetcher, nullptr);
        prefetcher->request (0, PlayDirection::forward);
        ASSERT_NE (prefetcher->waitForFrame (12, 5s), nullptr);
        int exact = 0, shown = 0;
        for (int64_t frame = 0; frame < 300; ++frame)
        {
            prefetcher->request (frame, PlayDirection::forward);
            auto lookup = prefetcher->frameIfReady (frame);
            if (lookup.frame)
            {
                ++shown;
                if (lookup.exact)
                {
                    ++exact;
                    EXPECT_EQ (test::readFrameCode (*lookup.frame), frame);
                }
                else
                    EXPECT_LT (lookup.frame->index, frame);
            }
            std::this_thread::sleep_for (std::chrono::microseconds (1001000 / 48));
        }
        EXPECT_EQ (shown, 300);
        std::printf ("twice real time: %d of 300 frames exact when asked\n", exact);
        EXPECT_GT (exact, 250);
    }

    TEST (FramePrefetcher, ReversePlaybackDeliversTheExactFrameEveryFrame)
    {
        auto prefetcher = openPrefetcher (test::leader23976Mov());
        ASSERT_NE (prefetcher, nullptr);
        for (int64_t frame = 300; frame >= 240; --frame)
        {
            prefetcher->request (frame, PlayDirection::backward);
            auto shown = prefetcher->waitForFrame (frame, 5s);
            ASSERT_NE (shown, nullptr) << "frame " << frame;
            ASSERT_EQ (test::readFrameCode (*shown), frame);
        }
    }

    TEST (FramePrefetcher, RandomLocatesDeliverTheExactFrameAndKeepNeighbours)
    {
        auto prefetcher = openPrefetcher (test::leader23976Mov());
        ASSERT_NE (prefetcher, nullptr);
        std::mt19937 random (42);
        for (int n = 0; n < 60; ++n)
        {
            const int64_t target = std::uniform_int_distribution<int64_t> (5, 700) (random);
            prefetcher->request (target);
            auto frame = prefetcher->waitForFrame (target, 5s);
            ASSERT_NE (frame, nullptr);
            ASSERT_EQ (test::readFrameCode (*frame), target);
        }
        // Parked: the frames either side follow, for stepping.
        const int64_t parked = 400;
        prefetcher->request (parked);
        for (int64_t f = parked - 3; f <= parked + 12; ++f)
        {
            auto frame = prefetcher->waitForFrame (f, 5s);
            ASSERT_NE (frame, nullptr) << f;
            EXPECT_EQ (test::readFrameCode (*frame), f);
        }
    }

    TEST (FramePrefetcher, FallsBackToTheNearestEarlierFrameFlaggedNotExact)
    {
        auto prefetcher = openPrefetcher (test::leader23976Mov(), { {}, 0, 0, size_t (64) << 20 });
        ASSERT_NE (prefetcher, nullptr);
        EXPECT_EQ (prefetcher->frameIfReady (10).frame, nullptr);
        prefetcher->request (10);
        ASSERT_NE (prefetcher->waitForFrame (10, 5s), nullptr);
        auto later = prefetcher->frameIfReady (500);
        ASSERT_NE (later.frame, nullptr);
        EXPECT_FALSE (later.exact);
        EXPECT_EQ (later.frame->index, 10);
        EXPECT_EQ (prefetcher->frameIfReady (9).frame, nullptr);
    }

    TEST (FramePrefetcher, StaysWithinItsMemoryBudget)
    {
        const size_t frameBytes = 320 * 180 * 4;
        PrefetchSettings settings;
        settings.ahead = 30;
        settings.memoryBudgetBytes = 10 * frameBytes;
        auto prefetcher = openPrefetcher (test::leader23976Mov(), settings);
        ASSERT_NE (prefetcher, nullptr);
        for (int64_t frame = 0; frame < 200; frame += 3)
        {
            prefetcher->request (frame, PlayDirection::forward);
            ASSERT_NE (prefetcher->waitForFrame (frame, 5s), nullptr);
            EXPECT_LE (prefetcher->cachedBytes(), settings.memoryBudgetBytes);
        }
        EXPECT_LE (prefetcher->cachedFrames(), 10u);
    }

    TEST (FramePrefetcher, RequestsFromAnotherThreadWhileReading)
    {
        // Several threads hammer the same prefetcher; run under the tsan preset to check the locking.
        auto prefetcher = openPrefetcher (test::leader25Mp4());
        ASSERT_NE (prefetcher, nullptr);
        std::atomic<bool> stop { false };
        std::thread reader ([&] {
            while (! stop.load())
            {
                if (auto lookup = prefetcher->frameIfReady (123); lookup.frame && lookup.exact)
                {
                    EXPECT_EQ (test::readFrameCode (*lookup.frame), 123);
                }
            }
        });
        for (int64_t frame = 100; frame < 160; ++frame)
            prefetcher->request (frame, frame % 2 ? PlayDirection::forward : PlayDirection::still);
        prefetcher->request (123);
        EXPECT_NE (prefetcher->waitForFrame (123, 5s), nullptr);
        stop = true;
        reader.join();
        EXPECT_GT (prefetcher->framesDecoded(), 0);
    }

    TEST (FramePrefetcher, DestroyingWhileDecodingIsClean)
    {
        for (int i = 0; i < 5; ++i)
        {
            auto prefetcher = openPrefetcher (test::leader25Mkv());
            ASSERT_NE (prefetcher, nullptr);
            prefetcher->request (600, PlayDirection::forward);
        }
    }
} // namespace
} // namespace sprocket::video
