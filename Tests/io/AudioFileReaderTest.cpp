#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include "TemporaryFolder.h"
#include "TestSignals.h"

#include <gtest/gtest.h>

#include <random>

using namespace sprocket::io;
using sprocket::io::test::makeTestSignal;
using sprocket::io::test::pointersTo;
using sprocket::io::test::TemporaryFolder;

namespace
{
void writeFile (const std::filesystem::path& path, const std::vector<std::vector<float>>& signal, WriteSpec spec)
{
    spec.channels = static_cast<int> (signal.size());
    auto writer = AudioFileWriter::create (path, spec);
    ASSERT_TRUE (writer.ok()) << writer.error().message;
    const auto source = pointersTo (signal);
    ASSERT_TRUE ((*writer)->writePlanar (source.data(), static_cast<int64_t> (signal[0].size())).ok());
    ASSERT_TRUE ((*writer)->finish().ok());
}

std::vector<std::vector<float>> planarBuffer (int channels, int64_t frames, float fill)
{
    return std::vector<std::vector<float>> (static_cast<size_t> (channels),
                                            std::vector<float> (static_cast<size_t> (frames), fill));
}
} // namespace

TEST (AudioFileReader, FramesOutsideTheFileReadAsZeros)
{
    TemporaryFolder folder;
    const auto path = folder / "short.wav";
    const auto signal = makeTestSignal (2, 1000, 24);
    writeFile (path, signal, {});

    auto reader = AudioFileReader::open (path);
    ASSERT_TRUE (reader.ok()) << reader.error().message;

    auto buffer = planarBuffer (2, 300, 7.0f);
    auto dest = pointersTo (buffer);

    // Straddling the start.
    auto got = (*reader)->readPlanar (-100, dest.data(), 300);
    ASSERT_TRUE (got.ok());
    EXPECT_EQ (*got, 200);

    for (int ch = 0; ch < 2; ++ch)
        for (int i = 0; i < 300; ++i)
            ASSERT_EQ (buffer[ch][i], i < 100 ? 0.0f : signal[ch][i - 100]) << ch << " " << i;

    // Straddling the end.
    buffer = planarBuffer (2, 300, 7.0f);
    dest = pointersTo (buffer);
    got = (*reader)->readPlanar (900, dest.data(), 300);
    ASSERT_TRUE (got.ok());
    EXPECT_EQ (*got, 100);

    for (int ch = 0; ch < 2; ++ch)
        for (int i = 0; i < 300; ++i)
            ASSERT_EQ (buffer[ch][i], i < 100 ? signal[ch][900 + i] : 0.0f) << ch << " " << i;

    // Wholly outside, either side, and a range covering the whole file.
    for (int64_t start : { int64_t { -5000 }, int64_t { 1000 }, int64_t { 1 } << 40 })
    {
        buffer = planarBuffer (2, 300, 7.0f);
        dest = pointersTo (buffer);
        got = (*reader)->readPlanar (start, dest.data(), 300);
        ASSERT_TRUE (got.ok());
        EXPECT_EQ (*got, 0);

        for (const auto& channel : buffer)
            for (auto v : channel)
                ASSERT_EQ (v, 0.0f);
    }

    auto whole = planarBuffer (2, 1200, 7.0f);
    auto wholeDest = pointersTo (whole);
    got = (*reader)->readPlanar (-100, wholeDest.data(), 1200);
    ASSERT_TRUE (got.ok());
    EXPECT_EQ (*got, 1000);
    EXPECT_EQ (whole[1][100], signal[1][0]);
    EXPECT_EQ (whole[1][1099], signal[1][999]);
    EXPECT_EQ (whole[1][1100], 0.0f);
}

TEST (AudioFileReader, RandomAccessMatchesTheFile)
{
    TemporaryFolder folder;

    for (int channels : { 1, 2, 3 })
    {
        const auto path = folder / ("random" + std::to_string (channels) + ".wav");
        const int64_t frames = 100000;
        const auto signal = makeTestSignal (channels, frames, 24);
        writeFile (path, signal, {});

        auto reader = AudioFileReader::open (path);
        ASSERT_TRUE (reader.ok());

        std::mt19937 random (42);
        std::uniform_int_distribution<int64_t> startDistribution (-500, frames + 500);
        std::uniform_int_distribution<int64_t> lengthDistribution (1, 70000);

        for (int trial = 0; trial < 30; ++trial)
        {
            const auto start = startDistribution (random);
            const auto length = lengthDistribution (random);
            auto planar = planarBuffer (channels, length, 7.0f);
            auto dest = pointersTo (planar);
            std::vector<float> interleaved (static_cast<size_t> (length * channels), 7.0f);

            ASSERT_TRUE ((*reader)->readPlanar (start, dest.data(), length).ok());
            ASSERT_TRUE ((*reader)->readInterleaved (start, interleaved.data(), length).ok());

            for (int ch = 0; ch < channels; ++ch)
            {
                for (int64_t i = 0; i < length; ++i)
                {
                    const auto frame = start + i;
                    const float expected = frame >= 0 && frame < frames ? signal[ch][frame] : 0.0f;
                    ASSERT_EQ (planar[ch][i], expected) << "start " << start << " frame " << frame;
                    ASSERT_EQ (interleaved[i * channels + ch], expected) << "start " << start << " frame " << frame;
                }
            }
        }
    }
}

TEST (AudioFileReader, MissingFileNamesThePath)
{
    TemporaryFolder folder;
    const auto path = folder / "missing.wav";
    const auto reader = AudioFileReader::open (path);
    ASSERT_FALSE (reader.ok());
    EXPECT_EQ (reader.error().message, path.string() + ": no such file");
}

