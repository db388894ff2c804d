#include "dsp/PanLaw.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sprocket::dsp;

TEST (PanLawTest, CentreIsMinus3dBOnBothSides)
{
    const auto g = monoPanGains (0.0);
    EXPECT_NEAR (20.0 * std::log10 (g.left), -3.0103, 1e-4);
    EXPECT_NEAR (g.left, g.right, 1e-15);
}

TEST (PanLawTest, HardPansSilenceTheOtherSide)
{
    EXPECT_NEAR (monoPanGains (-1.0).right, 0.0, 1e-15);
    EXPECT_NEAR (monoPanGains (-1.0).left, 1.0, 1e-15);
    EXPECT_NEAR (monoPanGains (1.0).left, 0.0, 1e-15);
    EXPECT_NEAR (monoPanGains (2.0).right, 1.0, 1e-15); // clamped
}

TEST (PanLawTest, BalanceIsLinearAndUntouchedAtCentre)
{
    EXPECT_EQ (stereoBalanceGains (0.0).left, 1.0);
    EXPECT_EQ (stereoBalanceGains (0.0).right, 1.0);
    EXPECT_DOUBLE_EQ (stereoBalanceGains (0.25).left, 0.75);
    EXPECT_EQ (stereoBalanceGains (0.25).right, 1.0);
    EXPECT_DOUBLE_EQ (stereoBalanceGains (-0.5).right, 0.5);
}
