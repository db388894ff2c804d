#include "TemporaryFolder.h"

#include "io/AudioFileWriter.h"
#include "io/PeakData.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <thread>

using namespace sprocket;
using namespace sprocket::io;

namespace
{
void writeFloat (const std::filesystem::path& file, const std::vector<std::vector<float>>& channels)
{
    WriteSpec spec;
    spec.channels = int (channels.size());
    spec.sampleRate = 48000;
    spec.sampleFormat = SampleFormat::float32;
    auto writer = AudioFileWriter::create (file, spec);
    ASSERT_TRUE (writer.ok()) << writer.error().message;
    std::vector<const float*> pointers;
    for (auto& c : channels)
        pointers.push_back (c.data());
    ASSERT_TRUE ((*writer)->writePlanar (pointers.data(), int64_t (channels[0].size())));
    ASSERT_TRUE ((*writer)->finish());
}

/** Left: a 0.5 sine with one 0.9 spike at frame 1000; right: silence then -0.25 DC. */
std::vector<std::vector<float>> testSignal (int64_t frames)
{
    std::vector<std::vector<float>> audio (2, std::vector<float> (static_cast<size_t> (frames)));
    for (int64_t i = 0; i < frames; ++i)
    {
        audio[0][size_t (i)] = float (0.5 * std::sin (2.0 * std::numbers::pi * 100.0 * double (i) / 48000.0));
        audio[1][size_t (i)] = i < frames / 2 ? 0.0f : -0.25f;
    }
    audio[0][1000] = 0.9f;
    return audio;
}

int16_t peakValue (float x)
{
    return int16_t (std::lround (x * 32767.0f));
}
} // namespace

TEST (PeakDataTest, BasePeaksAreTheMinAndMaxOfEach256Samples)
{
    test::TemporaryFolder folder;
    const auto file = folder / "two.wav";
    const auto audio = testSignal (100000);
    writeFloat (file, audio);
    auto peaks = buildPeaks (file);
    ASSERT_TRUE (peaks.ok()) << peaks.error().message;
    EXPECT_EQ (peaks->channels(), 2);
    EXPECT_EQ (peaks->frames(), 100000);
    // 391 base peaks, 25, 2, 1: four levels.
    EXPECT_EQ (peaks->levelCount(), 4);

    PeakPair column {};
    peaks->overview (0, 3 * 256, 256, 1, &column); // the block holding the spike
    EXPECT_EQ (column.max, peakValue (0.9f));
    peaks->overview (1, 99000, 256, 1, &column);
    EXPECT_EQ (column.min, peakValue (-0.25f));
    EXPECT_EQ (column.max, peakValue (-0.25f));
    peaks->overview (1, 0, 256, 1, &column);
    EXPECT_EQ (column, (PeakPair { 0, 0 }));

    // The whole file in one column: the extremes of everything.
    peaks->overview (0, 0, 100000, 1, &column);
    EXPECT_EQ (column.max, peakValue (0.9f));
    EXPECT_NEAR (column.min, peakValue (-0.5f), 2);
    // Beyond the end: silent columns, no reads out of bounds.
    PeakPair beyond[3];
    peaks->overview (0, 99900, 256, 3, beyond);
    EXPECT_EQ (beyond[2], (PeakPair {}));
}

TEST (PeakDataTest, CoarseLevelsAgreeWithTheBaseLevel)
{
    test::TemporaryFolder folder;
    const auto file = folder / "two.wav";
    writeFloat (file, testSignal (300000));
    auto peaks = buildPeaks (file);
    ASSERT_TRUE (peaks.ok());
    // 4096 samples a column reads level 1; 4095.99 reads level 0 (16 peaks a column, the same
    // samples give or take one boundary). Compare columns away from the boundaries' drift.
    std::vector<PeakPair> coarse (50), fine (50);
    peaks->overview (0, 0, 4096.0, 50, coarse.data());
    for (int p = 0; p < 50; ++p)
    {
        PeakPair expected { INT16_MAX, INT16_MIN };
        for (int b = 0; b < 16; ++b)
        {
            PeakPair base {};
            peaks->overview (0, double (p * 4096 + b * 256), 256.0, 1, &base);
            expected.min = std::min (expected.min, base.min);
            expected.max = std::max (expected.max, base.max);
        }
        ASSERT_EQ (coarse[size_t (p)], expected) << "column " << p;
    }
}

