#include "AudioThreadAudit.h"
#include "engine/TestSessions.h"

#include "dsp/ProcessorRegistry.h"
#include "engine/ClipRenderer.h"
#include "engine/DiskStreamer.h"
#include "engine/HeadlessDriver.h"
#include "engine/PlanCompiler.h"
#include "engine/RealtimeEngine.h"
#include "engine/WorkerPool.h"
#include "io/AudioFileWriter.h"
#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
session::Session scriptedSession (MemoryMediaSource& media)
{
    auto s = emptySession();
    s.buses.push_back ({ "DX", "Dialogue", 2, 0.0, session::masterOutputId, {}, {} });
    // A look-ahead limiter on a stem: every other path gets delay compensation.
    s.buses.back().inserts.push_back ({ "limiter", nlohmann::json::object(), false, nullptr });
    // A reverb return fed by sends from the tracks and from the DX stem (aux sends run on the
    // audio thread with their own delays and envelopes).
    s.buses.push_back ({ "VERB", "Reverb", 2, -3.0, session::masterOutputId, {}, {} });
    s.buses.back().inserts.push_back ({ "room_reverb", nlohmann::json::object(), false, nullptr });
    s.buses[1].sends.push_back ({ "dx", "VERB", -12.0, false, false });
    for (int m = 0; m < 4; ++m)
    {
        s.media.push_back ({ "m" + std::to_string (m), "m.wav" });
        media.media.push_back ({ noise (96000, uint32_t (m + 1)) });
    }
    for (int t = 0; t < 8; ++t)
    {
        auto tr = track ("t" + std::to_string (t), 1, t % 2 == 0 ? "B" : "DX");
        // A channel strip's worth of processing, so processors and their hand-over are audited too.
        tr.inserts.push_back (
            { "eq", { { "band2_freq_hz", 800.0 }, { "band2_gain_db", 3.0 }, { "hpf_freq_hz", 80.0 } }, false, nullptr });
        tr.inserts.push_back ({ "compressor", { { "threshold_db", -30.0 }, { "ratio", 3.0 } }, false, nullptr });
        for (int c = 0; c < 6; ++c)
        {
            auto cl = clip ("c" + std::to_string (t) + "_" + std::to_string (c), "m" + std::to_string ((t + c) % 4), c * 40000,
                            60000, 1000);
            cl.fadeIn = { { 2400 }, dsp::FadeShape::equalPower };
            cl.fadeOut = { { 2400 }, dsp::FadeShape::sCurve };
            tr.clips.push_back (cl);
        }
        tr.sends.push_back ({ "v", "VERB", -10.0 - t, t % 3 == 0, false });
        if (t == 0)
        {
            tr.automation["send.v.gain_db"] = { { 0, -40.0 }, { 100000, 0.0 } };
            // Automation runs on the audio thread too: envelopes, pan and insert parameters.
            tr.automation["gain_db"] = { { 0, -30.0 }, { 60000, 0.0 }, { 120000, -10.0 } };
            tr.automation["pan"] = { { 0, -1.0 }, { 90000, 1.0 } };
            tr.automation["mute"] = { { 70000, 0.0 }, { 70000, 1.0 }, { 80000, 1.0 }, { 80000, 0.0 } };
            tr.automation["inserts[0].band2_gain_db"] = { { 0, -6.0 }, { 100000, 6.0 } };
        }
        s.tracks.push_back (tr);
    }
    s.buses[1].automation["gain_db"] = { { 0, 0.0 }, { 150000, -12.0 } };
    return s;
}

session::Track newTrack (std::string id)
{
    auto t = track (std::move (id), 1, "DX");
    t.clips.push_back (clip (t.id + "_c", "m1", 0, 90000));
    return t;
}

