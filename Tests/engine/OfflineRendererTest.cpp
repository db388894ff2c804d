#include "TestSessions.h"

#include "core/Decibels.h"
#include "engine/OfflineRenderer.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
std::filesystem::path freshFolder (const std::string& name)
{
    return test::freshTempFolder ("render_" + name);
}

void writeMono (const std::filesystem::path& file, const std::vector<float>& samples, int64_t rate = 48000)
{
    io::WriteSpec spec;
    spec.channels = 1;
    spec.sampleRate = rate;
    spec.sampleFormat = io::SampleFormat::float32;
    auto writer = io::AudioFileWriter::create (file, spec);
    ASSERT_TRUE (writer.ok()) << writer.error().message;
    ASSERT_TRUE ((*writer)->writeInterleaved (samples.data(), int64_t (samples.size())));
    ASSERT_TRUE ((*writer)->finish());
}

std::vector<std::vector<float>> readAll (const std::filesystem::path& file)
{
    auto reader = io::AudioFileReader::open (file);
    EXPECT_TRUE (reader.ok()) << (reader.ok() ? "" : reader.error().message);
    const auto& info = (*reader)->info();
    std::vector<std::vector<float>> channels (size_t (info.channels), std::vector<float> (size_t (info.frames)));
    std::vector<float*> pointers;
    for (auto& c : channels)
        pointers.push_back (c.data());
    EXPECT_TRUE ((*reader)->readPlanar (0, pointers.data(), info.frames).ok());
    return channels;
}

/** A session file in `folder` with one mono track of a -20 dBFS sine at -6 dB into bus DX. */
session::Session sineSession (const std::filesystem::path& folder)
{
    writeMono (folder / "tone.wav", sine (1000.0, core::gainFromDb (-20.0), 48000));
    auto s = emptySession();
    s.name = "Reel 1";
    s.filePath = folder / "reel.sprocket";
    s.frameRate = core::FrameRate::fps23_976;
    s.buses[0].id = "DX";
    s.buses[0].gainDb = -1.0;
    s.master.gainDb = -2.0;
    s.media.push_back ({ "m1", "tone.wav" });
    auto t = track ("t1", 1, "DX");
    t.gainDb = -6.0;
    t.clips.push_back (clip ("c1", "m1", 24000, 24000, 100));
    s.tracks.push_back (t);
    return s;
}
} // namespace

TEST (OfflineRendererTest, WritesPrintmasterAndStemsWithTheExpectedSamples)
{
    const auto folder = freshFolder ("stems");
    auto s = sineSession (folder);
    engine::OfflineRenderOptions options;
    options.outputFolder = folder / "out";
    options.stems = true;
    options.sampleFormat = io::SampleFormat::float32;
    auto summary = engine::renderOffline (s, options);
    ASSERT_TRUE (summary.ok()) << summary.error().message;
    ASSERT_EQ (summary->files.size(), 2u);
    EXPECT_EQ (summary->files[0].path, folder / "out" / "Reel 1_PM.wav");
    EXPECT_EQ (summary->files[1].path, folder / "out" / "Reel 1_DX.wav");

    const auto source = sine (1000.0, core::gainFromDb (-20.0), 48000);
    const double stemGain = core::gainFromDb (-6.0) * std::cos (std::numbers::pi / 4.0) * core::gainFromDb (-1.0);
    const double masterGain = stemGain * core::gainFromDb (-2.0);
    auto pm = readAll (summary->files[0].path);
    auto dx = readAll (summary->files[1].path);
    ASSERT_EQ (pm[0].size(), 48000u); // from 0 to the end of the last clip
    double worstPm = 0.0, worstDx = 0.0;
    for (size_t i = 0; i < 48000; ++i)
    {
        const double expected = i < 24000 ? 0.0 : double (source[i - 24000 + 100]);
        for (int c = 0; c < 2; ++c)
        {
            worstPm = std::max (worstPm, std::abs (pm[size_t (c)][i] - expected * masterGain));
            worstDx = std::max (worstDx, std::abs (dx[size_t (c)][i] - expected * stemGain));
        }
    }
    EXPECT_LT (worstPm, 1e-6);
    EXPECT_LT (worstDx, 1e-6);
}

TEST (OfflineRendererTest, BextTimeReferenceIsTheStartTimecodeSinceMidnight)
{
    const auto folder = freshFolder ("bext");
    auto s = sineSession (folder);
    engine::OfflineRenderOptions options;
    options.outputFolder = folder / "out";
    auto summary = engine::renderOffline (s, options);
    ASSERT_TRUE (summary.ok()) << summary.error().message;
    auto info = io::probeAudioFile (summary->files[0].path);
    ASSERT_TRUE (info.ok());
    EXPECT_EQ (info->subtype, "PCM_24");
    ASSERT_TRUE (info->bext.has_value());
    EXPECT_EQ (info->bext->timeReference, 172972800); // 01:00:00:00 at 23.976, 48 kHz
    EXPECT_EQ (info->bext->originator, "Sprocket");
}

