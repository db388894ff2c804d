#include "engine/MixEngine.h"

#include "core/Decibels.h"
#include "dsp/ConvolutionReverbProcessor.h"
#include "dsp/MixKernels.h"
#include "dsp/PanLaw.h"
#include "dsp/ProcessorRegistry.h"

#include <algorithm>

namespace sprocket::engine
{
MixEngine::InsertChain MixEngine::makeChain (const std::vector<PlanInsert>& inserts, double sampleRate, int maxBlock,
                                             int channels)
{
    InsertChain chain;
    const auto& registry = dsp::ProcessorRegistry::builtIns();
    for (const auto& insert : inserts)
    {
        // The session was validated, so a known type accepts its params; anything else plays
        // as the bypassed placeholder.
        auto state = insert.extra.is_object() ? insert.extra : nlohmann::json::object();
        state["params"] = insert.params;
        auto made = registry.createWithState (insert.type, state);
        auto processor = made.ok() ? std::move (made.value()) : registry.create ("");
        if (auto* reverb = dynamic_cast<dsp::ConvolutionReverbProcessor*> (processor.get()))
            if (! insert.impulseResponse.empty())
                reverb->setImpulseResponse (insert.impulseResponse, sampleRate); // read at the plan's rate
        processor->prepare (sampleRate, maxBlock, channels);
        chain.push_back (std::move (processor));
    }
    return chain;
}

void MixEngine::prepare (const RenderPlan& newPlan, int maxBlockSize)
{
    plan = &newPlan;
    maxBlock = maxBlockSize;
    master.allocate (newPlan.masterChannels, maxBlock);
    buses.resize (newPlan.buses.size());
    busGlides.resize (newPlan.buses.size());
    for (size_t b = 0; b < newPlan.buses.size(); ++b)
    {
        buses[b].allocate (newPlan.buses[b].channels, maxBlock);
        busGlides[b].applied = newPlan.buses[b].destination.matrix;
    }
    trackInserts.clear();
    trackBuffers.resize (newPlan.tracks.size());
    trackSounding.assign (newPlan.tracks.size(), 0);
    for (size_t t = 0; t < newPlan.tracks.size(); ++t)
    {
        const auto& track = newPlan.tracks[t];
        trackInserts.push_back (makeChain (track.inserts, double (newPlan.sampleRate), maxBlock, track.channels));
        // Two channels at least: the mono panner insert writes a second one.
        trackBuffers[t].allocate (std::max (2, track.channels), maxBlock);
    }
    busInserts.clear();
    for (const auto& bus : newPlan.buses)
        busInserts.push_back (makeChain (bus.inserts, double (newPlan.sampleRate), maxBlock, bus.channels));
    trackTargets.resize (newPlan.tracks.size());
    trackGlides.resize (newPlan.tracks.size());
    for (size_t t = 0; t < newPlan.tracks.size(); ++t)
    {
        const auto& track = newPlan.tracks[t];
        trackTargets[t] = track.audible ? track.destination.matrix : RoutingMatrix {};
        trackGlides[t].applied = trackTargets[t];
    }
    prepareSends();
    prepareCompensation();
    trackEnvelopes.assign (newPlan.tracks.size(), {});
    for (size_t t = 0; t < newPlan.tracks.size(); ++t)
        if (newPlan.tracks[t].automation.any())
            trackEnvelopes[t].assign (size_t (maxBlock), 0.0f);
    busEnvelope.assign (size_t (maxBlock), 0.0f);
}

void MixEngine::carryOver (InsertChain& into, InsertChain& from) noexcept
{
    for (size_t i = 0; i < into.size() && i < from.size(); ++i)
    {
        auto& fresh = into[i];
        auto& running = from[i];
        // Delay compensation was computed from the fresh processors' latency, so a running one
        // whose latency differs (a convolution reverb switched to zero latency) is replaced.
        if (fresh == nullptr || running == nullptr || fresh->typeName() != running->typeName() || fresh->isPlaceholder()
            || fresh->getNumChannels() != running->getNumChannels()
            || fresh->latencySamples() != running->latencySamples())
            continue;
        for (int p = 0; p < int (fresh->parameters().size()); ++p)
            running->setParameter (p, fresh->getParameter (p));
        std::swap (fresh, running); // pointer swap: no allocation, the fresh one dies with `from`'s plan
    }
}

void MixEngine::takeOverFrom (MixEngine& previous, const std::vector<int>& trackMap, const std::vector<int>& busMap) noexcept
{
    for (size_t t = 0; t < trackGlides.size() && t < trackMap.size(); ++t)
        if (const int old = trackMap[t]; old >= 0 && size_t (old) < previous.trackGlides.size())
        {
            trackGlides[t] = { previous.trackGlides[size_t (old)].applied, smoothingFrames };
            carryOver (trackInserts[t], previous.trackInserts[size_t (old)]);
            trackDelays[t].swapStateWith (previous.trackDelays[size_t (old)]);
            takeOverSends (trackSendPaths[t], plan->tracks[t].sends, previous.trackSendPaths[size_t (old)],
                           previous.plan->tracks[size_t (old)].sends);
        }
    for (size_t b = 0; b < busGlides.size() && b < busMap.size(); ++b)
        if (const int old = busMap[b]; old >= 0 && size_t (old) < previous.busGlides.size())
        {
            busGlides[b] = { previous.busGlides[size_t (old)].applied, smoothingFrames };
            carryOver (busInserts[b], previous.busInserts[size_t (old)]);
            busDelays[b].swapStateWith (previous.busDelays[size_t (old)]);
            takeOverSends (busSendPaths[b], plan->buses[b].sends, previous.busSendPaths[size_t (old)],
                           previous.plan->buses[size_t (old)].sends);
        }
}

void MixEngine::runInserts (InsertChain& chain, const std::vector<PlanInsert>& slots, float* const* audio, int channels,
                            int numFrames) noexcept
{
    for (size_t i = 0; i < chain.size(); ++i)
        if (! slots[i].bypass)
            chain[i]->process (audio, channels, numFrames);
}

int MixEngine::chainLatency (const InsertChain& chain, const std::vector<PlanInsert>& slots) noexcept
{
    int total = 0;
    for (size_t i = 0; i < chain.size(); ++i)
        if (! slots[i].bypass)
            total += chain[i]->latencySamples();
    return total;
}

void MixEngine::prepareCompensation()
{
    // Each destination's inputs must arrive together: find the latest arrival at every bus
    // (sources first: busOrder puts a bus before every bus it feeds), then pad the others.
    // A send is a path of its own: tapped after its strip's inserts, it gets its own delay to
    // its aux bus's latest arrival, independent of the strip's main output.
    const auto& tracks = plan->tracks;
    const auto& planBuses = plan->buses;
    std::vector<int> arrival (planBuses.size(), 0);
    int masterArrival = 0;
    const auto arriveAt = [&] (const PlanDestination& destination, int latency) {
        int& slot = destination.busIndex >= 0 ? arrival[size_t (destination.busIndex)] : masterArrival;
        slot = std::max (slot, latency);
    };
    std::vector<int> trackOut (tracks.size()), busOut (planBuses.size());
    for (size_t t = 0; t < tracks.size(); ++t)
    {
        trackOut[t] = chainLatency (trackInserts[t], tracks[t].inserts);
        arriveAt (tracks[t].destination, trackOut[t]);
        for (auto& send : tracks[t].sends)
            arriveAt (send.destination, trackOut[t]);
    }
    for (int b : plan->busOrder)
    {
        busOut[size_t (b)] = arrival[size_t (b)] + chainLatency (busInserts[size_t (b)], planBuses[size_t (b)].inserts);
        arriveAt (planBuses[size_t (b)].destination, busOut[size_t (b)]);
        for (auto& send : planBuses[size_t (b)].sends)
            arriveAt (send.destination, busOut[size_t (b)]);
    }
    const auto arrivalAt = [&] (const PlanDestination& destination) {
        return destination.busIndex >= 0 ? arrival[size_t (destination.busIndex)] : masterArrival;
    };

    trackDelays.resize (tracks.size());
    trackLags.resize (tracks.size());
    for (size_t t = 0; t < tracks.size(); ++t)
    {
        trackDelays[t].prepare (tracks[t].channels, arrivalAt (tracks[t].destination) - trackOut[t]);
        trackLags[t] = arrivalAt (tracks[t].destination);
        prepareSendDelays (trackSendPaths[t], tracks[t].sends, tracks[t].channels, trackOut[t], arrival);
    }
    busLags.resize (planBuses.size());
    busDelays.resize (planBuses.size());
    busLatencies.resize (planBuses.size());
    for (size_t b = 0; b < planBuses.size(); ++b)
    {
        busDelays[b].prepare (planBuses[b].channels, arrivalAt (planBuses[b].destination) - busOut[b]);
        busLatencies[b] = arrivalAt (planBuses[b].destination);
        busLags[b] = busOut[b]; // its gain stage comes before its compensation delay
        prepareSendDelays (busSendPaths[b], planBuses[b].sends, planBuses[b].channels, busOut[b], arrival);
    }
    masterLatency = masterArrival;
}

void MixEngine::runAutomatedInserts (InsertChain& chain, const std::vector<PlanInsert>& slots,
                                     const std::vector<PlanInsertLane>& lanes, float* const* audio, int channels, int numFrames,
                                     int64_t position) noexcept
{
    // Parameters follow their lanes every few samples; the processors' own smoothing joins
    // the steps into a ramp.
    float* part[maxChannels];
    for (int offset = 0; offset < numFrames; offset += insertAutomationStep)
    {
        const int n = std::min (insertAutomationStep, numFrames - offset);
        for (auto& lane : lanes)
            if (size_t (lane.insert) < chain.size())
                chain[size_t (lane.insert)]->setParameter (lane.parameter, float (lane.lane.valueAt (position + offset)));
        for (int c = 0; c < channels && c < maxChannels; ++c)
            part[c] = audio[c] + offset;
        runInserts (chain, slots, part, channels, n);
    }
}

void MixEngine::applyAutomation (const PlanAutomation& automation, float staticGain, float* const* audio, int channels,
                                 int numFrames, int64_t position, float* envelope) noexcept
{
    if (automation.shapesGain())
    {
        if (automation.gainDb.empty())
            std::fill_n (envelope, numFrames, staticGain);
        else
            automation.gainDb.forEachSample (position, numFrames,
                                             [&] (int i, double db) { envelope[i] = float (core::gainFromDb (db)); });
        if (! automation.mute.empty())
            automation.mute.forEachSample (
                position, numFrames, [&] (int i, double mute) { envelope[i] *= float (1.0 - std::clamp (mute, 0.0, 1.0)); });
        for (int c = 0; c < channels; ++c)
            for (int i = 0; i < numFrames; ++i)
                audio[c][i] *= envelope[i];
    }
    if (! automation.pan.empty())
        applyPan (automation.pan, audio, channels, numFrames, position);
}

void MixEngine::applyPan (const PlanLane& lane, float* const* audio, int channels, int numFrames, int64_t position) noexcept
{
    if (channels == 1)
        lane.forEachSample (position, numFrames, [&] (int i, double pan) {
            const auto g = dsp::monoPanGains (pan);
            audio[1][i] = audio[0][i] * float (g.right);
            audio[0][i] *= float (g.left);
        });
    else
        lane.forEachSample (position, numFrames, [&] (int i, double pan) {
            const auto g = dsp::stereoBalanceGains (pan);
            audio[0][i] *= float (g.left);
            audio[1][i] *= float (g.right);
        });
}

void MixEngine::renderTrackTask (void* self, int trackIndex) noexcept
{
    static_cast<MixEngine*> (self)->renderTrack (trackIndex);
}

void MixEngine::renderTrack (int t) noexcept
{
    const auto& track = plan->tracks[size_t (t)];
    auto& buffer = trackBuffers[size_t (t)];
    // A track just muted still sounds while its gain glides down.
    const bool heard = track.audible || trackGlides[size_t (t)].framesLeft > 0;
    bool sounding = heard && blockSource->readTrack (*plan, t, blockPosition, blockFrames, buffer.data());
    auto& chain = trackInserts[size_t (t)];
    if (heard && ! chain.empty())
    {
        // Inserts run on silence too, so reverb and delay tails ring out past a clip's end.
        if (! sounding)
            buffer.clear (track.channels, blockFrames);
        if (track.automation.inserts.empty())
            runInserts (chain, track.inserts, buffer.data(), track.channels, blockFrames);
        else
            runAutomatedInserts (chain, track.inserts, track.automation.inserts, buffer.data(), track.channels, blockFrames,
                                 blockPosition);
        sounding = true;
    }
    // Sends tap here, after the inserts, each on its own delay to its aux bus.
    tapSends (trackSendPaths[size_t (t)], track.sends, track.automation, track.faderGain, buffer.data(), track.channels,
              blockFrames, blockPosition, sounding, trackSendEnvelopes[size_t (t)].data());
    // A compensated track keeps sounding until the audio in its delay has come out.
    auto& delay = trackDelays[size_t (t)];
    if (delay.delayFrames() > 0 && (sounding || delay.holdsAudio()))
    {
        if (! sounding)
            buffer.clear (track.channels, blockFrames);
        delay.process (buffer.data(), track.channels, blockFrames, sounding);
        sounding = true;
    }
    // The fader stage: the audio here lags the timeline by the compensated latency.
    if (sounding && (track.automation.shapesGain() || ! track.automation.pan.empty()))
        applyAutomation (track.automation, track.faderGain, buffer.data(), track.channels, blockFrames,
                         blockPosition - trackLags[size_t (t)], trackEnvelopes[size_t (t)].data());
    trackSounding[size_t (t)] = sounding ? 1 : 0;
    if (meters != nullptr)
    {
        const float meterGain = track.automation.gainDb.empty() && track.automation.mute.empty() ? track.faderGain : 1.0f;
        meters->measureTrack (t, sounding ? buffer.data() : nullptr, track.channels, blockFrames,
                              track.audible ? meterGain : 0.0f, double (plan->sampleRate));
    }
}

void MixEngine::process (int64_t position, int numFrames, TrackSource& tracks, WorkerPool* workers) noexcept
{
    tracks.blockStarting (position, numFrames);
    master.clear (plan->masterChannels, numFrames);
    for (size_t b = 0; b < buses.size(); ++b)
        buses[b].clear (plan->buses[b].channels, numFrames);

    blockSource = &tracks;
    blockPosition = position;
    blockFrames = numFrames;
    const int trackCount = int (plan->tracks.size());
    if (workers != nullptr && tracks.allowsConcurrentReads())
        workers->run (&MixEngine::renderTrackTask, this, trackCount);
    else
        for (int t = 0; t < trackCount; ++t)
            renderTrack (t);

    // Summing stays serial and in track order: the same result with any number of workers.
    for (int t = 0; t < trackCount; ++t)
    {
        const auto& track = plan->tracks[size_t (t)];
        auto& glide = trackGlides[size_t (t)];
        if (trackSounding[size_t (t)] != 0)
            route (trackBuffers[size_t (t)].data(), track.routedChannels, track.destination, trackTargets[size_t (t)], glide,
                   numFrames);
        else
            glide = { trackTargets[size_t (t)], 0 };
        routeSends (trackSendPaths[size_t (t)], track.sends, track.routedChannels, numFrames);
    }

    for (int b : plan->busOrder)
    {
        const auto& bus = plan->buses[size_t (b)];
        auto& buffer = buses[size_t (b)];
        if (bus.automation.inserts.empty())
            runInserts (busInserts[size_t (b)], bus.inserts, buffer.data(), bus.channels, numFrames);
        else
            runAutomatedInserts (busInserts[size_t (b)], bus.inserts, bus.automation.inserts, buffer.data(), bus.channels,
                                 numFrames, position);
        auto& sendPaths = busSendPaths[size_t (b)];
        if (! sendPaths.empty())
        {
            tapSends (sendPaths, bus.sends, bus.automation, bus.gain, buffer.data(), bus.channels, numFrames, position, true,
                      busSendEnvelope.data());
            routeSends (sendPaths, bus.sends, bus.channels, numFrames);
        }
        if (bus.automation.shapesGain())
            applyAutomation (bus.automation, bus.gain, buffer.data(), bus.channels, numFrames, position - busLags[size_t (b)],
                             busEnvelope.data());
        else if (bus.gain != 1.0f)
            for (int c = 0; c < bus.channels; ++c)
                dsp::applyGain (buffer.channel (c), numFrames, bus.gain);
        busDelays[size_t (b)].process (buffer.data(), bus.channels, numFrames, true);
        if (meters != nullptr)
            meters->measureBus (b, buffer.data(), bus.channels, numFrames, double (plan->sampleRate));
        route (buffer.data(), bus.channels, bus.destination, bus.destination.matrix, busGlides[size_t (b)], numFrames);
    }

    if (plan->masterGain != 1.0f)
        for (int c = 0; c < plan->masterChannels; ++c)
            dsp::applyGain (master.channel (c), numFrames, plan->masterGain);
    if (meters != nullptr)
        meters->measureMaster (master.data(), plan->masterChannels, numFrames, double (plan->sampleRate));
}

void MixEngine::meterSilence (int numFrames) noexcept
{
    if (meters == nullptr)
        return;
    const double rate = double (plan->sampleRate);
    for (size_t t = 0; t < plan->tracks.size(); ++t)
        meters->measureTrack (int (t), nullptr, plan->tracks[t].channels, numFrames, 0.0f, rate);
    for (size_t b = 0; b < plan->buses.size(); ++b)
        meters->measureBus (int (b), nullptr, plan->buses[b].channels, numFrames, rate);
    meters->measureMaster (nullptr, plan->masterChannels, numFrames, rate);
}

void MixEngine::route (const float* const* source, int sourceChannels, const PlanDestination& destination,
                       const RoutingMatrix& target, Glide& glide, int numFrames) noexcept
{
    float* const* dest = destination.busIndex >= 0 ? buses[size_t (destination.busIndex)].data() : master.data();
    if (glide.framesLeft <= 0 || glide.applied == target)
    {
        glide = { target, 0 };
        for (int d = 0; d < destination.channels; ++d)
            for (int s = 0; s < sourceChannels; ++s)
                if (const float gain = target[size_t (d)][size_t (s)]; gain != 0.0f)
                    dsp::addWithGain (dest[d], source[s], numFrames, gain);
        return;
    }

    // Linear glide: the gain moves by (target - applied) / framesLeft each sample.
    const int gliding = std::min (numFrames, glide.framesLeft);
    for (int d = 0; d < destination.channels; ++d)
        for (int s = 0; s < sourceChannels; ++s)
        {
            const float from = glide.applied[size_t (d)][size_t (s)];
            const float to = target[size_t (d)][size_t (s)];
            if (from == 0.0f && to == 0.0f)
                continue;
            const float step = (to - from) / float (glide.framesLeft);
            float* out = dest[d];
            const float* in = source[s];
            for (int i = 0; i < gliding; ++i)
                out[i] += in[i] * (from + step * float (i + 1));
            if (gliding < numFrames)
                dsp::addWithGain (out + gliding, in + gliding, numFrames - gliding, to);
            glide.applied[size_t (d)][size_t (s)] = gliding < glide.framesLeft ? from + step * float (gliding) : to;
        }
    glide.framesLeft -= gliding;
    if (glide.framesLeft <= 0)
        glide.applied = target;
}
} // namespace sprocket::engine
