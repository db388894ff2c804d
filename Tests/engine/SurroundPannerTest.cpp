#include "TestSessions.h"

#include "core/Decibels.h"
#include "engine/PlanCompiler.h"
#include "engine/SurroundPanner.h"
#include "session/SessionJson.h"

#include <gtest/gtest.h>

#include <random>

using namespace sprocket;
using namespace sprocket::engine;

namespace
{
enum Channel
{
    L,
    R,
    C,
    LFE,
    Ls,
    Rs,
    Lrs,
    Rrs
};

double powerOf (const std::array<float, maxChannels>& g, int channels)
{
    double sum = 0.0;
    for (int c = 0; c < channels; ++c)
        if (c != LFE)
            sum += double (g[size_t (c)]) * g[size_t (c)];
    return sum;
}
} // namespace

TEST (SurroundPannerTest, SpeakerPositionsGetThatSpeakerAlone)
{
    const auto centre = surroundPanGains (6, { 0.0, 1.0 });
    EXPECT_NEAR (centre[C], 1.0f, 1e-6);
    EXPECT_NEAR (centre[L], 0.0f, 1e-6);
    EXPECT_NEAR (surroundPanGains (6, { -1.0, 1.0 })[L], 1.0f, 1e-6);
    EXPECT_NEAR (surroundPanGains (6, { 1.0, 1.0 })[R], 1.0f, 1e-6);
    EXPECT_NEAR (surroundPanGains (6, { -1.0, -1.0 })[Ls], 1.0f, 1e-6);
    EXPECT_NEAR (surroundPanGains (6, { 1.0, -1.0 })[Rs], 1.0f, 1e-6);
    // 7.1: the side speakers sit mid-wall, the rears in the back corners.
    EXPECT_NEAR (surroundPanGains (8, { -1.0, 0.0 })[Ls], 1.0f, 1e-6);
    EXPECT_NEAR (surroundPanGains (8, { 1.0, -1.0 })[Rrs], 1.0f, 1e-6);
}

TEST (SurroundPannerTest, BetweenTwoSpeakersTheImageSplitsAtConstantPower)
{
    // 5.1, middle of the left wall: halfway (by angle) between L and Ls, equal gains.
    const auto side = surroundPanGains (6, { -1.0, 0.0 });
    EXPECT_NEAR (side[L], std::sqrt (0.5f), 1e-6);
    EXPECT_NEAR (side[Ls], std::sqrt (0.5f), 1e-6);
    EXPECT_NEAR (side[C], 0.0f, 1e-6);
    // Halfway between L and C along the screen.
    const auto frontLeft = surroundPanGains (6, { -0.5, 1.0 });
    EXPECT_GT (frontLeft[L], 0.3f);
    EXPECT_GT (frontLeft[C], 0.3f);
    EXPECT_NEAR (frontLeft[R] + frontLeft[Ls] + frontLeft[Rs], 0.0f, 1e-6);

    std::mt19937 random (3);
    std::uniform_real_distribution<double> anywhere (-1.0, 1.0), unit (0.0, 1.0);
    for (int i = 0; i < 200; ++i)
        for (int width : { 6, 8 })
        {
            const auto g =
                surroundPanGains (width, { anywhere (random), anywhere (random), unit (random), 100.0 * unit (random) });
            ASSERT_NEAR (powerOf (g, width), 1.0, 1e-6);
            for (int c = 0; c < width; ++c)
                ASSERT_GE (g[size_t (c)], 0.0f);
        }
}

TEST (SurroundPannerTest, TheRoomsMiddleAndFullDivergenceSpreadEverywhere)
{
    for (const auto& g : { surroundPanGains (6, { 0.0, 0.0 }), surroundPanGains (6, { 0.3, 1.0, 1.0 }) })
        for (int c : { L, R, C, Ls, Rs })
            EXPECT_NEAR (g[size_t (c)], 1.0 / std::sqrt (5.0), 1e-6) << c;
    const auto seven = surroundPanGains (8, { 0.0, 0.0 });
    EXPECT_NEAR (seven[Rrs], 1.0 / std::sqrt (7.0), 1e-6);
}

TEST (SurroundPannerTest, CentrePercentageAndLfeSend)
{
    const auto phantom = surroundPanGains (6, { 0.0, 1.0, 0.0, 0.0, -10.0 });
    EXPECT_NEAR (phantom[C], 0.0f, 1e-6);
    EXPECT_NEAR (phantom[L], std::sqrt (0.5f), 1e-6);
    EXPECT_NEAR (phantom[R], std::sqrt (0.5f), 1e-6);
    EXPECT_NEAR (phantom[LFE], core::gainFromDb (-10.0), 1e-6);
    const auto half = surroundPanGains (6, { 0.0, 1.0, 0.0, 50.0 });
    EXPECT_NEAR (half[C], std::sqrt (0.5f), 1e-6);
    EXPECT_NEAR (half[L], 0.5f, 1e-6);
    EXPECT_EQ (surroundPanGains (6, { 0.0, 1.0 })[LFE], 0.0f); // no LFE unless sent
}

TEST (SurroundPannerTest, TracksCarryTheirRoomPositionIntoThePlanAndTheFile)
{
    auto s = test::emptySession();
    s.buses = { { "FX", "Effects 5.1", 6, 0.0, session::masterOutputId, {}, {} } };
    s.master.channels = 6;
    auto t = test::track ("t", 1, "FX");
    t.gainDb = -6.0;
    t.surroundPan = session::SurroundPan { 1.0, -1.0, 0.0, 100.0, -144.0 };
    s.tracks = { t };
    const auto plan = compilePlan (s);
    const auto& m = plan.tracks[0].destination.matrix;
    EXPECT_NEAR (m[Rs][0], core::gainFromDb (-6.0), 1e-6);
    EXPECT_NEAR (m[L][0] + m[R][0] + m[C][0] + m[Ls][0], 0.0f, 1e-6);

    session::Problems problems;
    const auto back = session::sessionFromJson (nlohmann::json::parse (session::sessionToJson (s).dump()), problems);
    EXPECT_TRUE (problems.empty());
    EXPECT_EQ (back.tracks[0].surroundPan, t.surroundPan);

    auto json = session::sessionToJson (s);
    json["tracks"][0]["pan"] = { { "x", 2.0 }, { "y", 0.0 } };
    problems.clear();
    session::sessionFromJson (json, problems);
    ASSERT_EQ (problems.size(), 1u);
    EXPECT_EQ (problems[0].path, "tracks[0].pan.x");
}
