#include "engine/PlanCompiler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace sprocket::engine;

TEST (RoutingTest, MonoPanFollowsTheConstantPowerLaw)
{
    for (double pan : { -1.0, -0.5, 0.0, 0.3, 1.0 })
    {
        const auto m = routingMatrix (1, 2, pan, 1.0f);
        EXPECT_NEAR (m[0][0], std::cos ((pan + 1.0) * std::numbers::pi / 4.0), 1e-7);
        EXPECT_NEAR (m[1][0], std::sin ((pan + 1.0) * std::numbers::pi / 4.0), 1e-7);
        EXPECT_NEAR (m[0][0] * m[0][0] + m[1][0] * m[1][0], 1.0, 1e-6);
    }
}

TEST (RoutingTest, StereoBalanceLeavesBothChannelsAtCentre)
{
    auto m = routingMatrix (2, 2, 0.0, 1.0f);
    EXPECT_EQ (m[0][0], 1.0f);
    EXPECT_EQ (m[1][1], 1.0f);
    EXPECT_EQ (m[0][1], 0.0f);
    m = routingMatrix (2, 2, 0.5, 1.0f);
    EXPECT_FLOAT_EQ (m[0][0], 0.5f);
    EXPECT_EQ (m[1][1], 1.0f);
    m = routingMatrix (2, 2, -1.0, 1.0f);
    EXPECT_EQ (m[1][1], 0.0f);
}

TEST (RoutingTest, FivePointOneFoldsDownToLoRo)
{
    const auto m = routingMatrix (6, 2, 0.0, 1.0f);
    const float minus3 = float (1.0 / std::sqrt (2.0));
    EXPECT_EQ (m[0][0], 1.0f);         // L
    EXPECT_FLOAT_EQ (m[0][2], minus3); // C
    EXPECT_EQ (m[0][3], 0.0f);         // LFE dropped
    EXPECT_FLOAT_EQ (m[0][4], minus3); // Ls
    EXPECT_EQ (m[0][5], 0.0f);
    EXPECT_FLOAT_EQ (m[1][5], minus3); // Rs
}

TEST (RoutingTest, GainScalesEveryPath)
{
    const auto m = routingMatrix (6, 6, 0.0, 0.5f);
    for (int c = 0; c < 6; ++c)
        EXPECT_EQ (m[c][c], 0.5f);
}
