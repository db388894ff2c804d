#include "TestSessions.h"

#include "engine/ClipRenderer.h"
#include "engine/MixEngine.h"
#include "engine/OfflineRenderer.h"
#include "engine/PlanCompiler.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include "support/TempFolder.h"
#include "support/TestAudioFiles.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
constexpr int limiterLatency = 96; // 2 ms at 48 kHz
constexpr int block = 256;

/** Two mono tracks playing the same noise, centre-panned: "dx" into bus DX, "mx" into bus MX.
    Both buses go to the master. Below the limiter's ceiling its gain is exactly 1, so a limited
    copy differs from the dry one only by the look-ahead delay. */
session::Session twinSession()
{
    auto s = emptySession();
    s.buses.clear();
    s.buses.push_back ({ "DX", "DX", 2, 0.0, session::masterOutputId, {}, {} });
    s.buses.push_back ({ "MX", "MX", 2, 0.0, session::masterOutputId, {}, {} });
    s.media.push_back ({ "m", "noise.wav" });
    for (const char* id : { "dx", "mx" })
    {
        auto t = track (id, 1, id == std::string ("dx") ? "DX" : "MX");
        t.clips.push_back (clip (std::string (id) + "-clip", "m", 4800, 24000));
        s.tracks.push_back (t);
    }
    return s;
}

session::Insert limiter()
{
    return { "limiter", nlohmann::json::object(), false, nullptr };
}

struct Mix
{
    std::vector<float> dx, mx, master;
};

Mix mixLeft (const session::Session& s, const std::vector<float>& material, int64_t frames, int* latency = nullptr)
{
    MemoryMediaSource media;
    media.media.push_back ({ material });
    const auto plan = engine::compilePlan (s);
    engine::MediaTrackSource tracks (media, block);
    engine::MixEngine mixer;
    mixer.prepare (plan, block);
    if (latency != nullptr)
        *latency = mixer.latency();
    Mix mix;
    for (int64_t pos = 0; pos < frames; pos += block)
    {
        mixer.process (pos, block, tracks);
        mix.dx.insert (mix.dx.end(), mixer.busOutput (0)[0], mixer.busOutput (0)[0] + block);
        mix.mx.insert (mix.mx.end(), mixer.busOutput (1)[0], mixer.busOutput (1)[0] + block);
        mix.master.insert (mix.master.end(), mixer.masterOutput()[0], mixer.masterOutput()[0] + block);
    }
    return mix;
}
} // namespace

TEST (LatencyCompensationTest, ATrackWithALimiterStaysAlignedWithItsNeighbour)
{
    const auto material = noise (48000, 7);
    auto s = twinSession();
    s.tracks[0].inserts.push_back (limiter());

    int latency = 0;
    const auto mix = mixLeft (s, material, 48000, &latency);
    EXPECT_EQ (latency, limiterLatency);
    for (size_t i = 0; i < mix.dx.size(); ++i)
        ASSERT_EQ (mix.dx[i], mix.mx[i]) << "stems differ at " << i;

    // Both stems lag the timeline by exactly the limiter's look-ahead.
    const float pan = float (std::sqrt (0.5)); // mono at centre, -3 dB
    EXPECT_EQ (mix.mx[4800 + limiterLatency - 1], 0.0f);
    for (size_t i = 0; i < 24000; i += 101)
        ASSERT_NEAR (mix.mx[4800 + limiterLatency + i], material[i] * pan, 1e-6) << i;
}

TEST (LatencyCompensationTest, WithoutCompensationTheStemsWouldDiffer)
{
    // The same material, no inserts: identical stems with no lag. Guards the test above from
    // passing for the wrong reason (a mixer that delays everything, or nothing).
    const auto material = noise (48000, 7);
    auto s = twinSession();
    int latency = -1;
    const auto dry = mixLeft (s, material, 48000, &latency);
    EXPECT_EQ (latency, 0);
    s.tracks[0].inserts.push_back (limiter());
    const auto wet = mixLeft (s, material, 48000);
    EXPECT_NE (dry.mx[4800 + 10], wet.mx[4800 + 10]); // the dry stem was delayed to line up
    EXPECT_EQ (dry.mx[4800 + 10], wet.mx[4800 + 10 + limiterLatency]);
}

