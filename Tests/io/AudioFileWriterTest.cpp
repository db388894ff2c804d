#include "io/AudioFileWriter.h"
#include "io/AudioFileInfo.h"
#include "io/AudioFileReader.h"

#include "TemporaryFolder.h"
#include "TestSignals.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include <unistd.h>

using namespace sprocket::io;
using sprocket::io::test::makeTestSignal;
using sprocket::io::test::pointersTo;
using sprocket::io::test::TemporaryFolder;

namespace
{
struct FormatCase
{
    ContainerFormat container;
    SampleFormat sampleFormat;
    int bits; // integer width, 0 for float
    const char* majorName;
    const char* subtypeName;
};

// Every pair libsndfile writes for our containers. Small wav files come back as WAVEX: an
// unknown length is written as RF64 and auto-downgraded on close (see WriteSpec).
const FormatCase formatCases[] = {
    { ContainerFormat::wav, SampleFormat::pcm16, 16, "WAVEX", "PCM_16" },
    { ContainerFormat::wav, SampleFormat::pcm24, 24, "WAVEX", "PCM_24" },
    { ContainerFormat::wav, SampleFormat::pcm32, 32, "WAVEX", "PCM_32" },
    { ContainerFormat::wav, SampleFormat::float32, 0, "WAVEX", "FLOAT" },
    { ContainerFormat::wav, SampleFormat::float64, 0, "WAVEX", "DOUBLE" },
    { ContainerFormat::rf64, SampleFormat::pcm16, 16, "RF64", "PCM_16" },
    { ContainerFormat::rf64, SampleFormat::pcm24, 24, "RF64", "PCM_24" },
    { ContainerFormat::rf64, SampleFormat::pcm32, 32, "RF64", "PCM_32" },
    { ContainerFormat::rf64, SampleFormat::float32, 0, "RF64", "FLOAT" },
    { ContainerFormat::rf64, SampleFormat::float64, 0, "RF64", "DOUBLE" },
    { ContainerFormat::aiff, SampleFormat::pcm16, 16, "AIFF", "PCM_16" },
    { ContainerFormat::aiff, SampleFormat::pcm24, 24, "AIFF", "PCM_24" },
    { ContainerFormat::aiff, SampleFormat::pcm32, 32, "AIFF", "PCM_32" },
    { ContainerFormat::aiff, SampleFormat::float32, 0, "AIFF", "FLOAT" },
    { ContainerFormat::aiff, SampleFormat::float64, 0, "AIFF", "DOUBLE" },
    { ContainerFormat::flac, SampleFormat::pcm16, 16, "FLAC", "PCM_16" },
    { ContainerFormat::flac, SampleFormat::pcm24, 24, "FLAC", "PCM_24" },
};

std::string describe (const FormatCase& c)
{
    return std::string (containerFormatName (c.container)) + "_" + std::string (sampleFormatName (c.sampleFormat));
}

// Crosses the writer's and reader's 64k-frame blocks.
constexpr int64_t roundTripFrames = 70001;

std::vector<std::vector<float>> readAll (AudioFileReader& reader)
{
    const auto& info = reader.info();
    std::vector<std::vector<float>> planar (static_cast<size_t> (info.channels),
                                            std::vector<float> (static_cast<size_t> (info.frames)));
    auto dest = pointersTo (planar);
    const auto got = reader.readPlanar (0, dest.data(), info.frames);
    EXPECT_TRUE (got.ok());
    return planar;
}

int64_t countDifferences (const std::vector<std::vector<float>>& a, const std::vector<std::vector<float>>& b)
{
    int64_t differences = 0;

    for (size_t ch = 0; ch < a.size(); ++ch)
        for (size_t i = 0; i < a[ch].size(); ++i)
            differences += a[ch][i] != b[ch][i];

    return differences;
}

std::string readBytes (const std::filesystem::path& file)
{
    std::ifstream in (file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}
} // namespace

class AudioFileWriterRoundTrip : public ::testing::TestWithParam<std::tuple<FormatCase, int>>
{
};

TEST_P (AudioFileWriterRoundTrip, ReadsBackBitExactly)
{
    const auto [format, channels] = GetParam();
    TemporaryFolder folder;
    const auto path = folder / ("roundtrip." + std::string (fileExtension (format.container)));

    auto signal = makeTestSignal (channels, roundTripFrames, format.bits);

    // Full-scale edges of the grid, and overs that only float formats keep.
    if (format.bits > 0)
    {
        signal[0][0] = -1.0f;
        signal[0][1] = static_cast<float> (1.0 - std::ldexp (1.0, -std::min (format.bits, 24) + 1));
    }
    else
    {
        signal[0][0] = 1.5f;
        signal[0][1] = -2.0f;
    }

    WriteSpec spec;
    spec.container = format.container;
    spec.sampleFormat = format.sampleFormat;
    spec.channels = channels;
    spec.sampleRate = 44100;

    auto writer = AudioFileWriter::create (path, spec);
    ASSERT_TRUE (writer.ok()) << writer.error().message;

    // Uneven chunks, half planar and half interleaved.
    const int64_t half = roundTripFrames / 2;
    auto source = pointersTo (signal);

    for (int64_t done = 0; done < half;)
    {
        const auto count = std::min<int64_t> (10007, half - done);
        std::vector<const float*> at;

        for (auto* p : source)
            at.push_back (p + done);

        ASSERT_TRUE ((*writer)->writePlanar (at.data(), count).ok());
        done += count;
    }

    std::vector<float> interleaved (static_cast<size_t> ((roundTripFrames - half) * channels));

    for (int64_t i = half; i < roundTripFrames; ++i)
        for (int ch = 0; ch < channels; ++ch)
            interleaved[static_cast<size_t> ((i - half) * channels + ch)] =
                signal[static_cast<size_t> (ch)][static_cast<size_t> (i)];

    ASSERT_TRUE ((*writer)->writeInterleaved (interleaved.data(), roundTripFrames - half).ok());
    EXPECT_EQ ((*writer)->framesWritten(), roundTripFrames);

    const auto finished = (*writer)->finish();
    ASSERT_TRUE (finished.ok()) << finished.error().message;

    auto reader = AudioFileReader::open (path);
    ASSERT_TRUE (reader.ok()) << reader.error().message;

    const auto& info = (*reader)->info();
    EXPECT_EQ (info.format, format.majorName);
    EXPECT_EQ (info.subtype, format.subtypeName);
    EXPECT_EQ (info.channels, channels);
    EXPECT_EQ (info.sampleRate, 44100);
    EXPECT_EQ (info.frames, roundTripFrames);
    EXPECT_FALSE (info.truncated);

    EXPECT_EQ (countDifferences (readAll (**reader), signal), 0);
}

INSTANTIATE_TEST_SUITE_P (AllFormats, AudioFileWriterRoundTrip,
                          ::testing::Combine (::testing::ValuesIn (formatCases), ::testing::Values (1, 2, 6)),
                          [] (const auto& testInfo) {
                              return describe (std::get<0> (testInfo.param)) + "_" + std::to_string (std::get<1> (testInfo.param))
                                     + "ch";
                          });

TEST (AudioFileWriter, FormatsTheContainerCannotHoldAreRefused)
{
    TemporaryFolder folder;

    for (auto sampleFormat : { SampleFormat::pcm32, SampleFormat::float32, SampleFormat::float64 })
    {
        WriteSpec spec;
        spec.container = ContainerFormat::flac;
        spec.sampleFormat = sampleFormat;
        const auto writer = AudioFileWriter::create (folder / "x.flac", spec);
        ASSERT_FALSE (writer.ok());
        EXPECT_NE (writer.error().message.find ("flac cannot hold"), std::string::npos) << writer.error().message;
    }

    EXPECT_TRUE (std::filesystem::is_empty (folder.path));
}

TEST (AudioFileWriter, IntegerOversSaturateInsteadOfWrapping)
{
    TemporaryFolder folder;

    for (auto container : { ContainerFormat::wav, ContainerFormat::aiff, ContainerFormat::flac })
    {
        for (auto [sampleFormat, bits] : { std::pair { SampleFormat::pcm16, 16 }, std::pair { SampleFormat::pcm24, 24 } })
        {
            const auto path = folder / ("overs." + std::string (fileExtension (container)));
            WriteSpec spec;
            spec.container = container;
            spec.sampleFormat = sampleFormat;
            spec.channels = 1;

            const float overs[] = { 1.0f, 1.5f, 100.0f, -1.0f, -1.5f, -100.0f };
            auto writer = AudioFileWriter::create (path, spec);
            ASSERT_TRUE (writer.ok());
            ASSERT_TRUE ((*writer)->writeInterleaved (overs, 6).ok());
            ASSERT_TRUE ((*writer)->finish().ok());

            auto reader = AudioFileReader::open (path);
            ASSERT_TRUE (reader.ok());
            float back[6] {};
            ASSERT_TRUE ((*reader)->readInterleaved (0, back, 6).ok());

            const auto positiveFullScale = static_cast<float> (1.0 - std::ldexp (1.0, 1 - bits));
            const auto where =
                std::string (containerFormatName (container)) + " " + std::string (sampleFormatName (sampleFormat));

            for (int i = 0; i < 3; ++i)
            {
                EXPECT_EQ (back[i], positiveFullScale) << where << " sample " << i;
                EXPECT_EQ (back[i + 3], -1.0f) << where << " sample " << i + 3;
            }
        }
    }
}

// libsndfile's own float-to-int conversion floors 16/24-bit WAV and AIFF samples (a -0.5 LSB DC
// offset that undoes dither); the writer rounds to nearest in every container.
TEST (AudioFileWriter, IntegerSamplesRoundToTheNearestStep)
{
    TemporaryFolder folder;

    for (auto container : { ContainerFormat::wav, ContainerFormat::rf64, ContainerFormat::aiff, ContainerFormat::flac })
    {
        for (auto [sampleFormat, bits] : { std::pair { SampleFormat::pcm16, 16 }, std::pair { SampleFormat::pcm24, 24 },
                                           std::pair { SampleFormat::pcm32, 32 } })
        {
            if (container == ContainerFormat::flac && bits == 32)
                continue;

            const double lsb = std::ldexp (1.0, 1 - bits);
            const double steps[] = { 0.3, 0.7, 1.3, 1.7, -0.3, -0.7, -1.3, -1.7, 1000.2, -1000.8 };
            const double rounded[] = { 0.0, 1.0, 1.0, 2.0, 0.0, -1.0, -1.0, -2.0, 1000.0, -1001.0 };
            // At 32 bits float cannot hold a fraction of a step near full scale: use small values.
            float samples[10];

            for (int i = 0; i < 10; ++i)
                samples[i] = static_cast<float> (steps[i] * lsb);

            const auto path = folder / ("round." + std::string (fileExtension (container)));
            WriteSpec spec;
            spec.container = container;
            spec.sampleFormat = sampleFormat;
            spec.channels = 2;

            for (bool planar : { false, true })
            {
                auto writer = AudioFileWriter::create (path, spec);
                ASSERT_TRUE (writer.ok());

                if (planar)
                {
                    const float* channels[] = { samples, samples + 5 };
                    ASSERT_TRUE ((*writer)->writePlanar (channels, 5).ok());
                }
                else
                {
                    ASSERT_TRUE ((*writer)->writeInterleaved (samples, 5).ok());
                }

                ASSERT_TRUE ((*writer)->finish().ok());

                auto reader = AudioFileReader::open (path);
                ASSERT_TRUE (reader.ok());
                float back[10] {};
                ASSERT_TRUE ((*reader)->readInterleaved (0, back, 5).ok());

                for (int i = 0; i < 10; ++i)
                {
                    // Planar wrote channel 0 from samples[0..4] and channel 1 from samples[5..9].
                    const int source = planar ? (i % 2) * 5 + i / 2 : i;
                    EXPECT_EQ (back[i] / lsb, rounded[source])
                        << containerFormatName (container) << " " << sampleFormatName (sampleFormat) << " "
                        << (planar ? "planar" : "interleaved") << " sample " << i;
                }
            }
        }
    }
}

TEST (AudioFileWriter, NotANumberIsWrittenAsSilence)
{
    TemporaryFolder folder;
    const auto path = folder / "nan.wav";
    WriteSpec spec;
    spec.channels = 1;
    const float samples[] = { std::nanf (""), 0.5f };
    auto writer = AudioFileWriter::create (path, spec);
    ASSERT_TRUE (writer.ok());
    ASSERT_TRUE ((*writer)->writeInterleaved (samples, 2).ok());
    ASSERT_TRUE ((*writer)->finish().ok());

    auto reader = AudioFileReader::open (path);
    float back[2] {};
    ASSERT_TRUE ((*reader)->readInterleaved (0, back, 2).ok());
    EXPECT_EQ (back[0], 0.0f);
    EXPECT_EQ (back[1], 0.5f);
}

TEST (AudioFileWriter, FloatFormatsKeepOvers)
{
    TemporaryFolder folder;
    const auto path = folder / "overs.wav";
    WriteSpec spec;
    spec.sampleFormat = SampleFormat::float32;
    spec.channels = 1;

    const float overs[] = { 1.5f, -8.0f, 1000.0f };
    auto writer = AudioFileWriter::create (path, spec);
    ASSERT_TRUE (writer.ok());
    ASSERT_TRUE ((*writer)->writeInterleaved (overs, 3).ok());
    ASSERT_TRUE ((*writer)->finish().ok());

    auto reader = AudioFileReader::open (path);
    ASSERT_TRUE (reader.ok());
    float back[3] {};
    ASSERT_TRUE ((*reader)->readInterleaved (0, back, 3).ok());
    EXPECT_EQ (back[0], 1.5f);
    EXPECT_EQ (back[1], -8.0f);
    EXPECT_EQ (back[2], 1000.0f);
}

TEST (AudioFileWriter, WavLayoutFollowsExpectedLength)
{
    TemporaryFolder folder;
    const auto signal = makeTestSignal (2, 4800, 24);
    const auto source = pointersTo (signal);

    auto formatOf = [&] (ContainerFormat container, std::optional<int64_t> expectedFrames) {
        const auto path = folder / "layout.wav";
        WriteSpec spec;
        spec.container = container;
        spec.expectedFrames = expectedFrames;
        auto writer = AudioFileWriter::create (path, spec);
        EXPECT_TRUE (writer.ok());
        EXPECT_TRUE ((*writer)->writePlanar (source.data(), 4800).ok());
        EXPECT_TRUE ((*writer)->finish().ok());
        return probeAudioFile (path)->format;
    };

    EXPECT_EQ (formatOf (ContainerFormat::wav, std::nullopt), "WAVEX");        // RF64, auto-downgraded on close
    EXPECT_EQ (formatOf (ContainerFormat::wav, 4800), "WAV");                  // known to fit: plain RIFF
    EXPECT_EQ (formatOf (ContainerFormat::wav, int64_t { 1 } << 32), "WAVEX"); // may not fit: RF64, downgraded
    EXPECT_EQ (formatOf (ContainerFormat::rf64, std::nullopt), "RF64");
    EXPECT_EQ (formatOf (ContainerFormat::rf64, 4800), "RF64");
}

TEST (AudioFileWriter, PlainWavRefusesToGrowPastFourGigabytes)
{
    TemporaryFolder folder;
    const auto path = folder / "long.wav";
    WriteSpec spec;
    spec.expectedFrames = 100; // promised short, so written as plain RIFF WAV
    auto writer = AudioFileWriter::create (path, spec);
    ASSERT_TRUE (writer.ok());

    const std::vector<float> block (200, 0.0f);
    ASSERT_TRUE ((*writer)->writeInterleaved (block.data(), 100).ok());

    // 2^30 stereo 24-bit frames are 6 GiB: refused before a byte is read from the buffer.
    const auto status = (*writer)->writeInterleaved (block.data(), int64_t { 1 } << 30);
    ASSERT_FALSE (status.ok());
    EXPECT_NE (status.error().message.find ("4 GiB"), std::string::npos) << status.error().message;
    EXPECT_FALSE ((*writer)->finish().ok());
    EXPECT_TRUE (std::filesystem::is_empty (folder.path));
}

TEST (AudioFileWriter, EmptyAndNegativeWrites)
{
    TemporaryFolder folder;
    const auto path = folder / "empty.wav";
    auto writer = AudioFileWriter::create (path, {});
    ASSERT_TRUE (writer.ok());
    const float* channels[] = { nullptr, nullptr };
    EXPECT_TRUE ((*writer)->writePlanar (channels, 0).ok());
    EXPECT_TRUE ((*writer)->writeInterleaved (nullptr, 0).ok());
    EXPECT_FALSE ((*writer)->writeInterleaved (nullptr, -1).ok());
    ASSERT_TRUE ((*writer)->finish().ok());

    const auto info = probeAudioFile (path);
    ASSERT_TRUE (info.ok()) << info.error().message;
    EXPECT_EQ (info->frames, 0);
}

TEST (AudioFileWriter, BroadcastInfoRoundTrips)
{
    TemporaryFolder folder;

    BroadcastInfo bext;
    bext.description = "sSPEED=023.976-ND\r\nsTAKE=03\r\nsSCENE=42B\r\n";
    bext.originator = "Sprocket";
    bext.originatorReference = "USPRK0000000001";
    bext.originationDate = "2024-01-02";             // exactly fills its 10-byte field
    bext.originationTime = "10:11:12";               // exactly fills its 8-byte field
    bext.timeReference = int64_t { 172972800 } * 30; // 01:00:00:00 at 48 kHz is 172800000; this is > 2^32
    bext.codingHistory = "A=PCM,F=48000,W=24,M=stereo,T=Sound Devices 888\r\n";
    ASSERT_GT (bext.timeReference, int64_t { 1 } << 32);

    for (auto [container, expectedFrames] : { std::pair { ContainerFormat::wav, std::optional<int64_t> {} },
                                              std::pair { ContainerFormat::wav, std::optional<int64_t> { 100 } },
                                              std::pair { ContainerFormat::rf64, std::optional<int64_t> {} } })
    {
        const auto path = folder / "bext.wav";
        WriteSpec spec;
        spec.container = container;
        spec.expectedFrames = expectedFrames;
        spec.bext = bext;

        const auto signal = makeTestSignal (2, 100, 24);
        const auto source = pointersTo (signal);
        auto writer = AudioFileWriter::create (path, spec);
        ASSERT_TRUE (writer.ok()) << writer.error().message;
        ASSERT_TRUE ((*writer)->writePlanar (source.data(), 100).ok());
        ASSERT_TRUE ((*writer)->finish().ok());

        const auto info = probeAudioFile (path);
        ASSERT_TRUE (info.ok());
        ASSERT_TRUE (info->bext.has_value()) << info->format;

        const auto& back = *info->bext;
        EXPECT_EQ (back.description, bext.description);
        EXPECT_EQ (back.originator, bext.originator);
        EXPECT_EQ (back.originatorReference, bext.originatorReference);
        EXPECT_EQ (back.originationDate, "2024-01-02");
        EXPECT_EQ (back.originationTime, "10:11:12");
        EXPECT_EQ (back.timeReference, bext.timeReference);
        // libsndfile appends a line of its own describing this file after ours.
        EXPECT_EQ (back.codingHistory.substr (0, bext.codingHistory.size()), bext.codingHistory) << back.codingHistory;
        EXPECT_NE (back.codingHistory.find ("T=libsndfile"), std::string::npos) << back.codingHistory;
    }
}

TEST (AudioFileWriter, OverlongBroadcastTextIsCutToItsField)
{
    TemporaryFolder folder;
    const auto path = folder / "long.wav";
    WriteSpec spec;
    spec.bext = BroadcastInfo {};
    spec.bext->description = std::string (300, 'd');
    spec.bext->originator = std::string (40, 'o');

    auto writer = AudioFileWriter::create (path, spec);
    ASSERT_TRUE (writer.ok());
    ASSERT_TRUE ((*writer)->finish().ok());

    const auto info = probeAudioFile (path);
    ASSERT_TRUE (info.ok() && info->bext);
    EXPECT_EQ (info->bext->description, std::string (256, 'd'));
    EXPECT_EQ (info->bext->originator, std::string (32, 'o'));
}

TEST (AudioFileWriter, IxmlRoundTripsThroughWavAndRf64)
{
    std::ifstream in (std::string (SPROCKET_TEST_DATA_DIR) + "/ixml_sounddevices.xml", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const auto ixml = parseIxml (text.str());
    ASSERT_TRUE (ixml.ok());

    TemporaryFolder folder;

    for (auto [container, expectedFrames] : { std::pair { ContainerFormat::wav, std::optional<int64_t> {} },
                                              std::pair { ContainerFormat::wav, std::optional<int64_t> { 480 } },
                                              std::pair { ContainerFormat::rf64, std::optional<int64_t> {} } })
    {
        const auto path = folder / "ixml.wav";
        WriteSpec spec;
        spec.container = container;
        spec.channels = 4;
        spec.expectedFrames = expectedFrames;
        spec.ixml = *ixml;
        spec.bext = BroadcastInfo { "desc", "Sound Devices", "", "2024-10-13", "12:45:12", 5189184000, "" };

        const auto signal = makeTestSignal (4, 480, 24);
        const auto source = pointersTo (signal);
        auto writer = AudioFileWriter::create (path, spec);
        ASSERT_TRUE (writer.ok()) << writer.error().message;
        ASSERT_TRUE ((*writer)->writePlanar (source.data(), 480).ok());
        ASSERT_TRUE ((*writer)->finish().ok());

        const auto info = probeAudioFile (path);
        ASSERT_TRUE (info.ok());
        ASSERT_TRUE (info->ixml.has_value()) << info->format;
        EXPECT_EQ (*info->ixml, *ixml);
        ASSERT_TRUE (info->bext.has_value());
        EXPECT_EQ (info->bext->timeReference, 5189184000);

        // The audio is untouched by the extra chunks.
        auto reader = AudioFileReader::open (path);
        ASSERT_TRUE (reader.ok());
        EXPECT_EQ (countDifferences (readAll (**reader), signal), 0);
    }
}

TEST (AudioFileWriter, MetadataOutsideWavIsRefused)
{
    TemporaryFolder folder;

    for (auto container : { ContainerFormat::aiff, ContainerFormat::flac })
    {
        WriteSpec spec;
        spec.container = container;
        spec.bext = BroadcastInfo {};
        const auto path = folder / ("meta." + std::string (fileExtension (container)));
        const auto writer = AudioFileWriter::create (path, spec);
        ASSERT_FALSE (writer.ok());
        EXPECT_NE (writer.error().message.find (path.string()), std::string::npos);
        EXPECT_NE (writer.error().message.find ("bext or iXML"), std::string::npos);
    }
}

TEST (AudioFileWriter, NothingAppearsUnderTheFinalNameUntilFinished)
{
    TemporaryFolder folder;
    const auto path = folder / "take.wav";
    const auto temporary = AudioFileWriter::temporaryPathFor (path);
    EXPECT_EQ (temporary, folder / ".take.wav.partial");

    const auto signal = makeTestSignal (2, 1000, 24);
    const auto source = pointersTo (signal);

    {
        auto writer = AudioFileWriter::create (path, {});
        ASSERT_TRUE (writer.ok());
        ASSERT_TRUE ((*writer)->writePlanar (source.data(), 1000).ok());
        EXPECT_TRUE (std::filesystem::exists (temporary));
        EXPECT_FALSE (std::filesystem::exists (path));
    }

    // Abandoned: neither the final file nor the temporary is left.
    EXPECT_FALSE (std::filesystem::exists (path));
    EXPECT_FALSE (std::filesystem::exists (temporary));
    EXPECT_TRUE (std::filesystem::is_empty (folder.path));

    auto writer = AudioFileWriter::create (path, {});
    ASSERT_TRUE (writer.ok());
    ASSERT_TRUE ((*writer)->writePlanar (source.data(), 1000).ok());
    ASSERT_TRUE ((*writer)->finish().ok());
    EXPECT_TRUE (std::filesystem::exists (path));
    EXPECT_FALSE (std::filesystem::exists (temporary));

    EXPECT_FALSE ((*writer)->writePlanar (source.data(), 10).ok());
    EXPECT_FALSE ((*writer)->finish().ok());
    writer.value().reset();
    EXPECT_TRUE (std::filesystem::exists (path)); // a finished file survives its writer
}

TEST (AudioFileWriter, FinishReplacesAnExistingFile)
{
    TemporaryFolder folder;
    const auto path = folder / "mix.wav";
    test::writeTextFile (path, "old contents");

    const auto signal = makeTestSignal (2, 100, 24);
    const auto source = pointersTo (signal);
    auto writer = AudioFileWriter::create (path, {});
    ASSERT_TRUE (writer.ok());
    ASSERT_TRUE ((*writer)->writePlanar (source.data(), 100).ok());
    EXPECT_EQ (readBytes (path), "old contents"); // untouched until finish()
    ASSERT_TRUE ((*writer)->finish().ok());

    const auto info = probeAudioFile (path);
    ASSERT_TRUE (info.ok()) << info.error().message;
    EXPECT_EQ (info->frames, 100);
}

TEST (AudioFileWriter, MissingFolderIsReportedWithThePath)
{
    TemporaryFolder folder;
    const auto path = folder / "no-such-folder" / "mix.wav";
    const auto writer = AudioFileWriter::create (path, {});
    ASSERT_FALSE (writer.ok());
    EXPECT_NE (writer.error().message.find (path.string()), std::string::npos) << writer.error().message;
    EXPECT_NE (writer.error().message.find ("does not exist"), std::string::npos) << writer.error().message;
}

TEST (AudioFileWriter, AFileInPlaceOfTheFolderIsReportedWithThePath)
{
    TemporaryFolder folder;
    test::writeTextFile (folder / "notafolder", "x");
    const auto path = folder / "notafolder" / "mix.wav";
    const auto writer = AudioFileWriter::create (path, {});
    ASSERT_FALSE (writer.ok());
    EXPECT_NE (writer.error().message.find (path.string()), std::string::npos) << writer.error().message;
    EXPECT_NE (writer.error().message.find ("not a folder"), std::string::npos) << writer.error().message;
}

TEST (AudioFileWriter, UnwritableFolderIsReportedWithThePath)
{
    TemporaryFolder folder;
    const auto locked = folder / "locked";
    std::filesystem::create_directory (locked);
    std::filesystem::permissions (locked, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);

    if (::access (locked.c_str(), W_OK) == 0)
        GTEST_SKIP() << "running with privileges that ignore folder permissions (root?)";

    const auto path = locked / "mix.wav";
    const auto writer = AudioFileWriter::create (path, {});
    ASSERT_FALSE (writer.ok());
    EXPECT_NE (writer.error().message.find (path.string()), std::string::npos) << writer.error().message;
    EXPECT_NE (writer.error().message.find ("cannot create"), std::string::npos) << writer.error().message;
}

TEST (AudioFileWriter, UnwritablePlaceIsReportedWithThePath)
{
    // Works even as root: nothing can create regular files in /proc.
    const std::filesystem::path path = "/proc/sprocket-io-test.wav";
    const auto writer = AudioFileWriter::create (path, {});
    ASSERT_FALSE (writer.ok());
    EXPECT_NE (writer.error().message.find (path.string()), std::string::npos) << writer.error().message;
    EXPECT_NE (writer.error().message.find ("cannot create"), std::string::npos) << writer.error().message;
}

TEST (AudioFileWriter, BadSpecsAreRefused)
{
    TemporaryFolder folder;
    WriteSpec noChannels;
    noChannels.channels = 0;
    EXPECT_FALSE (AudioFileWriter::create (folder / "a.wav", noChannels).ok());

    WriteSpec noRate;
    noRate.sampleRate = 0;
    EXPECT_FALSE (AudioFileWriter::create (folder / "a.wav", noRate).ok());
}
