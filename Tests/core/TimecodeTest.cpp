#include "core/Timecode.h"

#include <gtest/gtest.h>

using namespace sprocket::core;

TEST (TimecodeTest, EveryFrameOfADayRoundTripsAt2997DropFrame)
{
    const auto rate = FrameRate::fps29_97df;
    const int64_t day = framesPerDay (rate);
    ASSERT_EQ (day, 2589408); // 24 h of 29.97 DF: 30*86400 - 144*18

    int64_t failures = 0;
    for (int64_t frame = 0; frame < day; ++frame)
    {
        const auto tc = timecodeFromFrameCount (frame, rate);
        if (frameCountFromTimecode (tc, rate) != frame)
            ++failures;
        const auto text = formatTimecode (tc, rate);
        auto parsed = parseTimecode (text, rate);
        if (! parsed.ok() || *parsed != tc)
            ++failures;
    }
    EXPECT_EQ (failures, 0);
}

TEST (TimecodeTest, LabelsRoundTripThroughFramesAtEveryRate)
{
    for (auto rate : allFrameRates)
    {
        const int64_t day = framesPerDay (rate);
        // Every frame would take a while at 60 fps; a prime stride visits every label pattern.
        for (int64_t frame = 0; frame < day; frame += 997)
        {
            const auto tc = timecodeFromFrameCount (frame, rate);
            ASSERT_EQ (frameCountFromTimecode (tc, rate), frame) << frameRateName (rate);
        }
    }
}

TEST (TimecodeTest, SamplesAndFramesConvertExactlyBothWaysAtEveryRate)
{
    for (auto rate : allFrameRates)
        for (int64_t sampleRate : { 44100, 48000, 96000 })
            for (int64_t frame = 0; frame < 200000; frame += 7)
            {
                const auto sample = samplesFromFrameCount (frame, rate, sampleRate);
                ASSERT_EQ (frameCountFromSamples (sample, rate, sampleRate), frame);
                ASSERT_EQ (frameCountFromSamples (sample - 1, rate, sampleRate), frame - 1);
            }
}

TEST (TimecodeTest, DropFrameSkipsTwoLabelsEachMinuteExceptTenths)
{
    const auto rate = FrameRate::fps29_97df;
    EXPECT_EQ (formatTimecode (timecodeFromFrameCount (1799, rate), rate), "00:00:59;29");
    EXPECT_EQ (formatTimecode (timecodeFromFrameCount (1800, rate), rate), "00:01:00;02");
    EXPECT_EQ (formatTimecode (timecodeFromFrameCount (17982, rate), rate), "00:10:00;00");
    EXPECT_FALSE (parseTimecode ("00:01:00;00", rate).ok());
    EXPECT_FALSE (parseTimecode ("00:01:00;01", rate).ok());
    EXPECT_TRUE (parseTimecode ("00:10:00;00", rate).ok());

    const auto rate5994 = FrameRate::fps59_94df;
    EXPECT_EQ (formatTimecode (timecodeFromFrameCount (3600, rate5994), rate5994), "00:01:00;04");
    EXPECT_FALSE (parseTimecode ("00:01:00;03", rate5994).ok());
}

TEST (TimecodeTest, FilmStartIsTheBwfTimeReferenceAt23976)
{
    auto tc = parseTimecode ("01:00:00:00", FrameRate::fps23_976);
    ASSERT_TRUE (tc.ok());
    // 86400 frames of 1001/24000 s at 48 kHz = 2002 samples each.
    EXPECT_EQ (samplesSinceMidnight (*tc, FrameRate::fps23_976, 48000), 172972800);
    EXPECT_EQ (samplesSinceMidnight (*tc, FrameRate::fps25, 48000), 172800000);
    // One hour of 29.97 DF labels is 107892 frames of 1001/30000 s: 3599.9964 s, rounded up.
    EXPECT_EQ (samplesSinceMidnight (*tc, FrameRate::fps29_97df, 48000), 172799828);
    // Non-drop 29.97 labels run slow: 108000 frames are 3603.6 s.
    EXPECT_EQ (samplesSinceMidnight (*tc, FrameRate::fps29_97, 48000), 172972800);
}

