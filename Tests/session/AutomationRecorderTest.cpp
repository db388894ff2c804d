// A scripted fader gesture through each automation mode gives exactly the breakpoints Pro Tools
// would write: touch at 2 s, a move to -10 dB over 1 s (an event every 10 ms, as a UI sends
// them), release at 4 s, stop at 6 s, over an existing ramp from 0 dB to -6 dB across 10 s.
#include "session/AutomationRecorder.h"
#include "session/AutomationThinning.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace sprocket::session;

namespace
{
constexpr int64_t second = 48000;
constexpr int64_t eventEvery = 480; // 10 ms

/** 0 dB to -6 dB over 10 s, with a point on the line at 3.5 s (so trim has one to move). */
const AutomationLane existing { { 0, 0.0 }, { 168000, -6.0 * 168000 / 480000 }, { 480000, -6.0 } };

double existingAt (int64_t position)
{
    return automationValueAt (existing, position);
}

AutomationTarget gainTarget()
{
    AutomationTarget target;
    target.autoMatchSamples = 12000; // 250 ms
    target.tolerance = 0.1;
    return target;
}

/** The gesture: touched at 2 s where the lane has the fader (trim: at an offset of 0), moved in a
    straight line to -10 dB (trim: -10 dB of offset) by 3 s, let go at 4 s; stop at 6 s. */
AutomationLane runGesture (AutomationMode mode, int64_t playStart = 0)
{
    AutomationRecorder recorder (existing, mode, gainTarget());
    const bool offsets = mode == AutomationMode::trim;
    const double from = offsets ? 0.0 : existingAt (2 * second);
    const double to = -10.0;
    recorder.start (playStart, from);
    recorder.touch (2 * second, from);
    for (int64_t at = 2 * second + eventEvery; at <= 3 * second; at += eventEvery)
        recorder.move (at, from + (to - from) * double (at - 2 * second) / double (second));
    recorder.release (4 * second);
    return recorder.stop (6 * second);
}

void expectLane (const AutomationLane& actual, const AutomationLane& expected)
{
    ASSERT_EQ (actual.size(), expected.size()) << "points";
    for (size_t i = 0; i < expected.size(); ++i)
    {
        EXPECT_EQ (actual[i].position, expected[i].position) << "point " << i;
        EXPECT_NEAR (actual[i].value, expected[i].value, 1e-9) << "point " << i;
    }
}
} // namespace

TEST (AutomationRecorderTest, TouchWritesWhileHeldThenGlidesBackOverTheAutoMatchTime)
{
    expectLane (runGesture (AutomationMode::touch), { { 0, 0.0 },
                                                      { 96000, existingAt (96000) }, // touched where the lane was
                                                      { 144000, -10.0 },
                                                      { 192000, -10.0 },               // released
                                                      { 204000, existingAt (204000) }, // + 250 ms: matched
                                                      { 480000, -6.0 } });
}

TEST (AutomationRecorderTest, LatchHoldsTheLastValueUntilStopThenStepsBack)
{
    expectLane (runGesture (AutomationMode::latch), { { 0, 0.0 },
                                                      { 96000, existingAt (96000) },
                                                      { 144000, -10.0 },
                                                      { 288000, -10.0 }, // stop
                                                      { 288000, existingAt (288000) },
                                                      { 480000, -6.0 } });
}

TEST (AutomationRecorderTest, WriteOverwritesFromPlayStartToStop)
{
    // Play from 1 s; the fader sits where the gesture will pick it up (write mode does not follow the lane).
    expectLane (runGesture (AutomationMode::write, second), { { 0, 0.0 },
                                                              { 48000, existingAt (48000) },
                                                              { 48000, existingAt (96000) }, // writing starts
                                                              { 96000, existingAt (96000) },
                                                              { 144000, -10.0 },
                                                              { 288000, -10.0 },
                                                              { 288000, existingAt (288000) },
                                                              { 480000, -6.0 } });
}

