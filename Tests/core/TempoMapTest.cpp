#include "core/TempoMap.h"

#include <gtest/gtest.h>

#include <random>

using namespace sprocket::core;

namespace
{
TempoMap makeMap (std::vector<TempoChange> tempos, std::vector<MeterChange> meters, int64_t barOne = 0)
{
    auto map = TempoMap::create (SamplePosition { barOne }, std::move (tempos), std::move (meters));
    EXPECT_TRUE (map.ok()) << (map.ok() ? "" : map.error().message);
    return map.ok() ? *map : TempoMap {};
}
} // namespace

TEST (BarsBeatsTest, FormatsAndParsesTheProToolsCounter)
{
    EXPECT_EQ (formatBarsBeats ({ 17, 3, 480 }), "17|3|480");
    EXPECT_EQ (formatBarsBeats ({ 1, 1, 5 }), "1|1|005");
    EXPECT_EQ (*parseBarsBeats ("17|3|480"), (BarsBeats { 17, 3, 480 }));
    EXPECT_EQ (*parseBarsBeats ("9|2"), (BarsBeats { 9, 2, 0 }));
    EXPECT_EQ (*parseBarsBeats ("-2"), (BarsBeats { -2, 1, 0 }));
    EXPECT_FALSE (parseBarsBeats ("17|0|000").ok());
    EXPECT_FALSE (parseBarsBeats ("17|x").ok());
    EXPECT_FALSE (parseBarsBeats ("1|1|1|1").ok());
    EXPECT_FALSE (parseBarsBeats ("").ok());
}

TEST (TempoMapTest, DefaultIsOneHundredTwentyInFourFourFromTheSessionStart)
{
    const TempoMap map;
    EXPECT_EQ (map.positionOfTick (*map.tickOf ({ 2, 1, 0 }), 48000).samples, 96000); // 4 quarters at 0.5 s
    EXPECT_EQ (map.positionOfTick (*map.tickOf ({ 1, 2, 0 }), 48000).samples, 24000);
    EXPECT_EQ (map.positionOfTick (*map.tickOf ({ 1, 1, 480 }), 48000).samples, 12000);
    EXPECT_EQ (map.barsBeatsAt (int64_t (map.tickAt (SamplePosition { 96000 + 36000 }, 48000))), (BarsBeats { 2, 2, 480 }));
}

TEST (TempoMapTest, TempoAndMeterChangesMoveLaterBarsByTheDerivedTimes)
{
    // Bars 1-2 in 4/4 at 120 (8 quarters = 4 s); bar 3 on in 3/4 at 90 (a bar = 3 quarters = 2 s).
    const auto map = makeMap ({ { 0, 120.0 }, { 2 * 3840, 90.0 } }, { { 1, 4, 4 }, { 3, 3, 4 } }, 4800);
    EXPECT_EQ (*map.tickOf ({ 3, 1, 0 }), 7680);
    EXPECT_EQ (map.positionOfTick (*map.tickOf ({ 3, 1, 0 }), 48000).samples, 4800 + 4 * 48000);
    EXPECT_EQ (map.positionOfTick (*map.tickOf ({ 4, 1, 0 }), 48000).samples, 4800 + 6 * 48000);
    EXPECT_EQ (map.positionOfTick (*map.tickOf ({ 4, 3, 0 }), 48000).samples, 4800 + 6 * 48000 + 2 * 32000);
    EXPECT_DOUBLE_EQ (map.bpmAtTick (7679.0), 120.0);
    EXPECT_DOUBLE_EQ (map.bpmAtTick (7680.0), 90.0);
    EXPECT_EQ (map.meterAtBar (7).numerator, 3);
    EXPECT_EQ (map.barsBeatsAt (7680 + 2880 + 960), (BarsBeats { 4, 2, 0 }));
}

TEST (TempoMapTest, CompoundMetersCountEighthNoteBeats)
{
    const auto map = makeMap ({ { 0, 60.0 } }, { { 1, 6, 8 } });
    EXPECT_EQ (map.meterAtBar (1).ticksPerBeat(), 480);
    EXPECT_EQ (*map.tickOf ({ 2, 4, 240 }), 2880 + 3 * 480 + 240);
    // 60 quarters a minute: an eighth is half a second, a 6/8 bar three seconds.
    EXPECT_EQ (map.positionOfTick (*map.tickOf ({ 2, 1, 0 }), 48000).samples, 3 * 48000);
    EXPECT_FALSE (map.tickOf ({ 1, 7, 0 }).ok());
    EXPECT_FALSE (map.tickOf ({ 1, 1, 480 }).ok());
}

