#pragma once

#include "engine/AudioBuffer.h"
#include "engine/RenderPlan.h"
#include "engine/TrackSource.h"

#include <vector>

namespace sprocket::engine
{
/** Mixes blocks of a RenderPlan: each audible track's clip-stage audio (from a TrackSource) ->
    fader and pan -> buses (deepest first) -> master. The offline renderer and the real-time
    engine both call process(); it allocates only in prepare(). */
class MixEngine
{
public:
    /** Sizes every buffer for the plan. [[message thread]] (allocates) */
    void prepare (const RenderPlan& plan, int maxBlockSize);

    /** Mixes [position, position + numFrames) into the master and bus buffers.
        numFrames <= maxBlockSize. [[audio thread]] no allocation, no locks. */
    void process (int64_t position, int numFrames, TrackSource& tracks) noexcept;

    /** Planar master output of the last process() call, masterChannels() channels. */
    const float* const* masterOutput() const noexcept { return master.data(); }
    int masterChannels() const noexcept { return plan != nullptr ? plan->masterChannels : 0; }

    /** A bus's stem of the last block: after the bus gain, before the master gain. */
    const float* const* busOutput (int busIndex) const noexcept { return buses[size_t (busIndex)].data(); }

    const RenderPlan* currentPlan() const noexcept { return plan; }
    int maxBlockSize() const noexcept { return maxBlock; }

private:
    void route (const float* const* source, int sourceChannels, const PlanDestination& destination, int numFrames) noexcept;

    const RenderPlan* plan = nullptr;
    int maxBlock = 0;
    AudioBuffer trackBuffer, master;
    std::vector<AudioBuffer> buses;
};
} // namespace sprocket::engine
