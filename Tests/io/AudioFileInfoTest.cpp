#include "io/AudioFileInfo.h"
#include "io/AudioFileWriter.h"

#include "TemporaryFolder.h"

#include <gtest/gtest.h>

#include <cstdlib>

using namespace sprocket::io;
using sprocket::io::test::TemporaryFolder;

TEST (AudioFileInfo, ProbesAFileMadeBySox)
{
    if (std::system ("command -v sox > /dev/null 2>&1") != 0)
        GTEST_SKIP() << "sox is not installed";

    TemporaryFolder folder;
    const auto path = folder / "x.wav";
    const auto command = "sox -n -r 48000 -b 24 -c 2 '" + path.string() + "' synth 0.5 sine 1000";
    ASSERT_EQ (std::system (command.c_str()), 0);

    const auto info = probeAudioFile (path);
    ASSERT_TRUE (info.ok()) << info.error().message;

    EXPECT_EQ (info->path, path);
    // sox writes 24-bit audio as WAVE_FORMAT_EXTENSIBLE.
    EXPECT_TRUE (info->format == "WAV" || info->format == "WAVEX") << info->format;
    EXPECT_EQ (info->subtype, "PCM_24");
    EXPECT_EQ (info->channels, 2);
    EXPECT_EQ (info->sampleRate, 48000);
    EXPECT_EQ (info->frames, 24000);
    EXPECT_DOUBLE_EQ (info->durationSeconds(), 0.5);
    EXPECT_FALSE (info->bext.has_value());
    EXPECT_FALSE (info->ixml.has_value());
    EXPECT_FALSE (info->truncated);
}

TEST (AudioFileInfo, ProbeNamesTheFormat)
{
    TemporaryFolder folder;

    for (auto [container, sampleFormat, major, subtype] :
         { std::tuple { ContainerFormat::aiff, SampleFormat::pcm16, "AIFF", "PCM_16" },
           std::tuple { ContainerFormat::flac, SampleFormat::pcm24, "FLAC", "PCM_24" },
           std::tuple { ContainerFormat::rf64, SampleFormat::float64, "RF64", "DOUBLE" } })
    {
        const auto path = folder / ("probe." + std::string (fileExtension (container)));
        WriteSpec spec;
        spec.container = container;
        spec.sampleFormat = sampleFormat;
        spec.channels = 1;
        spec.sampleRate = 96000;
        auto writer = AudioFileWriter::create (path, spec);
        ASSERT_TRUE (writer.ok());
        const std::vector<float> silence (9600, 0.0f);
        ASSERT_TRUE ((*writer)->writeInterleaved (silence.data(), 9600).ok());
        ASSERT_TRUE ((*writer)->finish().ok());

        const auto info = probeAudioFile (path);
        ASSERT_TRUE (info.ok()) << info.error().message;
        EXPECT_EQ (info->format, major);
        EXPECT_EQ (info->subtype, subtype);
        EXPECT_EQ (info->sampleRate, 96000);
        EXPECT_EQ (info->frames, 9600);
        EXPECT_DOUBLE_EQ (info->durationSeconds(), 0.1);
    }
}

TEST (AudioFileInfo, MissingFileNamesThePath)
{
    const std::filesystem::path path = "/nonexistent/sprocket/dialogue.wav";
    const auto info = probeAudioFile (path);
    ASSERT_FALSE (info.ok());
    EXPECT_EQ (info.error().message, "/nonexistent/sprocket/dialogue.wav: no such file");
}

TEST (AudioFileInfo, DurationOfAnEmptyInfoIsZero)
{
    EXPECT_EQ (AudioFileInfo {}.durationSeconds(), 0.0);
}
