#pragma once

#include "engine/DiskStreamer.h"
#include "engine/OfflineRenderer.h"
#include "engine/PlanCompiler.h"
#include "engine/RealtimeEngine.h"
#include "engine/WorkerPool.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"
#include "session/Session.h"
#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <functional>
#include <memory>
#include <numbers>
#include <thread>
#include <vector>

namespace sprocket::test
{
/** A signal that never crosses zero (0.2 +- 0.1, two tones), so the first sample the engine
    plays is never silent and marks where playback began. */
inline std::vector<float> offsetTones (int64_t frames, double rate = 48000.0)
{
    std::vector<float> samples (static_cast<size_t> (frames));
    for (int64_t i = 0; i < frames; ++i)
    {
        const double t = double (i) / rate;
        samples[size_t (i)] = float (0.2 + 0.06 * std::sin (2.0 * std::numbers::pi * 441.0 * t)
                                     + 0.04 * std::sin (2.0 * std::numbers::pi * 1234.5 * t));
    }
    return samples;
}

inline void writeMono (const std::filesystem::path& file, const std::vector<float>& samples, int64_t rate = 48000)
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

/** One mono track panned left of centre, with a 4 s clip of offsetTones() at 0.5 s, into a
    stereo master at -3 dB: enough routing that a wrong channel or gain shows. */
inline session::Session toneSession (const std::filesystem::path& folder, int64_t rate = 48000)
{
    writeMono (folder / "tones.wav", offsetTones (5 * rate, double (rate)), rate);
    session::Session s;
    s.name = "Device Test";
    s.sampleRate = rate;
    s.filePath = folder / "device.sprocket";
    s.media = { { "m1", "tones.wav" } };
    s.master.gainDb = -3.0;
    session::Track track;
    track.id = "t1";
    track.name = "Tones";
    track.channels = 1;
    track.pan = -0.4;
    session::Clip clip;
    clip.id = "c1";
    clip.name = "Tones";
    clip.mediaId = "m1";
    clip.position = { rate / 2 };
    clip.length = { 4 * rate };
    clip.sourceOffset = { 1000 };
    track.clips.push_back (clip);
    s.tracks.push_back (track);
    return s;
}

/** The offline printmaster of `s`, planar float. */
inline std::vector<std::vector<float>> renderOfflineMix (const session::Session& s, const std::filesystem::path& folder)
{
    engine::OfflineRenderOptions options;
    options.outputFolder = folder / "render";
    options.sampleFormat = io::SampleFormat::float32;
    auto rendered = engine::renderOffline (s, options);
    EXPECT_TRUE (rendered.ok()) << (rendered.ok() ? "" : rendered.error().message);
    if (! rendered.ok())
        return {};
    auto reader = io::AudioFileReader::open (rendered->files.at (0).path);
    EXPECT_TRUE (reader.ok());
    if (! reader.ok())
        return {};
    const auto& info = (*reader)->info();
    std::vector<std::vector<float>> planar (size_t (info.channels), std::vector<float> (size_t (info.frames)));
    std::vector<float*> channels;
    for (auto& channel : planar)
        channels.push_back (channel.data());
    EXPECT_TRUE ((*reader)->readPlanar (0, channels.data(), info.frames).ok());
    return planar;
}

/** The real-time stack the app and sprocket-cli build: streamer, workers, engine, one plan. */
struct PlaybackRig
{
    static constexpr int maxBlock = 512;

    explicit PlaybackRig (const session::Session& s)
        : streamer (streamerOptions()), workers (1), engine (streamer, maxBlock, s.master.channels, &workers)
    {
        auto plan = std::make_unique<engine::RenderPlan> (engine::compilePlan (s));
        streamer.preparePlan (*plan);
        EXPECT_TRUE (engine.setPlan (std::move (plan)));
    }

    static engine::DiskStreamer::Options streamerOptions()
    {
        engine::DiskStreamer::Options options;
        options.maxBlockSize = maxBlock;
        return options;
    }

    engine::DiskStreamer streamer;
    engine::WorkerPool workers;
    engine::RealtimeEngine engine;
};

/** Waits (generously: CI machines are loaded) until `condition` holds, polling every 5 ms
    and calling `each` between checks. */
inline bool waitUntil (const std::function<bool()>& condition, const std::function<void()>& each = {},
                       std::chrono::milliseconds limit = std::chrono::seconds (20))
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (! condition())
    {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        if (each)
            each();
        std::this_thread::sleep_for (std::chrono::milliseconds (5));
    }
    return true;
}
} // namespace sprocket::test
