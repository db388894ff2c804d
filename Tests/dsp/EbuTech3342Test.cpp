// EBU Tech 3342 (loudness range), cases 1 to 4 generated from their definitions: stereo 1 kHz
// sines, 20 s per level, expected LRA +/-1 LU (Tech 3342's tolerance). Cases 5 and 6 are
// recordings of real programmes and are not reproduced (see LoudnessOracleTest).

#include "LoudnessTestSignals.h"

#include <gtest/gtest.h>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

namespace
{
class EbuTech3342 : public ::testing::TestWithParam<double>
{
protected:
    double lraOf (const std::vector<double>& levels)
    {
        Programme p (2, GetParam());
        for (double level : levels)
            appendTone (p, level, 20.0);
        return measure (p, 4096).loudnessRangeLu;
    }
};
} // namespace

// The step between levels falls at a 100 ms boundary here, so the short-term values are the two
// levels plus the 29 windows straddling the step; the percentiles land on the plateaus and the
// result is exact (to the histogram's 0.01 LU), well inside the +/-1 LU tolerance.
TEST_P (EbuTech3342, Case1MinusTwentyThenMinusThirty) { EXPECT_NEAR (lraOf ({ -20.0, -30.0 }), 10.0, 0.05); }
TEST_P (EbuTech3342, Case2MinusTwentyThenMinusFifteen) { EXPECT_NEAR (lraOf ({ -20.0, -15.0 }), 5.0, 0.05); }
TEST_P (EbuTech3342, Case3MinusFortyThenMinusTwenty) { EXPECT_NEAR (lraOf ({ -40.0, -20.0 }), 20.0, 0.05); }
TEST_P (EbuTech3342, Case4FiveLevelsUpAndDown)
{
    EXPECT_NEAR (lraOf ({ -50.0, -35.0, -20.0, -35.0, -50.0 }), 15.0, 0.05);
}

TEST_P (EbuTech3342, SilenceAndShortProgrammesHaveNoRange)
{
    Programme p (2, GetParam());
    appendSilence (p, 10.0);
    EXPECT_EQ (measure (p).loudnessRangeLu, 0.0);
    Programme shortOne (2, GetParam());
    appendTone (shortOne, -20.0, 2.9);
    EXPECT_EQ (measure (shortOne).loudnessRangeLu, 0.0);
}

INSTANTIATE_TEST_SUITE_P (Rates, EbuTech3342, ::testing::Values (44100.0, 48000.0, 96000.0),
                          [] (const auto& param) { return std::to_string ((int) param.param) + "Hz"; });
