#include "TestSessions.h"

#include "engine/FileMediaSource.h"
#include "engine/ClipRenderer.h"
#include "engine/MixEngine.h"
#include "engine/PlanCompiler.h"
#include "engine/ReadAheadMediaSource.h"
#include "io/AudioFileWriter.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
void writeNoise (const std::filesystem::path& file, int channels, int64_t frames, uint32_t seed)
{
    io::WriteSpec spec;
    spec.channels = channels;
    spec.sampleFormat = io::SampleFormat::float32;
    auto writer = io::AudioFileWriter::create (file, spec);
    ASSERT_TRUE (writer.ok());
    const auto samples = noise (frames * channels, seed);
    ASSERT_TRUE ((*writer)->writeInterleaved (samples.data(), frames));
    ASSERT_TRUE ((*writer)->finish());
}

std::vector<float> renderLeft (const engine::RenderPlan& plan, engine::MediaSource& source, int blockSize)
{
    engine::MixEngine mixer;
    mixer.prepare (plan, blockSize);
    engine::MediaTrackSource mixerTracks (source, blockSize);
    std::vector<float> out;
    for (int64_t pos = 0; pos < plan.length; pos += blockSize)
    {
        const int n = int (std::min<int64_t> (blockSize, plan.length - pos));
        mixer.process (pos, n, mixerTracks);
        out.insert (out.end(), mixer.masterOutput()[0], mixer.masterOutput()[0] + n);
    }
    return out;
}
} // namespace

TEST (ReadAheadMediaSourceTest, GivesTheMixerExactlyWhatDirectReadsGive)
{
    const auto folder = test::freshTempFolder ("readahead");
    writeNoise (folder / "a.wav", 1, 30000, 1);
    writeNoise (folder / "b.wav", 2, 30000, 2);

    auto s = emptySession();
    s.filePath = folder / "s.sprocket";
    s.media = { { "a", "a.wav" }, { "b", "b.wav" } };
    auto mono = track ("mono", 1);
    mono.clips = { clip ("c1", "a", 100, 9000), clip ("c2", "a", 5000, 20000, 3000), clip ("c3", "a", 40000, 100) };
    auto stereo = track ("stereo", 2);
    stereo.clips = { clip ("c4", "b", 0, 30000) };
    auto muted = track ("muted", 2);
    muted.mute = true;
    muted.clips = { clip ("c5", "b", 0, 30000) };
    s.tracks = { mono, stereo, muted };
    const auto plan = engine::compilePlan (s);

    for (int blockSize : { 333, 4096 })
    {
        engine::FileMediaSource direct (plan);
        ASSERT_TRUE (direct.openAll());
        const auto expected = renderLeft (plan, direct, blockSize);

        engine::FileMediaSource files (plan);
        ASSERT_TRUE (files.openAll());
        engine::ReadAheadMediaSource readAhead (plan, files, blockSize, 3);
        EXPECT_EQ (renderLeft (plan, readAhead, blockSize), expected) << "block " << blockSize;
        EXPECT_FALSE (readAhead.firstError().has_value());
    }
}

TEST (ReadAheadMediaSourceTest, StopsCleanlyWhenTheMixerGivesUpEarly)
{
    const auto folder = test::freshTempFolder ("readahead_stop");
    writeNoise (folder / "a.wav", 1, 200000, 3);
    auto s = emptySession();
    s.filePath = folder / "s.sprocket";
    s.media = { { "a", "a.wav" } };
    auto t = track ("t", 1);
    t.clips = { clip ("c", "a", 0, 200000) };
    s.tracks = { t };
    const auto plan = engine::compilePlan (s);
    engine::FileMediaSource direct (plan);
    ASSERT_TRUE (direct.openAll());
    engine::MixEngine reference;
    reference.prepare (plan, 512);
    engine::MediaTrackSource referenceTracks (direct, 512);
    reference.process (0, 512, referenceTracks);

    engine::FileMediaSource files (plan);
    ASSERT_TRUE (files.openAll());
    {
        // One block, then destroyed while the reader is blocked on a full queue: must not hang.
        engine::ReadAheadMediaSource readAhead (plan, files, 512, 4);
        engine::MixEngine mixer;
        mixer.prepare (plan, 512);
        engine::MediaTrackSource mixerTracks (readAhead, 512);
        mixer.process (0, 512, mixerTracks);
        for (int i = 0; i < 512; ++i)
            ASSERT_EQ (mixer.masterOutput()[0][i], reference.masterOutput()[0][i]);
    }
}
