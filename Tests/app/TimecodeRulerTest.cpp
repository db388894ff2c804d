#include "app/TimecodeRuler.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace sprocket;
using namespace sprocket::app;

namespace
{
core::SampleRange seconds (double from, double to, int64_t rate = 48000)
{
    return { { int64_t (from * double (rate)) }, { int64_t (to * double (rate)) } };
}

std::vector<std::string> texts (const std::vector<TimecodeRuler::Label>& labels)
{
    std::vector<std::string> out;
    for (auto& label : labels)
        out.push_back (label.text);
    return out;
}
} // namespace

TEST (TimecodeRulerTest, FirstLabelIsTheStartTimecodeAndStepsAreRound)
{
    TimecodeRuler ruler;
    ruler.setTimebase (48000, core::FrameRate::fps24, { 1, 0, 0, 0 });

    // One minute across 1000 px: 16.7 px per second, so 10 s (167 px) is the first step
    // wide enough for a label.
    const auto labels = ruler.labelsFor (seconds (0, 60), 1000);
    EXPECT_EQ (texts (labels), (std::vector<std::string> { "01:00:00:00", "01:00:10:00", "01:00:20:00", "01:00:30:00",
                                                           "01:00:40:00", "01:00:50:00", "01:01:00:00" }));
    EXPECT_FLOAT_EQ (labels[0].x, 0.0f);
    EXPECT_NEAR (labels[1].x, 1000.0f / 6.0f, 0.01f);
}

TEST (TimecodeRulerTest, PullDownRatesPlaceLabelsOnRealFrameTimes)
{
    TimecodeRuler ruler;
    ruler.setTimebase (48000, core::FrameRate::fps23_976, { 1, 0, 0, 0 });
    const auto labels = ruler.labelsFor (seconds (0, 60), 1000);
    ASSERT_GE (labels.size(), 2u);
    EXPECT_EQ (labels[1].text, "01:00:10:00");
    // 240 frames of 1001/24000 s = 10.01 s = 480480 samples.
    EXPECT_NEAR (labels[1].x, 480480.0f / 2880.0f, 0.01f);
}

TEST (TimecodeRulerTest, ZoomedInLabelsFramesAndTicksEveryFrame)
{
    TimecodeRuler ruler;
    ruler.setTimebase (48000, core::FrameRate::fps24, { 1, 0, 0, 0 });

    // One second across 1000 px: a frame is 41.7 px; 3 frames (125 px) is the first step
    // that divides the second and leaves room for a label.
    const auto labels = ruler.labelsFor (seconds (0, 1), 1000);
    EXPECT_EQ (texts (labels), (std::vector<std::string> { "01:00:00:00", "01:00:00:03", "01:00:00:06",
                                                           "01:00:00:09", "01:00:00:12", "01:00:00:15",
                                                           "01:00:00:18", "01:00:00:21", "01:00:01:00" }));

    const auto ticks = ruler.ticksFor (seconds (0, 1), 1000);
    EXPECT_EQ (ticks.size(), 25u - 9u); // every frame from :00 to 01:00:01:00 that has no label
    for (auto x : ticks)
        EXPECT_TRUE (std::none_of (labels.begin(), labels.end(), [x] (auto& l) { return std::abs (l.x - x) < 1.0f; }));
}

TEST (TimecodeRulerTest, DropFrameLabelsSkipMissingNumbers)
{
    TimecodeRuler ruler;
    ruler.setTimebase (48000, core::FrameRate::fps29_97df, { 0, 0, 59, 0 });

    // Two seconds around the first minute boundary, labels every 10 frames; 00:01:00;00
    // and ;01 do not exist at drop-frame, so that label reads ;02.
    const auto labels = texts (ruler.labelsFor (seconds (0, 2), 1000));
    EXPECT_NE (std::find (labels.begin(), labels.end(), "00:01:00;02"), labels.end());
    EXPECT_EQ (std::find (labels.begin(), labels.end(), "00:01:00;00"), labels.end());
    EXPECT_EQ (labels.front(), "00:00:59;00");
}