TEST (LatencyCompensationTest, BusLatencyDelaysTheOtherBusesAndBypassRemovesIt)
{
    const auto material = noise (48000, 11);
    auto s = twinSession();
    s.buses[0].inserts.push_back (limiter());
    s.buses[0].inserts.push_back (limiter());
    int latency = 0;
    auto mix = mixLeft (s, material, 48000, &latency);
    EXPECT_EQ (latency, 2 * limiterLatency);
    for (size_t i = 0; i < mix.dx.size(); ++i)
        ASSERT_EQ (mix.dx[i], mix.mx[i]) << i;

    s.buses[0].inserts[1].bypass = true; // a bypassed insert adds no delay
    mix = mixLeft (s, material, 48000, &latency);
    EXPECT_EQ (latency, limiterLatency);
    for (size_t i = 0; i < mix.dx.size(); ++i)
        ASSERT_EQ (mix.dx[i], mix.mx[i]) << i;
}

TEST (LatencyCompensationTest, DelayedTracksRingOutPastTheirLastClip)
{
    // The compensated track's clip ends at a block boundary; its last 96 samples must still
    // come out of the delay in the next block rather than being dropped.
    const auto material = std::vector<float> (48000, 0.25f);
    auto s = twinSession();
    s.tracks[0].inserts.push_back (limiter());
    s.tracks[1].clips[0].position = { 0 };
    s.tracks[1].clips[0].length = { 4 * block };
    s.tracks[0].clips[0].position = { 0 };
    s.tracks[0].clips[0].length = { 4 * block };
    const auto mix = mixLeft (s, material, 8 * block);
    const float pan = float (std::sqrt (0.5));
    EXPECT_NEAR (mix.mx[4 * block + limiterLatency - 1], 0.25f * pan, 1e-6);
    EXPECT_EQ (mix.mx[4 * block + limiterLatency], 0.0f);
}

TEST (LatencyCompensationTest, OfflineRenderLinesFilesUpWithTheTimeline)
{
    const auto folder = test::freshTempFolder ("render_latency");
    const auto material = noise (48000, 3);
    writeFloatWav (folder / "noise.wav", { material });
    auto s = twinSession();
    s.name = "Latency";
    s.filePath = folder / "latency.sprocket";
    s.tracks[0].inserts.push_back (limiter());

    engine::OfflineRenderOptions options;
    options.outputFolder = folder / "out";
    options.stems = true;
    options.sampleFormat = io::SampleFormat::float32;
    auto summary = engine::renderOffline (s, options);
    ASSERT_TRUE (summary.ok()) << summary.error().message;
    ASSERT_EQ (summary->files.size(), 3u);

    const float pan = float (std::sqrt (0.5));
    for (const auto& file : summary->files)
    {
        auto reader = io::AudioFileReader::open (file.path);
        ASSERT_TRUE (reader.ok());
        const auto frames = (*reader)->info().frames;
        EXPECT_EQ (frames, 4800 + 24000) << file.role; // the session's length, no latency tail
        std::vector<float> left (static_cast<size_t> (frames)), right (static_cast<size_t> (frames));
        float* pointers[] = { left.data(), right.data() };
        ASSERT_TRUE ((*reader)->readPlanar (0, pointers, frames).ok());
        const float expectedGain = file.role == "PM" ? 2.0f * pan : pan;
        EXPECT_EQ (left[4799], 0.0f) << file.role;
        for (size_t i = 0; i < 24000; i += 7)
            ASSERT_NEAR (left[4800 + i], material[i] * expectedGain, 1e-6) << file.role << " at " << i;
    }
}
