#include "CommandLine.h"
#include "Commands.h"

#include "core/Timecode.h"
#include "engine/DiskStreamer.h"
#include "engine/HeadlessDriver.h"
#include "engine/PlanCompiler.h"
#include "engine/RealtimeEngine.h"
#include "engine/WorkerPool.h"
#include "SessionLoading.h"

#include <chrono>
#include <cstdio>
#include <random>
#include <thread>

namespace sprocket::cli
{
namespace
{
    constexpr const char* playUsage = "usage: sprocket-cli play SESSION [--device none] [--from TC] [--seconds N] "
                                      "[--stress-edits N] [--block-size N]";

    /** One edit of the kind a mixer or editor makes while the transport rolls. */
    void randomEdit (session::Session& s, std::mt19937& random)
    {
        if (s.tracks.empty())
            return;
        auto pick = [&] (size_t n) { return size_t (std::uniform_int_distribution<size_t> (0, n - 1) (random)); };
        auto& track = s.tracks[pick (s.tracks.size())];
        switch (pick (5))
        {
            case 0: track.gainDb = std::uniform_real_distribution<double> (-30.0, 0.0) (random); break;
            case 1: track.pan = std::uniform_real_distribution<double> (-1.0, 1.0) (random); break;
            case 2: track.mute = ! track.mute; break;
            case 3: track.solo = ! track.solo; break;
            case 4:
                if (! track.clips.empty())
                {
                    // Nudge a clip by up to a frame's worth either way, keeping it on the timeline.
                    auto& clip = track.clips[pick (track.clips.size())];
                    const auto nudge = std::uniform_int_distribution<int64_t> (-2000, 2000) (random);
                    clip.position = { std::max<int64_t> (0, clip.position.samples + nudge) };
                }
                break;
        }
    }

    std::optional<int64_t> parseCount (const std::string& text)
    {
        try
        {
            size_t used = 0;
            const auto value = std::stoll (text, &used);
            if (used == text.size() && value >= 0)
                return value;
        }
        catch (...)
        {
        }
        return std::nullopt;
    }
} // namespace

int runPlay (const std::vector<std::string>& arguments)
{
    CommandLine line (arguments, {}, { "--device", "--from", "--seconds", "--stress-edits", "--block-size" });
    if (! line.valid() || line.positionals().size() != 1)
    {
        printError (line.valid() ? playUsage : line.problem() + "\n" + playUsage);
        return exitInvalid;
    }
    if (auto device = line.option ("--device"); device && *device != "none")
    {
        printError ("--device " + *device + ": sprocket-cli plays through the headless driver only (--device none); "
                    "sound cards are opened by the app");
        return exitInvalid;
    }
    const auto blockSize = parseCount (line.option ("--block-size").value_or ("256"));
    const auto stressEdits = parseCount (line.option ("--stress-edits").value_or ("0"));
    if (! blockSize || *blockSize < 16 || *blockSize > 8192)
    {
        printError ("--block-size: must be a whole number from 16 to 8192");
        return exitInvalid;
    }
    if (! stressEdits)
    {
        printError ("--stress-edits: must be a whole number");
        return exitInvalid;
    }

    const std::filesystem::path file = line.positionals()[0];
    auto loaded = loadValidSession (file);
    if (! loaded)
        return exitInvalid;
    auto session = *loaded;
    const auto rate = session.sampleRate;

    int64_t from = 0;
    if (auto tc = line.option ("--from"))
    {
        auto parsed = core::parseTimecode (*tc, session.frameRate);
        if (! parsed.ok())
        {
            printError ("--from: " + parsed.error().message);
            return exitInvalid;
        }
        const auto frames = core::frameCountFromTimecode (*parsed, session.frameRate)
                            - core::frameCountFromTimecode (session.startTimecode, session.frameRate);
        from = std::max<int64_t> (0, core::samplesFromFrameCount (frames, session.frameRate, rate));
    }
    double seconds = double (session.endOfLastClip().samples - from) / double (rate);
    if (auto text = line.option ("--seconds"))
    {
        char* end = nullptr;
        seconds = std::strtod (text->c_str(), &end);
        if (end == text->c_str() || *end != '\0' || seconds <= 0.0)
        {
            printError ("--seconds: must be a positive number");
            return exitInvalid;
        }
    }
    if (seconds <= 0.0)
    {
        printError (file.string() + ": nothing to play after the start position");
        return exitInvalid;
    }

    const int block = int (*blockSize);
    engine::DiskStreamer::Options options;
    options.maxBlockSize = block;
    engine::DiskStreamer streamer (options);
    engine::WorkerPool workers (engine::WorkerPool::defaultWorkerCount());
    engine::RealtimeEngine engine (streamer, block, session.master.channels, &workers);
    const auto post = [&] {
        auto plan = std::make_unique<engine::RenderPlan> (engine::compilePlan (session));
        streamer.preparePlan (*plan);
        while (! engine.setPlan (std::move (plan)))
        {
            std::this_thread::sleep_for (std::chrono::milliseconds (1));
            plan = std::make_unique<engine::RenderPlan> (engine::compilePlan (session));
            streamer.preparePlan (*plan);
        }
    };
    post();

    engine::HeadlessDriver driver (double (rate), block, session.master.channels, true);
    const auto totalCallbacks = int64_t (seconds * double (rate) / block) + 16;
    driver.start ([&] (float* const* outputs, int frames) { engine.process (outputs, frames); }, totalCallbacks * 2);
    engine.locate (from);
    engine.play();

    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    const auto playFrames = int64_t (seconds * double (rate));
    std::mt19937 random (1);
    int64_t editsDone = 0, lastReport = -1;
    for (;;)
    {
        const double elapsed = std::chrono::duration<double> (Clock::now() - started).count();
        const auto played = engine.position() - from;
        if (played >= playFrames || elapsed > seconds + 30.0)
            break;
        // Spread the edits evenly over the run.
        while (editsDone < *stressEdits && double (editsDone) < double (*stressEdits) * elapsed / seconds)
        {
            randomEdit (session, random);
            post();
            ++editsDone;
        }
        if (const auto second = int64_t (elapsed); second != lastReport && engine.isPlaying())
        {
            lastReport = second;
            const auto position = core::frameCountFromTimecode (session.startTimecode, session.frameRate)
                                  + core::frameCountFromSamples (engine.position(), session.frameRate, rate);
            std::fprintf (stderr, "play: %s\n",
                          core::formatTimecode (core::timecodeFromFrameCount (position, session.frameRate), session.frameRate).c_str());
        }
        std::this_thread::sleep_for (std::chrono::milliseconds (5));
        engine.collectGarbage();
    }
    engine.stop();
    std::this_thread::sleep_for (std::chrono::milliseconds (20));
    driver.stop();

    const auto stats = driver.statistics();
    std::printf ("played: %.3f s from sample %lld, %lld callbacks of %d samples, %lld edits\n",
                 double (engine.position() - from) / double (rate), static_cast<long long> (from),
                 static_cast<long long> (stats.callbacks), block, static_cast<long long> (editsDone));
    std::printf ("underruns: %lld\n", static_cast<long long> (streamer.underruns()));
    std::printf ("xruns: %lld\n", static_cast<long long> (stats.xruns));
    std::printf ("callback us: p50 %.1f, p99 %.1f, p99.9 %.1f, max %.1f (budget %.1f)\n", stats.p50Us, stats.p99Us,
                 stats.p999Us, stats.maxUs, stats.budgetUs);
    std::printf ("media errors: %lld\n", static_cast<long long> (streamer.mediaErrors()));
    return exitSuccess;
}
} // namespace sprocket::cli
