#include "io/AudioFormat.h"

#include <gtest/gtest.h>

using namespace sprocket::io;

TEST (AudioFormat, ContainerNamesRoundTrip)
{
    for (auto format : { ContainerFormat::wav, ContainerFormat::rf64, ContainerFormat::aiff, ContainerFormat::flac })
    {
        const auto parsed = parseContainerFormat (containerFormatName (format));
        ASSERT_TRUE (parsed.ok());
        EXPECT_EQ (*parsed, format);
    }
}

TEST (AudioFormat, ContainerExtensions)
{
    EXPECT_EQ (fileExtension (ContainerFormat::wav), "wav");
    EXPECT_EQ (fileExtension (ContainerFormat::rf64), "wav");
    EXPECT_EQ (fileExtension (ContainerFormat::aiff), "aif");
    EXPECT_EQ (fileExtension (ContainerFormat::flac), "flac");
}

TEST (AudioFormat, UnknownContainerListsTheChoices)
{
    const auto parsed = parseContainerFormat ("mp3");
    ASSERT_FALSE (parsed.ok());
    EXPECT_NE (parsed.error().message.find ("\"mp3\""), std::string::npos);
    EXPECT_NE (parsed.error().message.find ("wav, rf64, aiff, flac"), std::string::npos);
}

TEST (AudioFormat, SampleFormatNamesRoundTrip)
{
    for (auto format :
         { SampleFormat::pcm16, SampleFormat::pcm24, SampleFormat::pcm32, SampleFormat::float32, SampleFormat::float64 })
    {
        const auto parsed = parseSampleFormat (sampleFormatName (format));
        ASSERT_TRUE (parsed.ok());
        EXPECT_EQ (*parsed, format);
    }

    EXPECT_FALSE (parseSampleFormat ("pcm8").ok());
}
