#include "Playback.h"

#include "engine/PlanCompiler.h"

#include <algorithm>
#include <utility>

namespace sprocket::app
{
Playback::Playback (Options playbackOptions)
    : options (std::move (playbackOptions)), workers (engine::WorkerPool::defaultWorkerCount())
{
}

Playback::~Playback() { unload(); }

void Playback::unload()
{
    // Output first: once its device is closed nothing calls the engine, which can then go,
    // and the streamer it reads from last.
    output.reset();
    engine.reset();
    streamer.reset();
    openError.clear();
}

void Playback::load (const session::Session& session)
{
    unload();

    engine::DiskStreamer::Options streamerOptions;
    streamerOptions.maxBlockSize = maxBlockSize;
    streamer = std::make_unique<engine::DiskStreamer> (streamerOptions);
    engine = std::make_unique<engine::RealtimeEngine> (*streamer, maxBlockSize, session.master.channels, &workers);

    auto plan = std::make_unique<engine::RenderPlan> (engine::compilePlan (session));
    notePlanProblems (*plan);
    streamer->preparePlan (*plan);
    engine->setPlan (std::move (plan)); // a fresh engine's queue is empty: it always takes the first plan
    loadedRate = session.sampleRate;
    loadedChannels = session.master.channels;
    trackCount = session.tracks.size();
    busCount = session.buses.size();

    device::DeviceOutput::Options outputOptions;
    outputOptions.fallBackToSilence = options.fallBackToSilence;
    outputOptions.offerSilentDevice = options.offerSilentDevice;
    output = std::make_unique<device::DeviceOutput> (
        *engine, device::OutputFormat { double (session.sampleRate), session.master.channels, maxBlockSize }, outputOptions);
    // Through onFailure, not poll()'s result: the device manager's change messages find some
    // failures (a vanished device) before our timer does.
    output->onFailure = [this] (const std::string& message) { problem = "Playback stopped: " + message + "."; };
    openOutput();
}

bool Playback::openOutput()
{
    if (auto opened = output->open (options.deviceName); ! opened)
    {
        openError = opened.error().message;
        return false;
    }
    openError.clear();
    return true;
}

void Playback::update (const session::Session& session)
{
    if (engine == nullptr || session.sampleRate != loadedRate || session.master.channels != loadedChannels)
    {
        load (session);
        return;
    }
    auto plan = std::make_unique<engine::RenderPlan> (engine::compilePlan (session));
    notePlanProblems (*plan);
    streamer->preparePlan (*plan);
    // The queue holds a few plans; if a burst of edits fills it, free the retired ones and try
    // once more (the audio thread takes one per block, so one try is enough in practice).
    if (! engine->setPlan (std::move (plan)))
    {
        engine->collectGarbage();
        auto retry = std::make_unique<engine::RenderPlan> (engine::compilePlan (session));
        streamer->preparePlan (*retry);
        if (! engine->setPlan (std::move (retry)))
            problem = "The edit could not reach the engine; stop and play again to hear it.";
    }
    trackCount = session.tracks.size();
    busCount = session.buses.size();
}

bool Playback::playRange (int64_t start, int64_t end, bool loop)
{
    if (engine == nullptr)
        return false;
    if (! output->isOpen() && ! openOutput())
    {
        problem = "Cannot play: " + openError;
        return false;
    }
    if (loop && end > start)
    {
        engine->setLoop (start, end);
        engine->locate (start);
        engine->play();
        looping = true;
        return true;
    }
    if (looping)
    {
        engine->clearLoop();
        looping = false;
    }
    engine->playRange (start, end);
    return true;
}

void Playback::locate (int64_t position)
{
    if (engine != nullptr)
        engine->locate (std::max<int64_t> (0, position));
}

std::vector<float> Playback::takeTrackPeaks()
{
    std::vector<float> peaks;
    if (engine == nullptr)
        return peaks;
    auto& meters = engine->meters();
    const auto count = std::min<size_t> (trackCount, size_t (std::max (0, meters.trackCapacity())));
    peaks.reserve (trackCount);
    for (size_t t = 0; t < count; ++t)
    {
        const auto reading = meters.readTrack (int (t));
        float peak = 0.0f;
        for (int c = 0; c < reading.channels; ++c)
            peak = std::max (peak, reading.peak[size_t (c)]);
        peaks.push_back (peak);
    }
    peaks.resize (trackCount, 0.0f);
    return peaks;
}

Playback::StripPeaks Playback::takeStripPeaks()
{
    StripPeaks peaks;
    peaks.tracks.resize (trackCount);
    peaks.buses.resize (busCount);
    if (engine == nullptr)
        return peaks;
    auto& meters = engine->meters();
    const auto channelsOf = [] (const engine::MeterReading& reading) {
        const auto count = std::max (0, reading.channels);
        return StripLevels { std::vector<float> (reading.peak.begin(), reading.peak.begin() + count),
                             std::vector<float> (reading.truePeak.begin(), reading.truePeak.begin() + count) };
    };
    for (size_t t = 0; t < std::min<size_t> (trackCount, size_t (std::max (0, meters.trackCapacity()))); ++t)
        peaks.tracks[t] = channelsOf (meters.readTrack (int (t)));
    for (size_t b = 0; b < std::min<size_t> (busCount, size_t (std::max (0, meters.busCapacity()))); ++b)
        peaks.buses[b] = channelsOf (meters.readBus (int (b)));
    peaks.master = channelsOf (meters.readMaster());
    return peaks;
}

bool Playback::togglePlay()
{
    if (engine == nullptr)
        return false;
    if (engine->isPlaying())
    {
        engine->stop();
        if (std::exchange (looping, false))
            engine->clearLoop();
        return false;
    }
    if (! output->isOpen() && ! openOutput())
    {
        problem = "Cannot play: " + openError;
        return false;
    }
    engine->play();
    return true;
}

int64_t Playback::position() const noexcept
{
    if (engine == nullptr)
        return 0;
    if (! engine->isPlaying())
        return engine->position();
    const int deviceLatency = output != nullptr && output->isOpen() ? output->deviceOutputLatency() : 0;
    return std::max<int64_t> (0, engine->audiblePosition() - deviceLatency);
}

void Playback::returnToStart()
{
    if (engine != nullptr)
        engine->locate (0);
}

void Playback::poll()
{
    if (engine == nullptr)
        return;
    engine->collectGarbage();
    output->poll();
}

std::optional<std::string> Playback::takeProblem() { return std::exchange (problem, std::nullopt); }

std::optional<std::string> Playback::takePlanProblem()
{
    return std::exchange (planProblem, std::nullopt);
}

void Playback::notePlanProblems (const engine::RenderPlan& plan)
{
    // Said once when they appear or change, not at every fader move.
    if (plan.problems == shownPlanProblems)
        return;
    shownPlanProblems = plan.problems;
    if (plan.problems.empty())
        return;
    std::string text;
    for (auto& line : plan.problems)
        text += (text.empty() ? "" : "\n") + line;
    planProblem = text + "\n\nWhat cannot be read plays bypassed until it is fixed.";
}

std::string Playback::audioStatus() const
{
    if (output == nullptr)
        return "Audio: off";
    if (! openError.empty())
        return "Audio: off \xe2\x80\x94 " + openError;
    return output->statusText();
}

bool Playback::hasAudioProblem() const
{
    return output == nullptr || ! openError.empty() || ! output->isOpen() || output->isSilent();
}
} // namespace sprocket::app
