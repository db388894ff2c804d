// The phase correlation meter against signals whose correlation is known: mono (+1 at any
// balance), one side inverted (-1), a quarter period apart (0), unrelated noise (about 0),
// one side silent (0), and how fast it follows a change (its 300 ms integrators).
#include "dsp/PhaseCorrelationMeter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

using namespace sprocket::dsp;

namespace
{
constexpr double rate = 48000.0;

std::vector<float> sine (double hz, double phase, double amplitude, double seconds)
{
    std::vector<float> s (size_t (seconds * rate));
    for (size_t i = 0; i < s.size(); ++i)
        s[i] = float (amplitude * std::sin (2.0 * M_PI * hz * double (i) / rate + phase));
    return s;
}

double settle (const std::vector<float>& left, const std::vector<float>& right)
{
    PhaseCorrelationMeter meter;
    meter.prepare (rate);
    meter.process (left.data(), right.data(), int (left.size()));
    return meter.correlation();
}
} // namespace

TEST (PhaseCorrelationMeterTest, MonoReadsPlusOneInvertedMinusOneQuadratureZero)
{
    const auto l = sine (1000.0, 0.0, 0.5, 2.0);
    EXPECT_NEAR (settle (l, l), 1.0, 1e-9);
    EXPECT_NEAR (settle (l, sine (1000.0, 0.0, 0.05, 2.0)), 1.0, 1e-9); // balance does not matter
    EXPECT_NEAR (settle (l, sine (1000.0, M_PI, 0.5, 2.0)), -1.0, 1e-9);
    // sin·cos averages to zero; the 300 ms integrator leaves a ripple of about 1e-4 at 1 kHz.
    EXPECT_NEAR (settle (l, sine (1000.0, M_PI / 2.0, 0.5, 2.0)), 0.0, 1e-3);
    // 60 degrees apart: cos 60° = 0.5.
    EXPECT_NEAR (settle (l, sine (1000.0, M_PI / 3.0, 0.5, 2.0)), 0.5, 1e-3);
}

TEST (PhaseCorrelationMeterTest, UnrelatedNoiseReadsNearZeroAndSilenceReadsZero)
{
    std::mt19937 a (1), b (2);
    std::normal_distribution<float> noise (0.0f, 0.2f);
    std::vector<float> l (size_t (10 * rate)), r (l.size());
    for (size_t i = 0; i < l.size(); ++i)
    {
        l[i] = noise (a);
        r[i] = noise (b);
    }
    // White noise over a 300 ms window: the estimate's spread is about 1/sqrt(2 * 0.3 * 48000).
    EXPECT_NEAR (settle (l, r), 0.0, 0.02);

    const std::vector<float> silence (l.size(), 0.0f);
    EXPECT_EQ (settle (l, silence), 0.0);
    EXPECT_EQ (settle (silence, silence), 0.0);
}

TEST (PhaseCorrelationMeterTest, FollowsAFlipWithinItsTimeConstantAndKeepsTheLowest)
{
    PhaseCorrelationMeter meter;
    meter.prepare (rate);
    const auto l = sine (500.0, 0.0, 0.5, 1.0);
    const auto inverted = sine (500.0, M_PI, 0.5, 1.0);
    meter.process (l.data(), l.data(), int (l.size()));
    EXPECT_NEAR (meter.correlation(), 1.0, 1e-9);
    EXPECT_NEAR (meter.lowest(), 1.0, 1e-9);

    // One side flips: <L·R> decays from +P to -P as 1 - 2 exp(-t / 0.3 s), so it crosses 0 at
    // 0.3 ln 2 = 208 ms; the powers stay put.
    const int crossing = int (0.3 * std::log (2.0) * rate);
    meter.process (l.data(), inverted.data(), crossing - 480);
    EXPECT_GT (meter.correlation(), 0.0);
    meter.process (l.data() + crossing - 480, inverted.data() + crossing - 480, 960);
    EXPECT_LT (meter.correlation(), 0.0);
    meter.process (l.data() + crossing + 480, inverted.data() + crossing + 480, int (l.size()) - crossing - 480);
    EXPECT_LT (meter.correlation(), -0.9);

    // Back in phase: the reading recovers; the lowest stays.
    meter.process (l.data(), l.data(), int (l.size()));
    EXPECT_GT (meter.correlation(), 0.9);
    EXPECT_LT (meter.lowest(), -0.9);
    meter.reset();
    EXPECT_EQ (meter.lowest(), 1.0);
}