TEST (PeakDataTest, SavedPeaksLoadBackIdenticalAndDamagedFilesAreRefused)
{
    test::TemporaryFolder folder;
    const auto file = folder / "two.wav";
    writeFloat (file, testSignal (50000));
    auto peaks = buildPeaks (file);
    ASSERT_TRUE (peaks.ok());
    ASSERT_TRUE (peaks->save (folder / "two.peaks"));
    auto loaded = PeakData::load (folder / "two.peaks");
    ASSERT_TRUE (loaded.ok()) << loaded.error().message;
    EXPECT_EQ (*loaded, *peaks);

    test::writeTextFile (folder / "junk.peaks", "not peaks at all");
    auto junk = PeakData::load (folder / "junk.peaks");
    ASSERT_FALSE (junk.ok());
    EXPECT_NE (junk.error().message.find ("junk.peaks"), std::string::npos);

    std::filesystem::resize_file (folder / "two.peaks", 200);
    auto cut = PeakData::load (folder / "two.peaks");
    ASSERT_FALSE (cut.ok());
    EXPECT_NE (cut.error().message.find ("cut short"), std::string::npos);
}

TEST (PeakDataTest, PeakFilesAreReusedUntilTheMediaChanges)
{
    test::TemporaryFolder folder;
    const auto file = folder / "take.wav";
    writeFloat (file, testSignal (50000));
    auto first = loadOrBuildPeaks (file, folder / "cache");
    ASSERT_TRUE (first.ok());
    ASSERT_TRUE (std::filesystem::exists (peakFileBeside (file)));
    const auto written = std::filesystem::last_write_time (peakFileBeside (file));

    auto again = loadOrBuildPeaks (file, folder / "cache", [] (double) {
        ADD_FAILURE() << "peaks were rebuilt although the media did not change";
        return true;
    });
    ASSERT_TRUE (again.ok());
    EXPECT_EQ (*again, *first);
    EXPECT_EQ (std::filesystem::last_write_time (peakFileBeside (file)), written);

    // New audio under the same name: the peaks follow it.
    std::this_thread::sleep_for (std::chrono::milliseconds (10));
    auto louder = testSignal (60000);
    louder[1][10] = 1.0f;
    writeFloat (file, louder);
    auto rebuilt = loadOrBuildPeaks (file, folder / "cache");
    ASSERT_TRUE (rebuilt.ok());
    EXPECT_EQ (rebuilt->frames(), 60000);
    PeakPair column {};
    rebuilt->overview (1, 0, 256, 1, &column);
    EXPECT_EQ (column.max, 32767);
}

TEST (PeakDataTest, ACacheFolderTakesThePeaksWhenTheMediaFolderCannot)
{
    test::TemporaryFolder folder;
    const auto file = folder / "take.wav";
    writeFloat (file, testSignal (20000));
    // A folder where the peak file would go makes saving beside the media fail (this works
    // even for root, whom read-only permissions do not stop).
    std::filesystem::create_directory (peakFileBeside (file));
    auto peaks = loadOrBuildPeaks (file, folder / "cache");
    ASSERT_TRUE (peaks.ok());
    EXPECT_TRUE (std::filesystem::is_regular_file (peakFileInCache (file, folder / "cache")));
    auto loaded = PeakData::load (peakFileInCache (file, folder / "cache"));
    ASSERT_TRUE (loaded.ok());
    EXPECT_EQ (*loaded, *peaks);
}

TEST (PeakDataTest, BuildingReportsProgressAndCanBeCancelled)
{
    test::TemporaryFolder folder;
    const auto file = folder / "long.wav";
    writeFloat (file, testSignal (400000));
    std::vector<double> reported;
    auto peaks = buildPeaks (file, [&] (double p) {
        reported.push_back (p);
        return true;
    });
    ASSERT_TRUE (peaks.ok());
    ASSERT_GE (reported.size(), 6u);
    EXPECT_TRUE (std::is_sorted (reported.begin(), reported.end()));
    EXPECT_DOUBLE_EQ (reported.back(), 1.0);

    auto cancelled = buildPeaks (file, [] (double p) { return p < 0.3; });
    ASSERT_FALSE (cancelled.ok());
    EXPECT_NE (cancelled.error().message.find ("cancelled"), std::string::npos);
    EXPECT_FALSE (buildPeaks (folder / "missing.wav").ok());
}
