#include "engine/AudioTap.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

using namespace sprocket;

namespace
{
/** Block b of a two-channel ramp: left counts samples, right is minus that. */
void fillBlock (std::vector<float>& left, std::vector<float>& right, int64_t firstSample)
{
    for (size_t i = 0; i < left.size(); ++i)
    {
        left[i] = (float) (firstSample + (int64_t) i);
        right[i] = -left[i];
    }
}
} // namespace

TEST (AudioTapTest, BlocksComeOutInOrderAcrossTheRingsEnd)
{
    engine::AudioTap tap (2, 1000);
    std::vector<float> left (300), right (300), outLeft (1000), outRight (1000);
    const float* in[] = { left.data(), right.data() };
    float* out[] = { outLeft.data(), outRight.data() };
    int64_t pushed = 0, popped = 0;
    for (int round = 0; round < 10; ++round) // 3000 frames through a 1000-frame ring
    {
        fillBlock (left, right, pushed);
        tap.push (in, 300);
        pushed += 300;
        const int n = tap.pop (out, 260 + 40 * (round % 3)); // reads of other sizes than the writes
        for (int i = 0; i < n; ++i)
        {
            ASSERT_EQ (outLeft[(size_t) i], (float) (popped + i));
            ASSERT_EQ (outRight[(size_t) i], -(float) (popped + i));
        }
        popped += n;
    }
    EXPECT_EQ (tap.available(), (int) (pushed - popped));
    EXPECT_EQ (tap.dropped(), 0);
}

TEST (AudioTapTest, ABlockThatDoesNotFitIsDroppedWholeAndCounted)
{
    engine::AudioTap tap (1, 1000);
    std::vector<float> block (400, 0.25f);
    const float* in[] = { block.data() };
    tap.push (in, 400);
    tap.push (in, 400);
    EXPECT_EQ (tap.gaps(), 0);
    tap.push (in, 400); // 1200 > 1000: all of it is dropped, none of it torn in
    EXPECT_EQ (tap.available(), 800);
    EXPECT_EQ (tap.dropped(), 400);
    EXPECT_EQ (tap.gaps(), 1);
}

TEST (AudioTapTest, AWriterAndAReaderOnTwoThreadsLoseNothingTheRingCanHold)
{
    // The audio thread pushes 64-frame blocks; the reader pops whatever is there. Every frame
    // either arrives, in order, or was counted as dropped (ThreadSanitizer runs this too).
    engine::AudioTap tap (2, 4096);
    constexpr int blocks = 20000, block = 64;
    std::thread writer ([&] {
        std::vector<float> left (block), right (block);
        const float* in[] = { left.data(), right.data() };
        for (int b = 0; b < blocks; ++b)
        {
            fillBlock (left, right, (int64_t) b * block);
            tap.push (in, block);
        }
    });
    std::vector<float> outLeft (1000), outRight (1000);
    float* out[] = { outLeft.data(), outRight.data() };
    int64_t received = 0, expectedNext = 0;
    bool ordered = true;
    while (received + tap.dropped() < (int64_t) blocks * block)
    {
        const int n = tap.pop (out, 1000);
        for (int i = 0; i < n; ++i)
        {
            // After a drop the next frame jumps ahead by whole blocks, never backwards.
            const auto value = (int64_t) outLeft[(size_t) i];
            ordered = ordered && value >= expectedNext && outRight[(size_t) i] == -outLeft[(size_t) i];
            expectedNext = value + 1;
        }
        received += n;
        if (n == 0)
            std::this_thread::yield();
    }
    writer.join();
    EXPECT_TRUE (ordered);
    EXPECT_EQ (received + tap.dropped(), (int64_t) blocks * block);
    EXPECT_EQ (tap.dropped() % block, 0);
}
