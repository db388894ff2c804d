#include "dsp/FadeCurve.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace sprocket::dsp;

TEST (FadeCurveTest, ShapesStartAtZeroEndAtOneAndAreMonotonic)
{
    for (auto shape : { FadeShape::linear, FadeShape::equalPower, FadeShape::sCurve })
    {
        EXPECT_EQ (fadeGain (shape, 0.0), 0.0);
        EXPECT_NEAR (fadeGain (shape, 1.0), 1.0, 1e-15);
        for (int i = 1; i <= 1000; ++i)
            ASSERT_GE (fadeGain (shape, i / 1000.0), fadeGain (shape, (i - 1) / 1000.0));
    }
}

TEST (FadeCurveTest, ComplementaryPairsSumAsDocumented)
{
    for (int i = 0; i <= 100; ++i)
    {
        const double x = i / 100.0;
        EXPECT_NEAR (fadeGain (FadeShape::linear, x) + fadeGain (FadeShape::linear, 1.0 - x), 1.0, 1e-15);
        EXPECT_NEAR (fadeGain (FadeShape::sCurve, x) + fadeGain (FadeShape::sCurve, 1.0 - x), 1.0, 1e-15);
        EXPECT_NEAR (std::pow (fadeGain (FadeShape::equalPower, x), 2) + std::pow (fadeGain (FadeShape::equalPower, 1.0 - x), 2), 1.0, 1e-15);
    }
}

TEST (FadeCurveTest, ApplyFadeInAndOutUseTheDocumentedSampleConvention)
{
    std::vector<float> ones (10, 1.0f);
    applyFadeIn (ones.data(), 10, 0, 10, FadeShape::linear);
    for (int k = 0; k < 10; ++k)
        EXPECT_FLOAT_EQ (ones[size_t (k)], k / 10.0f);

    std::vector<float> tail (4, 1.0f);
    applyFadeOut (tail.data(), 4, 4, 8, FadeShape::linear); // last 4 samples of an 8-sample fade-out
    EXPECT_FLOAT_EQ (tail[0], 4.0f / 8.0f);
    EXPECT_FLOAT_EQ (tail[3], 1.0f / 8.0f);
}

TEST (FadeCurveTest, NamesRoundTrip)
{
    for (auto shape : { FadeShape::linear, FadeShape::equalPower, FadeShape::sCurve })
        EXPECT_EQ (parseFadeShape (fadeShapeName (shape)), shape);
    EXPECT_FALSE (parseFadeShape ("exponential").has_value());
}