TEST (AudioFileReader, FolderIsNotAnAudioFile)
{
    TemporaryFolder folder;
    const auto reader = AudioFileReader::open (folder.path);
    ASSERT_FALSE (reader.ok());
    EXPECT_EQ (reader.error().message, folder.path.string() + ": is a directory");
}

TEST (AudioFileReader, TextFileNamedWavIsRefused)
{
    TemporaryFolder folder;
    const auto path = folder / "notes.wav";
    test::writeTextFile (path, "These are not the samples you are looking for.\n");

    const auto reader = AudioFileReader::open (path);
    ASSERT_FALSE (reader.ok());
    const auto& message = reader.error().message;
    EXPECT_EQ (message.rfind (path.string() + ": not a readable audio file (", 0), 0u) << message;
    EXPECT_GT (message.size(), path.string().size() + 30) << "libsndfile's reason is included: " << message;
}

TEST (AudioFileReader, EmptyFileIsRefused)
{
    TemporaryFolder folder;
    const auto path = folder / "empty.wav";
    test::writeTextFile (path, "");
    const auto reader = AudioFileReader::open (path);
    ASSERT_FALSE (reader.ok());
    EXPECT_NE (reader.error().message.find ("not a readable audio file"), std::string::npos);
}

// A PCM file cut mid-data (recorder lost power, copy interrupted) opens with the frames actually
// present and is flagged truncated; those frames read normally.
TEST (AudioFileReader, PcmFileCutShortReadsWhatIsThereAndIsFlagged)
{
    TemporaryFolder folder;
    const int64_t frames = 48000;
    const auto signal = makeTestSignal (2, frames, 24);

    for (auto container : { ContainerFormat::wav, ContainerFormat::rf64, ContainerFormat::aiff })
    {
        const auto path = folder / ("cut." + std::string (fileExtension (container)));
        WriteSpec spec;
        spec.container = container;
        spec.expectedFrames = frames;
        writeFile (path, signal, spec);

        const auto fullSize = std::filesystem::file_size (path);
        std::filesystem::resize_file (path, fullSize - 100000);

        auto reader = AudioFileReader::open (path);
        ASSERT_TRUE (reader.ok()) << reader.error().message;

        const auto& info = (*reader)->info();
        const auto where = std::string (containerFormatName (container));
        EXPECT_TRUE (info.truncated) << where;
        EXPECT_LT (info.frames, frames - 100000 / 6 + 1) << where;
        EXPECT_GT (info.frames, frames - 100000 / 6 - 200) << where;

        auto back = planarBuffer (2, frames, 7.0f);
        auto dest = pointersTo (back);
        const auto got = (*reader)->readPlanar (0, dest.data(), frames);
        ASSERT_TRUE (got.ok()) << got.error().message;
        EXPECT_EQ (*got, info.frames);

        for (int ch = 0; ch < 2; ++ch)
            for (int64_t i = 0; i < frames; ++i)
                ASSERT_EQ (back[ch][i], i < info.frames ? signal[ch][i] : 0.0f) << where << " frame " << i;
    }
}

TEST (AudioFileReader, CompleteFileIsNotFlaggedTruncated)
{
    TemporaryFolder folder;
    const auto path = folder / "whole.wav";
    writeFile (path, makeTestSignal (2, 1000, 24), {});
    const auto info = probeAudioFile (path);
    ASSERT_TRUE (info.ok());
    EXPECT_FALSE (info->truncated);
}

// A compressed file's header states its length up front; cut short, the missing part is
// discovered only when read, and the read fails naming the file and where the audio ends.
TEST (AudioFileReader, FlacCutShortFailsTheRead)
{
    TemporaryFolder folder;
    const auto path = folder / "cut.flac";
    const int64_t frames = 96000;
    WriteSpec spec;
    spec.container = ContainerFormat::flac;
    writeFile (path, makeTestSignal (2, frames, 24), spec);

    std::filesystem::resize_file (path, std::filesystem::file_size (path) / 2);

    auto reader = AudioFileReader::open (path);
    ASSERT_TRUE (reader.ok()) << reader.error().message;
    EXPECT_EQ ((*reader)->info().frames, frames);

    auto back = planarBuffer (2, frames, 0.0f);
    auto dest = pointersTo (back);
    const auto got = (*reader)->readPlanar (0, dest.data(), frames);
    ASSERT_FALSE (got.ok());
    EXPECT_EQ (got.error().message.rfind (path.string() + ": audio data ends at frame ", 0), 0u) << got.error().message;
}

TEST (AudioFileReader, FileShrinkingUnderAnOpenReaderFailsTheRead)
{
    TemporaryFolder folder;
    const auto path = folder / "shrinking.wav";
    const int64_t frames = 48000;
    WriteSpec spec;
    spec.expectedFrames = frames;
    writeFile (path, makeTestSignal (2, frames, 24), spec);

    auto reader = AudioFileReader::open (path);
    ASSERT_TRUE (reader.ok());

    std::filesystem::resize_file (path, std::filesystem::file_size (path) / 2);

    auto back = planarBuffer (2, 1000, 0.0f);
    auto dest = pointersTo (back);
    const auto got = (*reader)->readPlanar (frames - 1000, dest.data(), 1000);
    ASSERT_FALSE (got.ok());
    EXPECT_NE (got.error().message.find (path.string()), std::string::npos) << got.error().message;

    // The reader recovers for frames that are still there.
    EXPECT_TRUE ((*reader)->readPlanar (0, dest.data(), 1000).ok());
}
