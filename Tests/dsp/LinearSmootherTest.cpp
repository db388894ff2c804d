#include "dsp/LinearSmoother.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sprocket::dsp;

TEST (LinearSmootherTest, RampsLinearlyAndArrivesExactlyAfterTheRampTime)
{
    LinearSmoother s;
    s.prepare (48000.0, 20.0); // 20 ms at 48 kHz = 960 samples
    EXPECT_EQ (s.getRampSamples(), 960);
    s.setImmediate (1.0);
    s.setTarget (3.0);

    double previous = 1.0;
    for (int i = 0; i < 960; ++i)
    {
        const double v = s.next();
        EXPECT_NEAR (v - previous, 2.0 / 960.0, 1e-12);
        previous = v;
    }
    EXPECT_EQ (s.getCurrent(), 3.0);
    EXPECT_FALSE (s.isSmoothing());
    EXPECT_EQ (s.next(), 3.0);
}

TEST (LinearSmootherTest, SkipMatchesStepping)
{
    LinearSmoother a, b;
    a.prepare (44100.0, 10.0);
    b.prepare (44100.0, 10.0);
    a.setTarget (1.0);
    b.setTarget (1.0);
    for (int i = 0; i < 100; ++i)
        a.next();
    b.skip (100);
    EXPECT_NEAR (a.getCurrent(), b.getCurrent(), 1e-12);
    b.skip (100000);
    EXPECT_EQ (b.getCurrent(), 1.0);
}

TEST (LinearSmootherTest, ANewTargetRestartsFromWhereTheValueIs)
{
    LinearSmoother s;
    s.prepare (1000.0, 10.0); // 10 samples
    s.setTarget (10.0);
    for (int i = 0; i < 5; ++i)
        s.next();
    EXPECT_NEAR (s.getCurrent(), 5.0, 1e-12);
    s.setTarget (0.0);
    EXPECT_NEAR (s.next(), 4.5, 1e-12);
}
