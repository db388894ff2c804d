#pragma once

#include "dsp/Processor.h"
#include "engine/AudioBuffer.h"
#include "engine/CompensationDelay.h"
#include "engine/MeterBank.h"
#include "engine/RenderPlan.h"
#include "engine/TrackSource.h"
#include "engine/WorkerPool.h"

#include <vector>

namespace sprocket::engine
{
/** Mixes blocks of a RenderPlan: each audible track's clip-stage audio (from a TrackSource) ->
    inserts -> delay compensation -> fader and pan -> buses (deepest first) -> master. Aux sends
    copy a track or bus after its inserts, run their own delay and fader stage (pre-fader: pan
    and mute only; post-fader: the strip's gain too) and sum into their bus before that bus is
    processed. The offline renderer and
    the real-time engine both call process(); it allocates only in prepare().

    Delay compensation: every source of a bus (or of the master) is delayed to arrive together
    with the slowest one, so tracks, stems and the master stay phase-aligned whatever latency
    their inserts report. Each send is a path of its own with its own delay, tapped after its
    strip's inserts, so a track reaching the master both directly and through a slow reverb
    return lines up in both. The outputs then lag the timeline by latency() (the
    master) and busLatency() (a stem); the offline renderer drops those leading samples. */
class MixEngine
{
public:
    /** Sizes every buffer for the plan. [[message thread]] (allocates) */
    void prepare (const RenderPlan& plan, int maxBlockSize);

    /** Mixes [position, position + numFrames) into the master and bus buffers.
        numFrames <= maxBlockSize. With a worker pool, and a track source that allows
        concurrent reads, the tracks' clip and insert stages run in parallel; routing then sums
        them in track order, so the result is identical to the single-threaded one.
        [[audio thread]] no allocation, no locks. */
    void process (int64_t position, int numFrames, TrackSource& tracks, WorkerPool* workers = nullptr) noexcept;

    /** Planar master output of the last process() call, masterChannels() channels. */
    const float* const* masterOutput() const noexcept { return master.data(); }
    int masterChannels() const noexcept { return plan != nullptr ? plan->masterChannels : 0; }

    /** A bus's stem of the last block: after the bus gain, before the master gain. */
    const float* const* busOutput (int busIndex) const noexcept { return buses[size_t (busIndex)].data(); }

    /** How many samples the master output lags the timeline (the compensated insert latency). */
    int latency() const noexcept { return masterLatency; }
    /** How many samples a bus's stem lags the timeline. */
    int busLatency (int busIndex) const noexcept { return busLatencies[size_t (busIndex)]; }
    /** The compensation delay a track gets, to line up with the slowest source of its destination. */
    int trackCompensation (int trackIndex) const noexcept { return trackDelays[size_t (trackIndex)].delayFrames(); }

    /** Meters every track (post-fader), bus and the master into `bank` each block; null stops it.
        [[message thread]], before the mixer reaches the audio thread. */
    void setMeters (MeterBank* bank) noexcept { meters = bank; }

    /** Feeds the meters a silent block, so they fall back while the transport is stopped.
        [[audio thread]] */
    void meterSilence (int numFrames) noexcept;

    const RenderPlan* currentPlan() const noexcept { return plan; }
    int maxBlockSize() const noexcept { return maxBlock; }

    /** Continues the gains `previous` was applying, for tracks and buses that survive into this
        plan (trackMap[i] / busMap[i]: index in the previous plan, or -1), so a fader, pan, mute
        or solo change glides over `smoothingFrames` instead of jumping.
        [[audio thread]] no allocation. */
    void takeOverFrom (MixEngine& previous, const std::vector<int>& trackMap, const std::vector<int>& busMap) noexcept;

    /** 10 ms at 48 kHz: a gain change spread over this is free of zipper noise and clicks
        and still follows a fader hand without audible lag. */
    static constexpr int smoothingFrames = 480;

private:
    /** The gains a route is applying now, gliding linearly to its target. */
    struct Glide
    {
        RoutingMatrix applied {};
        int framesLeft = 0;
    };

    /** One aux send's path: its copy of the strip's audio, its own compensation delay to the
        aux bus's latest arrival, and its gains (silence while it or its track is muted). */
    struct SendPath
    {
        RoutingMatrix target {};
        Glide glide;
        AudioBuffer audio; // the send's signal this block, routedChannels wide
        CompensationDelay delay;
        int lag = 0;           // how far behind the timeline its fader stage runs
        bool sounding = false; // this block; written by the thread that rendered the strip
    };

