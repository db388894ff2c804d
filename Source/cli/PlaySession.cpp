#include "PlaySession.h"

#include "core/Timecode.h"
#include "engine/PlanCompiler.h"

#include <chrono>
#include <cstdio>
#include <thread>

namespace sprocket::cli
{
namespace
{
    engine::DiskStreamer::Options streamerOptions (int blockSize)
    {
        engine::DiskStreamer::Options options;
        options.maxBlockSize = blockSize;
        return options;
    }
} // namespace

PlaySession::PlaySession (PlayRequest playRequest)
    : request (std::move (playRequest)),
      streamer (streamerOptions (request.blockSize)),
      workers (engine::WorkerPool::defaultWorkerCount()),
      engine (streamer, request.blockSize, request.session.master.channels, &workers)
{
    post();
}

void PlaySession::post()
{
    auto plan = std::make_unique<engine::RenderPlan> (engine::compilePlan (request.session));
    streamer.preparePlan (*plan);
    while (! engine.setPlan (std::move (plan)))
    {
        std::this_thread::sleep_for (std::chrono::milliseconds (1));
        plan = std::make_unique<engine::RenderPlan> (engine::compilePlan (request.session));
        streamer.preparePlan (*plan);
    }
}

/** One edit of the kind a mixer or editor makes while the transport rolls. */
void PlaySession::randomEdit()
{
    auto& s = request.session;
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

double PlaySession::playedSeconds() const
{
    return double (engine.position() - request.from) / double (request.session.sampleRate);
}

PlaySession::Outcome PlaySession::run (const std::function<std::optional<std::string>()>& poll)
{
    const auto& session = request.session;
    const auto rate = session.sampleRate;
    engine.locate (request.from);
    engine.play();

    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    const auto playFrames = int64_t (request.seconds * double (rate));
    Outcome outcome;
    int64_t lastReport = -1;
    for (;;)
    {
        const double elapsed = std::chrono::duration<double> (Clock::now() - started).count();
        const auto played = engine.position() - request.from;
        if (played >= playFrames || elapsed > request.seconds + 30.0)
            break;
        // Spread the edits evenly over the run.
        while (outcome.edits < request.stressEdits
               && double (outcome.edits) < double (request.stressEdits) * elapsed / request.seconds)
        {
            randomEdit();
            post();
            ++outcome.edits;
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
        if (poll)
            if ((outcome.failure = poll()))
                break;
    }
    return outcome;
}
} // namespace sprocket::cli
