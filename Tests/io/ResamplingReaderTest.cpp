#include "io/ResamplingReader.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include "TemporaryFolder.h"
#include "TestSignals.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace sprocket::io;
using sprocket::io::test::pointersTo;
using sprocket::io::test::TemporaryFolder;

namespace
{
constexpr double toneAmplitude = 0.5;

// A float file of a 1 kHz sine (different phase per channel).
void writeSine (const std::filesystem::path& path, int64_t rate, int64_t frames, int channels)
{
    std::vector<std::vector<float>> signal (static_cast<size_t> (channels), std::vector<float> (static_cast<size_t> (frames)));

    for (int ch = 0; ch < channels; ++ch)
        for (int64_t i = 0; i < frames; ++i)
            signal[ch][i] = static_cast<float> (
                toneAmplitude
                * std::sin (2.0 * std::numbers::pi * 1000.0 * static_cast<double> (i) / static_cast<double> (rate) + ch));

    WriteSpec spec;
    spec.sampleFormat = SampleFormat::float32;
    spec.channels = channels;
    spec.sampleRate = rate;
    auto writer = AudioFileWriter::create (path, spec);
    ASSERT_TRUE (writer.ok());
    const auto source = pointersTo (signal);
    ASSERT_TRUE ((*writer)->writePlanar (source.data(), frames).ok());
    ASSERT_TRUE ((*writer)->finish().ok());
}

std::vector<std::vector<float>> readSequentially (ResamplingReader& reader, int64_t chunk)
{
    const auto length = reader.lengthInFrames();
    std::vector<std::vector<float>> out (static_cast<size_t> (reader.channels()),
                                         std::vector<float> (static_cast<size_t> (length)));

    for (int64_t start = 0; start < length; start += chunk)
    {
        std::vector<float*> dest;

        for (auto& channel : out)
            dest.push_back (channel.data() + start);

        const auto count = std::min (chunk, length - start);
        const auto got = reader.readPlanar (start, dest.data(), count);
        EXPECT_TRUE (got.ok());
        EXPECT_EQ (*got, count);
    }

    return out;
}
} // namespace

TEST (ResamplingReader, SineAt44k1ReadsAt48kWithTheRightLengthPitchAndLevel)
{
    TemporaryFolder folder;
    const auto path = folder / "sine44k1.wav";
    const int64_t sourceFrames = 88200 + 17; // 2 s and a bit, so the length must round
    writeSine (path, 44100, sourceFrames, 2);

    auto reader = ResamplingReader::open (path, 48000);
    ASSERT_TRUE (reader.ok()) << reader.error().message;
    EXPECT_EQ ((*reader)->channels(), 2);
    // 88217 * 48000 / 44100 = 96018.50..., which rounds to 96019.
    EXPECT_EQ ((*reader)->lengthInFrames(), 96019);

    const auto out = readSequentially (**reader, 1000);

    // Steady state: skip 0.1 s at each end, where the converter's filter sees the signal's edges.
    const int64_t first = 4800;
    const int64_t last = 96019 - 4800;

    for (const auto& channel : out)
    {
        // Pitch: rising zero crossings, interpolated to fractions of a sample.
        double firstCrossing = -1.0;
        double lastCrossing = -1.0;
        int crossings = 0;

        for (int64_t i = first; i < last; ++i)
        {
            if (channel[i - 1] < 0.0f && channel[i] >= 0.0f)
            {
                const double at = static_cast<double> (i - 1) + channel[i - 1] / (channel[i - 1] - channel[i]);
                firstCrossing = firstCrossing < 0.0 ? at : firstCrossing;
                lastCrossing = at;
                ++crossings;
            }
        }

        ASSERT_GT (crossings, 1000);
        const double frequency = (crossings - 1) * 48000.0 / (lastCrossing - firstCrossing);
        EXPECT_NEAR (frequency, 1000.0, 0.01);

        // Level: RMS over a whole number of cycles (48 samples per cycle at 48 kHz).
        const int64_t cycles = (last - first) / 48;
        double sumOfSquares = 0.0;

        for (int64_t i = first; i < first + cycles * 48; ++i)
            sumOfSquares += static_cast<double> (channel[i]) * channel[i];

        const double amplitude = std::sqrt (2.0 * sumOfSquares / static_cast<double> (cycles * 48));
        EXPECT_NEAR (20.0 * std::log10 (amplitude / toneAmplitude), 0.0, 0.01);
    }
}

