#include "core/SampleTime.h"

#include <gtest/gtest.h>

using namespace sprocket::core;

TEST (SampleTimeTest, RangesIntersectAsHalfOpenIntervals)
{
    const SampleRange a { { 100 }, { 200 } };
    const SampleRange b { { 200 }, { 300 } };
    const SampleRange c { { 150 }, { 250 } };
    EXPECT_FALSE (a.overlaps (b));
    EXPECT_TRUE (a.overlaps (c));
    EXPECT_EQ (a.intersection (c), (SampleRange { { 150 }, { 200 } }));
    EXPECT_TRUE (a.intersection (b).isEmpty());
    EXPECT_TRUE (a.contains ({ 100 }));
    EXPECT_FALSE (a.contains ({ 200 }));
    EXPECT_EQ (a.length().samples, 100);
}

TEST (SampleTimeTest, PositionArithmetic)
{
    const SamplePosition p { 1000 };
    EXPECT_EQ ((p + SampleDuration { 24 }).samples, 1024);
    EXPECT_EQ ((SamplePosition { 1500 } - p).samples, 500);
}