TEST (TempoMapTest, BarsBeforeBarOneRunTheFirstTempoAndMeterBackwards)
{
    const auto map = makeMap ({ { 0, 120.0 } }, { { 1, 4, 4 } }, 10 * 48000);
    EXPECT_EQ (map.barsBeatsAt (-3840), (BarsBeats { 0, 1, 0 }));
    EXPECT_EQ (map.barsBeatsAt (-1), (BarsBeats { 0, 4, 959 }));
    EXPECT_EQ (map.positionOfTick (*map.tickOf ({ -1, 1, 0 }), 48000).samples, 6 * 48000);
    EXPECT_DOUBLE_EQ (map.tickAt (SamplePosition { 0 }, 48000), -20.0 * 960.0);
}

TEST (TempoMapTest, BarsBeatsToSamplesAndBackRoundTripsEveryTickOnAFineGrid)
{
    const auto map =
        makeMap ({ { 0, 97.3 }, { 3840 * 5 + 960, 141.0 }, { 3840 * 5 + 960 + 3 * 2880 + 160, 60.125 }, { 3840 * 40, 999.0 } },
                 { { 1, 4, 4 }, { 6, 3, 4 }, { 13, 7, 8 }, { 21, 5, 16 } }, 12345);
    std::mt19937 random (7);
    for (int64_t rate : { 44100, 48000, 96000 })
        for (int i = 0; i < 20000; ++i)
        {
            const auto tick = std::uniform_int_distribution<int64_t> (-3840 * 3, 3840 * 60) (random);
            const auto bars = map.barsBeatsAt (tick);
            ASSERT_EQ (*map.tickOf (bars), tick) << formatBarsBeats (bars);
            const auto position = map.positionOfTick (tick, rate);
            ASSERT_EQ (std::llround (map.tickAt (position, rate)), tick) << rate << " Hz, " << formatBarsBeats (bars);
            ASSERT_EQ (map.tickContaining (position, rate), tick);
            ASSERT_EQ (map.tickContaining (position - SampleDuration { 1 }, rate), tick - 1);
        }
}

TEST (TempoMapTest, SnapsToBarsBeatsAndSubdivisions)
{
    const auto map = makeMap ({ { 0, 120.0 } }, { { 1, 4, 4 }, { 3, 6, 8 } });
    EXPECT_EQ (map.nearestGridTick (1900.0, 0), 0);
    EXPECT_EQ (map.nearestGridTick (1940.0, 0), 3840);
    EXPECT_EQ (map.nearestGridTick (1900.0, 1), 1920);
    EXPECT_EQ (map.nearestGridTick (1300.0, 2), 1440);
    EXPECT_EQ (map.nearestGridTick (330.0, 3), 320);                 // triplet eighths
    EXPECT_EQ (map.nearestGridTick (7680.0 + 500.0, 1), 7680 + 480); // 6/8: eighth-note beats
    EXPECT_EQ (map.nearestGridTick (-100.0, 1), 0);

    const auto lines = map.gridTicks (3840, 7680 + 2880, 1);
    ASSERT_EQ (lines.size(), 4u + 6u + 1u);
    EXPECT_EQ (lines[3], 3840 + 3 * 960);
    EXPECT_EQ (lines[4], 7680);
    EXPECT_EQ (lines[5], 7680 + 480);
    EXPECT_EQ (lines.back(), 7680 + 2880);
}

TEST (TempoMapTest, RefusesChangesThatDoNotMakeAMap)
{
    const auto error = [] (std::vector<TempoChange> t, std::vector<MeterChange> m) {
        auto map = TempoMap::create ({}, std::move (t), std::move (m));
        return map.ok() ? std::string() : map.error().message;
    };
    EXPECT_NE (error ({ { 960, 120.0 } }, { { 1, 4, 4 } }).find ("first tempo"), std::string::npos);
    EXPECT_NE (error ({ { 0, 120.0 }, { 0, 90.0 } }, { { 1, 4, 4 } }).find ("tempos[1]"), std::string::npos);
    EXPECT_NE (error ({ { 0, 0.0 } }, { { 1, 4, 4 } }).find ("tempos[0]: bpm"), std::string::npos);
    EXPECT_NE (error ({ { 0, 120.0 } }, { { 2, 4, 4 } }).find ("first meter"), std::string::npos);
    EXPECT_NE (error ({ { 0, 120.0 } }, { { 1, 4, 4 }, { 3, 5, 3 } }).find ("meters[1]: denominator"), std::string::npos);
    EXPECT_NE (error ({ { 0, 120.0 } }, { { 1, 4, 4 }, { 1, 3, 4 } }).find ("meters[1]"), std::string::npos);
    EXPECT_EQ (error ({ { 0, 120.0 } }, { { 1, 4, 4 } }), "");
}