/** One random edit of the kind an editor or mixer makes while the transport rolls. */
void randomEdit (session::Session& s, std::mt19937& random, int& nextId)
{
    auto pick = [&] (size_t n) { return size_t (std::uniform_int_distribution<size_t> (0, n - 1) (random)); };
    auto& track = s.tracks[pick (s.tracks.size())];
    switch (pick (11))
    {
        case 10: // a send's level, pre/post or mute: new routing matrices glide in
            if (! track.sends.empty())
            {
                auto& send = track.sends.front();
                if (pick (3) == 0)
                    send.preFader = ! send.preFader;
                else if (pick (2) == 0)
                    send.mute = ! send.mute;
                else
                    send.gainDb = std::uniform_real_distribution<double> (-60.0, 6.0) (random);
            }
            else
                track.sends.push_back ({ "v", "VERB", -6.0, false, false });
            break;
        case 9: // the return's latency changes: every send's delay is rebuilt
            if (s.buses[2].inserts.size() > 1)
                s.buses[2].inserts.pop_back();
            else
                s.buses[2].inserts.push_back ({ "limiter", nlohmann::json::object(), false, nullptr });
            break;
        case 8: // a latency change: compensation delays are rebuilt
            if (track.inserts.size() > 2)
                track.inserts.pop_back();
            else
                track.inserts.push_back ({ "limiter", nlohmann::json::object(), false, nullptr });
            break;
        case 7:
            if (! track.inserts.empty())
                track.inserts[0].params["band2_gain_db"] = std::uniform_real_distribution<double> (-12.0, 12.0) (random);
            break;
        case 0:
            track.gainDb = std::uniform_real_distribution<double> (-40.0, 6.0) (random);
            break;
        case 1:
            track.pan = std::uniform_real_distribution<double> (-1.0, 1.0) (random);
            break;
        case 2:
            track.mute = ! track.mute;
            break;
        case 3:
            track.solo = ! track.solo;
            break;
        case 4:
            if (! track.clips.empty())
                track.clips[pick (track.clips.size())].position = { int64_t (pick (200000)) };
            break;
        case 5:
            track.clips.push_back (clip ("n" + std::to_string (nextId++), "m0", int64_t (pick (200000)), 30000));
            break;
        case 6:
            if (s.tracks.size() < 12)
                s.tracks.push_back (newTrack ("x" + std::to_string (nextId++)));
            else
                s.tracks.erase (s.tracks.begin() + long (pick (s.tracks.size())));
            break;
    }
}
} // namespace

TEST (RealtimeSafetyTest, ScriptedEditingSessionMakesNoAllocationOrLockOnTheAudioThread)
{
    MemoryMediaSource media;
    auto s = scriptedSession (media);
    engine::MediaTrackSource tracks (media, 64);
    engine::RealtimeEngine engine (tracks, 64, 2);
    ASSERT_TRUE (engine.setPlan (std::make_unique<engine::RenderPlan> (engine::compilePlan (s))));

    engine::HeadlessDriver driver (48000.0, 64, 2, false);
    AudioThreadAudit::reset();
    driver.start ([&] (float* const* outputs, int frames) {
        AuditedScope audited;
        engine.process (outputs, frames);
    });

    std::mt19937 random (2024);
    int nextId = 0;
    engine.play();
    float loudestTruePeak = 0.0f; // the meters, read as the UI reads them while the audio thread measures
    for (int edit = 0; edit < 500; ++edit)
    {
        loudestTruePeak = std::max (loudestTruePeak, engine.meters().readMaster().truePeak[0]);
        randomEdit (s, random, nextId);
        auto plan = std::make_unique<engine::RenderPlan> (engine::compilePlan (s));
        while (! engine.setPlan (std::make_unique<engine::RenderPlan> (*plan)))
            std::this_thread::sleep_for (std::chrono::microseconds (200));
        switch (edit % 50)
        {
            case 10:
                engine.locate (int64_t (random() % 200000));
                break;
            case 20:
                engine.setLoop (50000, 90000);
                break;
            case 30:
                engine.clearLoop();
                break;
            case 35:
                engine.playSelection (120000, 130000, 4800, 4800);
                break;
            case 40:
                engine.stop();
                break;
            case 45:
                engine.play();
                break;
            default:
                break;
        }
        std::this_thread::sleep_for (std::chrono::microseconds (300));
    }
    engine.locate (0);
    engine.stop();
    std::this_thread::sleep_for (std::chrono::milliseconds (20));
    driver.stop();

    EXPECT_GT (driver.callbacksDone(), AudioThreadAudit::counting() ? 1000 : 100); // sanitizers run slower
    EXPECT_GE (engine.planSwaps(), 400);                                           // most edits reached the audio thread
    EXPECT_GT (loudestTruePeak, 0.0f);                                             // the true-peak meters ran on the audio thread
    EXPECT_EQ (AudioThreadAudit::allocations(), 0);
    EXPECT_EQ (AudioThreadAudit::frees(), 0);
    EXPECT_EQ (AudioThreadAudit::locks(), 0);
}