TEST (TimecodeRulerTest, LabelsSitOnWholeTimecodeWhenTheStartIsNotRound)
{
    TimecodeRuler ruler;
    ruler.setTimebase (48000, core::FrameRate::fps25, { 0, 59, 58, 12 });
    // 20 s across 1000 px: 5 s steps. 01:00:00:00 is 1.52 s (76 px) after the start.
    const auto labels = ruler.labelsFor (seconds (0, 20), 1000);
    ASSERT_FALSE (labels.empty());
    EXPECT_EQ (labels.front().text, "01:00:00:00");
    EXPECT_NEAR (labels.front().x, 76.0f, 0.01f);
}

TEST (TimecodeRulerTest, LabelsNeverCrowdAtAnyRateOrZoom)
{
    for (auto rate : core::allFrameRates)
    {
        TimecodeRuler ruler;
        ruler.setTimebase (48000, rate, { 1, 0, 0, 0 });
        for (double span : { 0.05, 0.5, 3.0, 45.0, 600.0, 7200.0, 80000.0 })
            for (int width : { 300, 1390 })
            {
                const auto labels = ruler.labelsFor (seconds (0, span), width);
                ASSERT_FALSE (labels.empty()) << span << " s, " << width << " px";
                for (size_t i = 1; i < labels.size(); ++i)
                {
                    // Drop-frame minute starts move a label by up to 2 frames; the ruler then
                    // keeps at least 3/4 of the spacing, still wider than a label's text.
                    EXPECT_GE (labels[i].x - labels[i - 1].x, TimecodeRuler::minLabelSpacing * 0.75f)
                        << core::frameRateName (rate) << ' ' << labels[i - 1].text << " -> " << labels[i].text;
                    EXPECT_LT (labels[i - 1].text, labels[i].text);
                }
            }
    }
}

TEST (TimecodeRulerTest, EveryWholeSecondGetsALabelWhenZoomedIn)
{
    for (auto rate : core::allFrameRates)
    {
        if (core::isDropFrame (rate))
            continue;
        TimecodeRuler ruler;
        ruler.setTimebase (48000, rate, { 1, 0, 0, 0 });
        const auto labels = texts (ruler.labelsFor (seconds (0, 4), 1600));
        for (auto second : { "01:00:01:00", "01:00:02:00", "01:00:03:00" })
            EXPECT_NE (std::find (labels.begin(), labels.end(), second), labels.end())
                << core::frameRateName (rate) << ' ' << second;
    }
}

TEST (TimecodeRulerTest, EmptyRangeHasNoLabels)
{
    TimecodeRuler ruler;
    EXPECT_TRUE (ruler.labelsFor ({ { 100 }, { 100 } }, 500).empty());
    EXPECT_TRUE (ruler.labelsFor (seconds (0, 10), 0).empty());
}

TEST (TimecodeRulerTest, AtSampleLevelTheLeftEdgeReadsToTheSubframe)
{
    TimecodeRuler ruler;
    ruler.setTimebase (48000, core::FrameRate::fps24, { 1, 0, 0, 0 });
    // 2000 samples a frame: sample 3001 is frame 1 plus 1001 samples, 50.05 % of the way.
    EXPECT_EQ (ruler.positionLabel (3001), "01:00:00:01.50");
    EXPECT_EQ (ruler.positionLabel (2000), "01:00:00:01.00");
    EXPECT_EQ (ruler.positionLabel (3999), "01:00:00:01.99");

    // At 10 px a sample, 1000 px hold 100 samples: no frame boundary, no label in the range.
    const core::SampleRange range { { 3001 }, { 3101 } };
    EXPECT_TRUE (ruler.labelsFor (range, 1000).empty());

    // 29.97 drop-frame: the frame after 01:00:59;29 is labelled ;02 (;00 and ;01 are dropped);
    // a quarter of its 1601.6 samples in reads .25.
    ruler.setTimebase (48000, core::FrameRate::fps29_97df, { 1, 0, 59, 29 });
    const auto frameOne = core::samplesFromFrameCount (1, core::FrameRate::fps29_97df, 48000);
    EXPECT_EQ (ruler.positionLabel (frameOne + 401), "01:01:00;02.25");

    // Other units read as their labels.
    ruler.setUnits (Timebase::samples);
    EXPECT_EQ (ruler.positionLabel (3001), "3001");
}