TEST (OfflineRendererTest, SixteenBitOutputIsDitheredWithinOneAndAHalfLsb)
{
    const auto folder = freshFolder ("dither");
    auto s = sineSession (folder);
    engine::OfflineRenderOptions options;
    options.outputFolder = folder / "out";
    options.sampleFormat = io::SampleFormat::pcm16;
    auto summary = engine::renderOffline (s, options);
    ASSERT_TRUE (summary.ok()) << summary.error().message;
    auto pm = readAll (summary->files[0].path);

    const auto source = sine (1000.0, core::gainFromDb (-20.0), 48000);
    const double gain =
        core::gainFromDb (-6.0) * std::cos (std::numbers::pi / 4.0) * core::gainFromDb (-1.0) * core::gainFromDb (-2.0);
    const double lsb = 1.0 / 32768.0;
    double worst = 0.0, meanError = 0.0;
    int nonZeroInSilence = 0;
    for (size_t i = 0; i < 48000; ++i)
    {
        const double expected = i < 24000 ? 0.0 : double (source[i - 24000 + 100]) * gain;
        const double error = pm[0][i] - expected;
        worst = std::max (worst, std::abs (error));
        meanError += error / 48000.0;
        nonZeroInSilence += (i < 24000 && pm[0][i] != 0.0f) ? 1 : 0;
    }
    // TPDF spans +/-1 LSB before rounding adds +/-0.5 LSB.
    EXPECT_LT (worst, 1.5 * lsb + 1e-9);
    EXPECT_LT (std::abs (meanError), 0.05 * lsb);
    // Dither noise is present even in digital silence (undithered rounding would give zeros).
    EXPECT_GT (nonZeroInSilence, 1000);
}

TEST (OfflineRendererTest, FlacOutputHasTheFlacExtension)
{
    const auto folder = freshFolder ("flac");
    auto s = sineSession (folder);
    engine::OfflineRenderOptions options;
    options.outputFolder = folder / "out";
    options.container = io::ContainerFormat::flac;
    auto summary = engine::renderOffline (s, options);
    ASSERT_TRUE (summary.ok()) << summary.error().message;
    EXPECT_EQ (summary->files[0].path.filename(), "Reel 1_PM.flac");
    auto info = io::probeAudioFile (summary->files[0].path);
    ASSERT_TRUE (info.ok());
    EXPECT_EQ (info->format, "FLAC");
}

TEST (OfflineRendererTest, MediaAtAnotherRateAreResampled)
{
    const auto folder = freshFolder ("resample");
    writeMono (folder / "tone44.wav", sine (1000.0, 0.25, 44100, 44100.0), 44100);
    auto s = emptySession();
    s.filePath = folder / "s.sprocket";
    s.media.push_back ({ "m", "tone44.wav" });
    auto t = track ("t", 1);
    t.clips.push_back (clip ("c", "m", 0, 48000));
    s.tracks.push_back (t);
    engine::OfflineRenderOptions options;
    options.outputFolder = folder / "out";
    options.sampleFormat = io::SampleFormat::float32;
    auto summary = engine::renderOffline (s, options);
    ASSERT_TRUE (summary.ok()) << summary.error().message;
    auto pm = readAll (summary->files[0].path);
    // Compare the steady state with the ideal 48 kHz sine at -3 dB (centre pan).
    const auto ideal = sine (1000.0, 0.25 * std::cos (std::numbers::pi / 4.0), 48000);
    double worst = 0.0;
    for (size_t i = 2000; i < 46000; ++i)
        worst = std::max (worst, std::abs (double (pm[0][i]) - double (ideal[i])));
    EXPECT_LT (worst, 1e-3);
}

TEST (OfflineRendererTest, MissingMediaFailsBeforeWritingAnything)
{
    const auto folder = freshFolder ("missing");
    auto s = sineSession (folder);
    std::filesystem::remove (folder / "tone.wav");
    engine::OfflineRenderOptions options;
    options.outputFolder = folder / "out";
    auto summary = engine::renderOffline (s, options);
    ASSERT_FALSE (summary.ok());
    EXPECT_NE (summary.error().message.find ("tone.wav"), std::string::npos);
    EXPECT_FALSE (std::filesystem::exists (folder / "out" / "Reel 1_PM.wav"));
}

TEST (OfflineRendererTest, UnwritableOutputIsAClearErrorAndLeavesNoFile)
{
    const auto folder = freshFolder ("unwritable");
    auto s = sineSession (folder);
    {
        std::ofstream blocker (folder / "out"); // a file where the folder should be
        blocker << "x";
    }
    engine::OfflineRenderOptions options;
    options.outputFolder = folder / "out";
    auto summary = engine::renderOffline (s, options);
    ASSERT_FALSE (summary.ok());
    EXPECT_NE (summary.error().message.find ((folder / "out").string()), std::string::npos);
}

TEST (OfflineRendererTest, FileNamesKeepTheSessionNameAndReplaceSlashes)
{
    EXPECT_EQ (engine::renderFileName ("Reel 1", "PM", io::ContainerFormat::wav), "Reel 1_PM.wav");
    EXPECT_EQ (engine::renderFileName ("Ep 3/Reel 2", "DX", io::ContainerFormat::flac), "Ep 3_Reel 2_DX.flac");
}

TEST (OfflineRendererTest, ASessionWithoutClipsIsRefused)
{
    const auto folder = freshFolder ("empty");
    auto s = emptySession();
    s.filePath = folder / "empty.sprocket";
    engine::OfflineRenderOptions options;
    options.outputFolder = folder / "out";
    auto summary = engine::renderOffline (s, options);
    ASSERT_FALSE (summary.ok());
    EXPECT_NE (summary.error().message.find ("nothing to render"), std::string::npos);
    EXPECT_FALSE (std::filesystem::exists (folder / "out"));
}