TEST (RealtimeSafetyTest, TruePeakMeteringMakesNoAllocationOrLock)
{
    // Every MeterBank path the mixer takes (tracks, buses, master, silent blocks, odd block
    // sizes, a change of rate between blocks, which selects another filter) and the reads.
    engine::MeterBank bank (4, 2);
    const auto tone = noise (4096, 3);
    const float* channels[engine::maxChannels];
    for (auto& c : channels)
        c = tone.data();
    float loudest = 0.0f;
    AudioThreadAudit::reset();
    std::thread ([&] {
        AuditedScope audited;
        for (double rate : { 44100.0, 48000.0, 96000.0, 192000.0, 48000.0 })
            for (int frames : { 1, 7, 47, 64, 512, 4096 })
            {
                bank.measureTrack (1, channels, 2, frames, 0.7f, rate);
                bank.measureTrack (2, nullptr, 1, frames, 1.0f, rate);
                bank.measureBus (0, channels, 6, frames, rate);
                bank.measureMaster (channels, engine::maxChannels, frames, rate);
                loudest = std::max (
                    { loudest, bank.readTrack (1).truePeak[1], bank.readBus (0).truePeak[5], bank.readMaster().truePeak[7] });
            }
    }).join();
    EXPECT_GT (loudest, 0.0f);
    EXPECT_EQ (AudioThreadAudit::allocations(), 0);
    EXPECT_EQ (AudioThreadAudit::frees(), 0);
    EXPECT_EQ (AudioThreadAudit::locks(), 0);
}

TEST (RealtimeSafetyTest, TheAuditCatchesAnAllocationAndALock)
{
    // The detector itself must work, or the test above proves nothing.
    if (! AudioThreadAudit::counting())
        GTEST_SKIP() << "a sanitizer owns malloc and the locks in this build";
    AudioThreadAudit::reset();
    std::mutex mutex;
    std::thread ([&] {
        AuditedScope audited;
        auto* leak = new std::vector<int> (100);
        delete leak;
        std::lock_guard lock (mutex);
    }).join();
    EXPECT_GE (AudioThreadAudit::allocations(), 2);
    EXPECT_GE (AudioThreadAudit::frees(), 2);
    EXPECT_GE (AudioThreadAudit::locks(), 1);
}

