#include "engine/RealtimeEngine.h"

#include "dsp/MixKernels.h"

#include <algorithm>
#include <cmath>

namespace sprocket::engine
{
RealtimeEngine::RealtimeEngine (TrackSource& source, int maxBlockSize, int channels, WorkerPool* pool)
    : tracks (source), workers (pool), maxBlock (maxBlockSize), outputChannels (std::min (channels, maxChannels)),
      tap (outputChannels, 65536)
{
}

RealtimeEngine::~RealtimeEngine()
{
    // The audio callback has been stopped by now: everything left is the message thread's to free.
    collectGarbage();
    PlanInstance* instance = nullptr;
    while (pendingPlans.try_dequeue (instance))
        delete instance;
    delete waitingToRetire;
    delete current;
}

bool RealtimeEngine::setPlan (std::unique_ptr<RenderPlan> plan)
{
    collectGarbage();
    auto instance = std::make_unique<PlanInstance>();
    instance->plan = std::move (plan);
    instance->mixer.prepare (*instance->plan, maxBlock);
    instance->mixer.setMeters (&meterBank);

    const auto indexIn = [] (const std::vector<std::string>& ids, const std::string& id) {
        auto found = std::find (ids.begin(), ids.end(), id);
        return found == ids.end() ? -1 : int (found - ids.begin());
    };
    std::vector<std::string> trackIds, busIds;
    for (auto& track : instance->plan->tracks)
    {
        instance->trackMap.push_back (indexIn (postedTrackIds, track.id));
        trackIds.push_back (track.id);
    }
    for (auto& bus : instance->plan->buses)
    {
        instance->busMap.push_back (indexIn (postedBusIds, bus.id));
        busIds.push_back (bus.id);
    }

    if (! pendingPlans.try_enqueue (instance.get()))
        return false;
    postedTrackIds = std::move (trackIds);
    postedBusIds = std::move (busIds);
    instance.release(); // owned by the queue, then the audio thread, then retiredPlans
    return true;
}

void RealtimeEngine::collectGarbage()
{
    PlanInstance* instance = nullptr;
    while (retiredPlans.try_dequeue (instance))
        delete instance;
}

bool RealtimeEngine::send (TransportCommand command) noexcept
{
    return commands.try_enqueue (command);
}

void RealtimeEngine::adoptNewestPlan() noexcept
{
    // An old plan may only be dropped once the message thread can be told to free it.
    if (waitingToRetire != nullptr)
    {
        if (! retiredPlans.try_enqueue (waitingToRetire))
            return;
        waitingToRetire = nullptr;
    }
    PlanInstance* next = nullptr;
    if (! pendingPlans.try_dequeue (next))
        return;
    if (current != nullptr)
        next->mixer.takeOverFrom (current->mixer, next->trackMap, next->busMap);
    PlanInstance* old = std::exchange (current, next);
    publishedSwaps.fetch_add (1, std::memory_order_relaxed);
    publishedLatency.store (current->mixer.latency(), std::memory_order_relaxed);
    if (old != nullptr && ! retiredPlans.try_enqueue (old))
        waitingToRetire = old;
}

void RealtimeEngine::handleCommands() noexcept
{
    TransportCommand command;
    while (commands.try_dequeue (command))
    {
        switch (command.type)
        {
            case TransportCommand::Type::play:
                stopAt = -1;
                state = State::playing;
                stopAfterFade = false;
                gainTarget = 1.0f;
                waitingForData = ! sourceReady();
                break;
            case TransportCommand::Type::stop:
                if (state == State::playing && (gain == 0.0f || waitingForData))
                {
                    // Nothing is sounding (waiting for the disk, or between a fade-out and a
                    // jump): stop at once, landing where a pending locate was going.
                    if (pendingLocate)
                    {
                        playhead = locateTarget;
                        tracks.locate (playhead);
                        pendingLocate = false;
                    }
                    state = State::stopped;
                    stopAfterFade = false;
                    waitingForData = false;
                    gain = gainTarget = 0.0f;
                }
                else if (state == State::playing)
                {
                    stopAfterFade = true;
                    gainTarget = 0.0f;
                }
                break;
            case TransportCommand::Type::locate:
                stopAt = -1;
                if (state == State::stopped && gain == 0.0f)
                {
                    playhead = command.a;
                    tracks.locate (playhead);
                }
                else
                    startFadeTo (command.a);
                break;
            case TransportCommand::Type::playRange:
                stopAt = command.b;
                if (state == State::stopped && gain == 0.0f)
                {
                    playhead = command.a;
                    tracks.locate (playhead);
                    state = State::playing;
                    gainTarget = 1.0f;
                    waitingForData = ! sourceReady();
                }
                else
                {
                    state = State::playing;
                    stopAfterFade = false;
                    startFadeTo (command.a);
                }
                break;
            case TransportCommand::Type::setLoop:
                looping = command.b > command.a;
                loopStart = command.a;
                loopEnd = command.b;
                tracks.setLoop (loopStart, looping ? loopEnd : loopStart);
                break;
            case TransportCommand::Type::clearLoop:
                looping = false;
                tracks.setLoop (0, 0);
                break;
        }
    }
}

void RealtimeEngine::startFadeTo (int64_t position) noexcept
{
    // Fade out where we are, jump, fade in at the new place.
    pendingLocate = true;
    locateTarget = position;
    gainTarget = 0.0f;
}

bool RealtimeEngine::sourceReady() noexcept
{
    return current == nullptr || tracks.readyAt (*current->plan, playhead);
}

void RealtimeEngine::renderChunk (float* const* outputs, int offset, int numFrames) noexcept
{
    auto& mixer = current->mixer;
    mixer.process (playhead, numFrames, tracks, workers);

    const float step = 1.0f / float (declickFrames);
    const int channels = std::min (outputChannels, mixer.masterChannels());
    float endGain = gain;
    for (int c = 0; c < channels; ++c)
    {
        const float* in = mixer.masterOutput()[c];
        float* out = outputs[c] + offset;
        float g = gain;
        for (int i = 0; i < numFrames; ++i)
        {
            // Land exactly on the target: counting in float steps would leave a residue.
            g = std::abs (gainTarget - g) <= step * 1.5f ? gainTarget : (gainTarget > g ? g + step : g - step);
            out[i] = in[i] * g;
        }
        endGain = g;
    }
    gain = endGain;
}

void RealtimeEngine::process (float* const* outputs, int numFrames) noexcept
{
    // A device may deliver more than it promised when the mixer was sized: take it in parts.
    if (numFrames > maxBlock)
    {
        float* part[maxChannels];
        for (int offset = 0; offset < numFrames; offset += maxBlock)
        {
            for (int c = 0; c < outputChannels && c < maxChannels; ++c)
                part[c] = outputs[c] + offset;
            processBlock (part, std::min (maxBlock, numFrames - offset));
        }
        return;
    }
    processBlock (outputs, numFrames);
}

void RealtimeEngine::processBlock (float* const* outputs, int numFrames) noexcept
{
    adoptNewestPlan();
    handleCommands();
    for (int c = 0; c < outputChannels; ++c)
        dsp::clear (outputs[c], numFrames);

    if (waitingForData && sourceReady())
        waitingForData = false;

    const bool audible = state == State::playing || gain > 0.0f;
    const bool rendering = current != nullptr && audible && ! waitingForData;
    if (current != nullptr && ! rendering)
        current->mixer.meterSilence (numFrames); // meters fall back while nothing plays
    if (rendering)
    {
        int offset = 0;
        while (offset < numFrames && state == State::playing && ! waitingForData)
        {
            int chunk = numFrames - offset;
            if (looping && playhead < loopEnd)
                chunk = int (std::min<int64_t> (chunk, loopEnd - playhead));
            if (stopAt >= 0 && playhead < stopAt)
                chunk = int (std::min<int64_t> (chunk, stopAt - playhead));
            if (gain != gainTarget)
            {
                // Stop at the end of a fade so a locate or stop happens exactly at silence.
                const int rampLeft = int (std::ceil (std::abs (gainTarget - gain) * float (declickFrames) - 0.01f));
                chunk = std::max (1, std::min (chunk, rampLeft));
            }
            renderChunk (outputs, offset, chunk);
            offset += chunk;
            playhead += chunk;
            if (stopAt >= 0 && playhead >= stopAt && ! pendingLocate)
            {
                // The end of a played range: fade out from here (the fade runs 5 ms past it).
                stopAt = -1;
                stopAfterFade = true;
                gainTarget = 0.0f;
            }
            if (looping && playhead >= loopEnd)
            {
                playhead = loopStart;
                tracks.locate (playhead);
                if (! sourceReady())
                {
                    // The streamer has not got the loop start ready (the loop was set a moment
                    // ago, or an edit just changed it): wait there, then fade back in.
                    waitingForData = true;
                    gain = 0.0f;
                }
            }

            if (gain == 0.0f && gainTarget == 0.0f)
            {
                if (pendingLocate)
                {
                    playhead = locateTarget;
                    pendingLocate = false;
                    tracks.locate (playhead);
                    waitingForData = ! sourceReady();
                    if (! stopAfterFade)
                        gainTarget = 1.0f;
                }
                if (stopAfterFade)
                {
                    stopAfterFade = false;
                    state = State::stopped;
                }
            }
        }
    }

    if (rendering)
        tap.push (outputs, numFrames);
    publishedPosition.store (playhead, std::memory_order_relaxed);
    publishedPlaying.store (state == State::playing, std::memory_order_relaxed);
}
} // namespace sprocket::engine