TEST (ResamplingReader, RandomReadsEqualASequentialRead)
{
    TemporaryFolder folder;
    const auto path = folder / "sine44k1.wav";
    writeSine (path, 44100, 88200, 2);

    auto sequentialReader = ResamplingReader::open (path, 48000);
    ASSERT_TRUE (sequentialReader.ok());
    const auto sequential = readSequentially (**sequentialReader, 4096);

    auto reader = ResamplingReader::open (path, 48000);
    ASSERT_TRUE (reader.ok());
    const auto length = (*reader)->lengthInFrames();
    ASSERT_EQ (length, 96000);

    for (int64_t start : { int64_t { 50000 }, int64_t { 12345 }, int64_t { 0 }, int64_t { 95000 }, int64_t { 777 },
                           int64_t { 40000 }, int64_t { 42000 }, int64_t { -300 }, int64_t { 95990 } })
    {
        const int64_t count = 2000;
        std::vector<std::vector<float>> out (2, std::vector<float> (count, 7.0f));
        auto dest = pointersTo (out);
        const auto got = (*reader)->readPlanar (start, dest.data(), count);
        ASSERT_TRUE (got.ok());
        EXPECT_EQ (*got, std::clamp<int64_t> (start + count, 0, length) - std::clamp<int64_t> (start, 0, length));

        double worst = 0.0;

        for (int ch = 0; ch < 2; ++ch)
        {
            for (int64_t i = 0; i < count; ++i)
            {
                const auto frame = start + i;
                const float expected = frame >= 0 && frame < length ? sequential[ch][frame] : 0.0f;
                worst = std::max (worst, static_cast<double> (std::abs (out[ch][i] - expected)));
            }
        }

        EXPECT_LT (worst, 1e-4) << "read at " << start;
    }
}

TEST (ResamplingReader, DownsamplesToo)
{
    TemporaryFolder folder;
    const auto path = folder / "sine96k.wav";
    writeSine (path, 96000, 96000, 1);

    auto reader = ResamplingReader::open (path, 48000);
    ASSERT_TRUE (reader.ok());
    EXPECT_EQ ((*reader)->lengthInFrames(), 48000);

    const auto out = readSequentially (**reader, 3000);
    double peak = 0.0;

    for (int64_t i = 4800; i < 43200; ++i)
        peak = std::max (peak, static_cast<double> (std::abs (out[0][i])));

    EXPECT_NEAR (peak, toneAmplitude, 0.001);

    std::vector<float> again (500);
    float* dest[] = { again.data() };
    ASSERT_TRUE ((*reader)->readPlanar (20000, dest, 500).ok());

    for (int64_t i = 0; i < 500; ++i)
        ASSERT_NEAR (again[i], out[0][20000 + i], 1e-4);
}

TEST (ResamplingReader, SameRatePassesStraightThrough)
{
    TemporaryFolder folder;
    const auto path = folder / "sine48k.wav";
    writeSine (path, 48000, 4800, 2);

    auto resampling = ResamplingReader::open (path, 48000);
    auto plain = AudioFileReader::open (path);
    ASSERT_TRUE (resampling.ok() && plain.ok());
    EXPECT_EQ ((*resampling)->lengthInFrames(), 4800);

    std::vector<std::vector<float>> a (2, std::vector<float> (5000)), b (2, std::vector<float> (5000));
    auto destA = pointersTo (a);
    auto destB = pointersTo (b);
    ASSERT_TRUE ((*resampling)->readPlanar (-100, destA.data(), 5000).ok());
    ASSERT_TRUE ((*plain)->readPlanar (-100, destB.data(), 5000).ok());
    EXPECT_EQ (a, b);
}

TEST (ResamplingReader, ErrorsNameTheFile)
{
    TemporaryFolder folder;
    const auto missing = folder / "missing.wav";
    const auto reader = ResamplingReader::open (missing, 48000);
    ASSERT_FALSE (reader.ok());
    EXPECT_EQ (reader.error().message, missing.string() + ": no such file");

    const auto path = folder / "sine.wav";
    writeSine (path, 44100, 100, 1);
    EXPECT_FALSE (ResamplingReader::open (path, 0).ok());
}