TEST (TimecodeTest, FormatUsesSemicolonOnlyForDropFrame)
{
    const Timecode tc { 1, 2, 3, 4 };
    EXPECT_EQ (formatTimecode (tc, FrameRate::fps25), "01:02:03:04");
    EXPECT_EQ (formatTimecode (tc, FrameRate::fps29_97), "01:02:03:04");
    EXPECT_EQ (formatTimecode (tc, FrameRate::fps29_97df), "01:02:03;04");
}

TEST (TimecodeTest, ParseRejectsMalformedAndOutOfRangeFields)
{
    for (const char* bad : { "", "1:00:00", "01:00:00:00:00", "aa:00:00:00", "24:00:00:00", "00:60:00:00", "00:00:60:00",
                             "00:00:00:24", "001:00:00:00", "01:00:00:00 " })
        EXPECT_FALSE (parseTimecode (bad, FrameRate::fps24).ok()) << bad;

    const auto error = parseTimecode ("00:00:00:25", FrameRate::fps25);
    ASSERT_FALSE (error.ok());
    EXPECT_NE (error.error().message.find ("00:00:00:25"), std::string::npos);
}

TEST (TimecodeTest, FrameRateNamesParse)
{
    for (auto rate : allFrameRates)
    {
        auto parsed = parseFrameRate (frameRateName (rate));
        ASSERT_TRUE (parsed.ok());
        EXPECT_EQ (*parsed, rate);
    }
    EXPECT_FALSE (parseFrameRate ("29.976").ok());
    EXPECT_EQ (nominalFramesPerSecond (FrameRate::fps23_976), 24);
    EXPECT_EQ (nominalFramesPerSecond (FrameRate::fps59_94df), 60);
}

TEST (TimecodeTest, CountsWrapAtMidnight)
{
    const auto rate = FrameRate::fps25;
    EXPECT_EQ (timecodeFromFrameCount (framesPerDay (rate), rate), (Timecode { 0, 0, 0, 0 }));
    EXPECT_EQ (timecodeFromFrameCount (-1, rate), (Timecode { 23, 59, 59, 24 }));
}

TEST (TimecodeTest, RelabelKeepsALabelTheNewRateHasAndOtherwiseTakesTheNearest)
{
    // A label every rate has stays as it is.
    for (auto rate : allFrameRates)
        EXPECT_EQ (relabelTimecode ({ 1, 0, 0, 0 }, rate), (Timecode { 1, 0, 0, 0 })) << frameRateName (rate);
    EXPECT_EQ (relabelTimecode ({ 0, 59, 58, 12 }, FrameRate::fps24), (Timecode { 0, 59, 58, 12 }));
    // Frame 24 exists at 25 fps, not at 24: the second's last frame.
    EXPECT_EQ (relabelTimecode ({ 0, 59, 58, 24 }, FrameRate::fps24), (Timecode { 0, 59, 58, 23 }));
    EXPECT_EQ (relabelTimecode ({ 0, 59, 58, 29 }, FrameRate::fps25), (Timecode { 0, 59, 58, 24 }));
    // Drop-frame skips ;00 and ;01 at the start of most minutes: the next frame that exists.
    EXPECT_EQ (relabelTimecode ({ 1, 1, 0, 0 }, FrameRate::fps29_97df), (Timecode { 1, 1, 0, 2 }));
    EXPECT_EQ (relabelTimecode ({ 1, 1, 0, 1 }, FrameRate::fps59_94df), (Timecode { 1, 1, 0, 4 }));
    EXPECT_EQ (relabelTimecode ({ 1, 10, 0, 0 }, FrameRate::fps29_97df), (Timecode { 1, 10, 0, 0 }));
    // Whatever comes out parses at the new rate.
    for (auto rate : allFrameRates)
        for (int frames = 0; frames < 60; ++frames)
        {
            const auto label = relabelTimecode ({ 2, 3, 0, frames }, rate);
            EXPECT_TRUE (parseTimecode (formatTimecode (label, rate), rate)) << formatTimecode (label, rate);
        }
}