TEST (AutomationRecorderTest, TrimAddsItsOffsetToTheExistingPointsInTheTouchedSpan)
{
    expectLane (runGesture (AutomationMode::trim), { { 0, 0.0 },
                                                     { 96000, existingAt (96000) },
                                                     { 144000, existingAt (144000) - 10.0 },
                                                     { 168000, existingAt (168000) - 10.0 }, // the existing point, moved down
                                                     { 192000, existingAt (192000) - 10.0 },
                                                     { 204000, existingAt (204000) }, // the offset glided back to 0
                                                     { 480000, -6.0 } });
}

TEST (AutomationRecorderTest, ReadAndOffLeaveTheLaneAlone)
{
    EXPECT_EQ (runGesture (AutomationMode::read), existing);
    EXPECT_EQ (runGesture (AutomationMode::off), existing);
}

TEST (AutomationRecorderTest, StoppingDuringTheGlideCutsItShortWithAStep)
{
    AutomationRecorder recorder (existing, AutomationMode::touch, gainTarget());
    recorder.start (0, 0.0);
    recorder.touch (96000, -20.0);
    recorder.release (100000);
    const auto lane = recorder.stop (106000); // half way through the 12000-sample glide
    const double halfway = -20.0 + (existingAt (112000) + 20.0) * 0.5;
    expectLane (lane, { { 0, 0.0 },
                        { 96000, existingAt (96000) },
                        { 96000, -20.0 },
                        { 100000, -20.0 },
                        { 106000, halfway },
                        { 106000, existingAt (106000) },
                        { 168000, existingAt (168000) },
                        { 480000, -6.0 } });
}

TEST (AutomationRecorderTest, AnEmptyLaneIsWrittenAroundTheStaticValueAndClampedToTheRange)
{
    auto target = gainTarget();
    target.staticValue = -3.0;
    AutomationRecorder recorder ({}, AutomationMode::latch, target);
    recorder.start (0, -3.0);
    recorder.touch (1000, -3.0);
    recorder.move (2000, 40.0); // beyond +24 dB
    const auto lane = recorder.stop (3000);
    expectLane (lane, { { 1000, -3.0 }, { 2000, 24.0 }, { 3000, 24.0 }, { 3000, -3.0 } });
    EXPECT_DOUBLE_EQ (automationValueAt (lane, 0, -3.0), -3.0); // before the pass: as before
}

TEST (AutomationRecorderTest, AThirtySecondRideAtEverySampleThinsToFewPointsWithinTolerance)
{
    // 1,440,000 events: a slow ±6 dB sine ride at 0.2 Hz plus a 1 s linear fade at the end.
    AutomationLane ride;
    for (int64_t at = 0; at < 30 * second; ++at)
        ride.push_back ({ at, 6.0 * std::sin (2.0 * std::numbers::pi * 0.2 * double (at) / double (second)) });
    const auto thinned = thinAutomation (ride, 0.1);
    EXPECT_LT (thinned.size(), 200u) << "a 0.1 dB sleeve on a 6 dB sine needs about 20 points a cycle";
    EXPECT_EQ (thinned.front(), ride.front());
    EXPECT_EQ (thinned.back(), ride.back());
    double worst = 0.0;
    for (auto& point : ride)
        worst = std::max (worst, std::abs (automationValueAt (thinned, point.position) - point.value));
    EXPECT_LE (worst, 0.1 + 1e-9);
}

TEST (AutomationRecorderTest, ThinningKeepsStepsAndStraightLinesBecomeTwoPoints)
{
    const AutomationLane withStep { { 0, 0.0 }, { 10, 1.0 }, { 20, 2.0 }, { 20, -5.0 }, { 30, -5.0 }, { 40, -5.0 } };
    EXPECT_EQ (thinAutomation (withStep, 0.01), (AutomationLane { { 0, 0.0 }, { 20, 2.0 }, { 20, -5.0 }, { 40, -5.0 } }));
}
