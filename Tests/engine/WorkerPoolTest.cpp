#include "TestSessions.h"
#include "support/TempFolder.h"

#include "engine/MixEngine.h"
#include "engine/OfflineTrackSource.h"
#include "engine/PlanCompiler.h"
#include "engine/WorkerPool.h"
#include "io/AudioFileWriter.h"

#include <gtest/gtest.h>

#include <atomic>

using namespace sprocket;
using namespace sprocket::test;

TEST (WorkerPoolTest, RunsEveryTaskExactlyOnce)
{
    engine::WorkerPool pool (3);
    std::vector<std::atomic<int>> hits (1000);
    struct Context
    {
        std::vector<std::atomic<int>>* hits;
    } context { &hits };
    for (int round = 0; round < 200; ++round)
        pool.run ([] (void* c, int i) noexcept { (*static_cast<Context*> (c)->hits)[size_t (i)].fetch_add (1); }, &context, 1000);
    for (auto& h : hits)
        ASSERT_EQ (h.load(), 200);
}

TEST (WorkerPoolTest, ParallelTracksGiveBitIdenticalResults)
{
    const auto folder = freshTempFolder ("workers");
    auto s = emptySession();
    s.filePath = folder / "s.sprocket";
    for (int t = 0; t < 6; ++t)
    {
        const auto name = "m" + std::to_string (t) + ".wav";
        io::WriteSpec spec;
        spec.channels = 1;
        spec.sampleFormat = io::SampleFormat::float32;
        auto writer = io::AudioFileWriter::create (folder / name, spec);
        ASSERT_TRUE (writer.ok());
        const auto samples = noise (100000, uint32_t (t + 1));
        ASSERT_TRUE ((*writer)->writeInterleaved (samples.data(), 100000));
        ASSERT_TRUE ((*writer)->finish());
        s.media.push_back ({ "m" + std::to_string (t), name });
        auto tr = track ("t" + std::to_string (t), 1);
        tr.pan = -0.5 + 0.2 * t;
        tr.inserts.push_back ({ "compressor", { { "threshold_db", -30.0 }, { "ratio", 4.0 } }, false, nullptr });
        tr.clips.push_back (clip ("c" + std::to_string (t), "m" + std::to_string (t), 1000 * t, 90000));
        s.tracks.push_back (tr);
    }
    const auto plan = engine::compilePlan (s);
    const auto render = [&] (engine::WorkerPool* workers) {
        engine::OfflineTrackSource tracks (plan, 512);
        engine::MixEngine mixer;
        mixer.prepare (plan, 512);
        std::vector<float> out;
        for (int64_t pos = 0; pos < plan.length; pos += 512)
        {
            mixer.process (pos, 512, tracks, workers);
            out.insert (out.end(), mixer.masterOutput()[1], mixer.masterOutput()[1] + 512);
        }
        return out;
    };
    engine::WorkerPool pool (3); // more workers than cores: any interleaving must give the same sum
    const auto single = render (nullptr);
    EXPECT_EQ (render (&pool), single);
    EXPECT_EQ (render (&pool), single);
}