    using InsertChain = std::vector<std::unique_ptr<dsp::Processor>>;

    void renderTrack (int trackIndex) noexcept;
    static void renderTrackTask (void* self, int trackIndex) noexcept;

    void route (const float* const* source, int sourceChannels, const PlanDestination& destination, const RoutingMatrix& target,
                Glide& glide, int numFrames) noexcept;
    static void runInserts (InsertChain& chain, const std::vector<PlanInsert>& slots, float* const* audio, int channels,
                            int numFrames) noexcept;
    static void carryOver (InsertChain& into, InsertChain& from) noexcept;
    static InsertChain makeChain (const std::vector<PlanInsert>& inserts, double sampleRate, int maxBlock, int channels);
    static int chainLatency (const InsertChain& chain, const std::vector<PlanInsert>& slots) noexcept;
    static void runAutomatedInserts (InsertChain& chain, const std::vector<PlanInsert>& slots,
                                     const std::vector<PlanInsertLane>& lanes, float* const* audio, int channels, int numFrames,
                                     int64_t position) noexcept;
    /** Gain and mute automation as a per-sample envelope over the block (into `envelope`),
        multiplied into `audio`; pan automation turns `audio` (mono or stereo) into a panned
        stereo pair. `position` is the timeline sample the block's audio belongs to. */
    static void applyAutomation (const PlanAutomation& automation, float staticGain, float* const* audio, int channels,
                                 int numFrames, int64_t position, float* envelope) noexcept;
    /** Pan automation alone: `audio` (mono or stereo) becomes a panned stereo pair. */
    static void applyPan (const PlanLane& pan, float* const* audio, int channels, int numFrames, int64_t position) noexcept;

    /** The sends stage (MixEngineSends.cpp). Sizes every send's path. [[message thread]] */
    void prepareSends();
    /** Gives each send the delay that brings its tap (`tapLatency` behind the timeline) to its
        aux bus's latest arrival (`arrival`, per bus). [[message thread]] */
    static void prepareSendDelays (std::vector<SendPath>& paths, const std::vector<PlanSend>& sends, int channels, int tapLatency,
                                   const std::vector<int>& arrival);
    /** Copies the strip's audio after its inserts into each send's path, delays it, and runs
        the send's fader stage: post-fader the strip's gain and mute (`staticGain` or their
        lanes; otherwise the fader is in the send's matrix), pre-fader only the mute lane;
        then the pan lane and the send's own level lane. [[audio thread]] one strip per thread. */
    void tapSends (std::vector<SendPath>& paths, const std::vector<PlanSend>& sends, const PlanAutomation& automation,
                   float staticGain, const float* const* audio, int channels, int numFrames, int64_t position, bool sounding,
                   float* envelope) noexcept;
    /** Sums each sounding send into its aux bus (serially, in plan order). [[audio thread]] */
    void routeSends (std::vector<SendPath>& paths, const std::vector<PlanSend>& sends, int routedChannels,
                     int numFrames) noexcept;
    static void takeOverSends (std::vector<SendPath>& into, const std::vector<PlanSend>& sends, std::vector<SendPath>& from,
                               const std::vector<PlanSend>& fromSends) noexcept;
    void prepareCompensation();

    const RenderPlan* plan = nullptr;
    int maxBlock = 0;
    AudioBuffer master;
    std::vector<AudioBuffer> trackBuffers; // one per track, so tracks can render in parallel
    std::vector<char> trackSounding;       // per track, written by whichever thread rendered it
    TrackSource* blockSource = nullptr;    // the block being rendered, for the worker tasks
    int64_t blockPosition = 0;
    int blockFrames = 0;
    std::vector<AudioBuffer> buses;
    std::vector<RoutingMatrix> trackTargets; // the plan's matrix, or silence when not audible
    std::vector<Glide> trackGlides, busGlides;
    std::vector<InsertChain> trackInserts, busInserts;
    std::vector<CompensationDelay> trackDelays, busDelays;
    std::vector<int> busLatencies;
    std::vector<int> trackLags, busLags;            // how far behind the timeline each strip's fader stage runs
    std::vector<std::vector<float>> trackEnvelopes; // per automated track (tracks render in parallel)
    std::vector<float> busEnvelope;
    std::vector<std::vector<SendPath>> trackSendPaths, busSendPaths;
    std::vector<std::vector<float>> trackSendEnvelopes; // per track with sends (tracks render in parallel)
    std::vector<float> busSendEnvelope;
    int masterLatency = 0;
    MeterBank* meters = nullptr;
};
} // namespace sprocket::engine