TEST (RealtimeSafetyTest, StreamingFromDiskMakesNoAllocationOrLockOnTheAudioThread)
{
    // The same scripted editing, with media streamed from files by the butler.
    const auto folder = freshTempFolder ("rt_streaming");
    MemoryMediaSource memory;
    auto s = scriptedSession (memory);
    s.filePath = folder / "s.sprocket";
    for (size_t m = 0; m < s.media.size(); ++m)
    {
        s.media[m].path = "m" + std::to_string (m) + ".wav";
        io::WriteSpec spec;
        spec.channels = 1;
        auto writer = io::AudioFileWriter::create (folder / s.media[m].path, spec);
        ASSERT_TRUE (writer.ok());
        ASSERT_TRUE ((*writer)->writeInterleaved (memory.media[m][0].data(), int64_t (memory.media[m][0].size())));
        ASSERT_TRUE ((*writer)->finish());
    }

    engine::DiskStreamer streamer ({ 48000, 64, 64, 4096, 4096 });
    engine::WorkerPool workers (2); // tracks in parallel within each callback
    engine::RealtimeEngine engine (streamer, 64, 2, &workers);
    const auto post = [&] {
        auto plan = std::make_unique<engine::RenderPlan> (engine::compilePlan (s));
        streamer.preparePlan (*plan);
        while (! engine.setPlan (std::make_unique<engine::RenderPlan> (*plan)))
            std::this_thread::sleep_for (std::chrono::microseconds (200));
    };
    post();

    engine::HeadlessDriver driver (48000.0, 64, 2, true); // real-time pace: the butler must keep up
    AudioThreadAudit::reset();
    driver.start ([&] (float* const* outputs, int frames) {
        AuditedScope audited;
        engine.process (outputs, frames);
    });
    std::mt19937 random (7);
    int nextId = 0;
    engine.play();
    for (int edit = 0; edit < 100; ++edit)
    {
        randomEdit (s, random, nextId);
        post();
        if (edit % 25 == 10)
            engine.locate (int64_t (random() % 150000));
        if (edit == 30)
            engine.setLoop (20000, 26000); // short, so it wraps (from the loop heads) many times
        if (edit == 70)
            engine.clearLoop();
        std::this_thread::sleep_for (std::chrono::milliseconds (5));
    }
    engine.stop();
    std::this_thread::sleep_for (std::chrono::milliseconds (20));
    driver.stop();

    EXPECT_GT (driver.callbacksDone(), 300);
    EXPECT_EQ (AudioThreadAudit::allocations(), 0);
    EXPECT_EQ (AudioThreadAudit::frees(), 0);
    EXPECT_EQ (AudioThreadAudit::locks(), 0);
    // Underruns are not asserted here: this test audits the audio thread, and whether the butler
    // keeps up depends on what else the machine runs (DiskStreamerTest covers streaming).
}

TEST (RealtimeSafetyTest, EveryRegisteredProcessorProcessesWithoutAllocationOrLock)
{
    // Every built-in type, mono to 7.1, with its parameters moved between blocks (which makes
    // the filters redesign and the smoothers ramp) and a reset in the middle, as after a locate.
    const auto& registry = dsp::ProcessorRegistry::builtIns();
    for (const auto& type : registry.typeNames())
        for (int channels : { 1, 2, 6, 8 })
        {
            auto processor = registry.create (type);
            processor->prepare (48000.0, 512, channels);
            std::vector<std::vector<float>> audio ((size_t) std::max (channels, processor->outputChannels (channels)),
                                                   std::vector<float> (512));
            std::vector<float*> pointers;
            for (auto& channel : audio)
                pointers.push_back (channel.data());
            std::mt19937 random (7);
            std::uniform_real_distribution<float> sample (-0.9f, 0.9f);
            AudioThreadAudit::reset();
            for (int block = 0; block < 40; ++block)
            {
                for (auto& channel : audio)
                    for (auto& v : channel)
                        v = sample (random);
                const auto& infos = processor->parameters();
                for (size_t p = 0; p < infos.size(); ++p)
                    processor->setParameter (
                        (int) p, infos[p].min + (infos[p].max - infos[p].min) * (float) ((block * 7 + (int) p) % 10) / 9.0f);
                AuditedScope audited;
                if (block == 20)
                    processor->reset();
                processor->process (pointers.data(), channels, 1 + (block * 37) % 512);
            }
            EXPECT_EQ (AudioThreadAudit::allocations(), 0) << type << ", " << channels << " channels";
            EXPECT_EQ (AudioThreadAudit::locks(), 0) << type << ", " << channels << " channels";
        }
}
