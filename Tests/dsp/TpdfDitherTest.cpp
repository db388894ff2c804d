#include "dsp/TpdfDither.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace sprocket::dsp;

TEST (TpdfDitherTest, NoiseIsTriangularOverPlusMinusOneLsb)
{
    constexpr int n = 1 << 20;
    std::vector<float> samples (n, 0.0f);
    TpdfDither dither;
    dither.process (samples.data(), n, 16);
    const double lsb = 1.0 / 32768.0;

    double mean = 0.0, variance = 0.0;
    int nearCentre = 0, nearEdge = 0;
    for (float s : samples)
    {
        ASSERT_LE (std::abs (s), lsb);
        mean += s / double (n);
        variance += double (s) * double (s) / double (n);
        nearCentre += std::abs (s) < 0.1 * lsb ? 1 : 0;
        nearEdge += std::abs (s) > 0.9 * lsb ? 1 : 0;
    }
    EXPECT_NEAR (mean / lsb, 0.0, 0.01);
    // Two uniform variables of variance 1/12 LSB^2 each: 1/6 LSB^2.
    EXPECT_NEAR (variance / (lsb * lsb), 1.0 / 6.0, 0.005);
    // A triangle is 19 times denser within 0.1 LSB of 0 than beyond 0.9 LSB.
    EXPECT_NEAR (double (nearCentre) / double (nearEdge), 19.0, 1.0);
}

TEST (TpdfDitherTest, SameSeedSameNoise)
{
    std::vector<float> a (1000, 0.0f), b (1000, 0.0f), c (1000, 0.0f);
    TpdfDither (7).process (a.data(), 1000, 16);
    TpdfDither (7).process (b.data(), 1000, 16);
    TpdfDither (8).process (c.data(), 1000, 16);
    EXPECT_EQ (a, b);
    EXPECT_NE (a, c);
}
