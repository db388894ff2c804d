#pragma once

#include "engine/MediaSource.h"
#include "engine/RenderPlan.h"

#include <vector>

namespace sprocket::engine
{
/** Renders blocks of a RenderPlan: clips (source offset, clip gain, fades, overlaps summed as
    crossfades) -> track fader and pan -> buses -> master. The offline renderer and the
    real-time engine both call process(); it allocates only in prepare(). */
class MixEngine
{
public:
    /** Sizes every buffer for the plan. [[message thread]] (allocates) */
    void prepare (const RenderPlan& plan, int maxBlockSize);

    /** Mixes [position, position + numFrames) into the master and bus buffers.
        numFrames <= maxBlockSize. [[audio thread]] no allocation, no locks. */
    void process (int64_t position, int numFrames, MediaSource& media) noexcept;

    /** Planar master output of the last process() call, masterChannels() channels. */
    const float* const* masterOutput() const noexcept { return masterPointers.data(); }
    int masterChannels() const noexcept { return plan != nullptr ? plan->masterChannels : 0; }

    /** A bus's stem of the last block: after the bus gain, before the master gain. */
    const float* const* busOutput (int busIndex) const noexcept { return busPointers[size_t (busIndex)].data(); }

private:
    struct Buffer
    {
        std::vector<float> samples;
        std::vector<float*> pointers;
        void allocate (int channels, int frames);
        void clear (int channels, int frames) noexcept;
    };

    void mixTrack (int trackIndex, int64_t position, int numFrames, MediaSource& media) noexcept;
    void addClip (int trackIndex, const PlanClip& clip, int64_t from, int n, int offset, MediaSource& media) noexcept;
    void route (const float* const* source, int sourceChannels, const PlanDestination& destination, int numFrames) noexcept;
    float* const* destinationPointers (const PlanDestination& destination) noexcept;

    const RenderPlan* plan = nullptr;
    int maxBlock = 0;
    Buffer trackBuffer, clipBuffer, master;
    std::vector<Buffer> buses;
    std::vector<float*> masterPointers;
    std::vector<std::vector<float*>> busPointers;
};
} // namespace sprocket::engine
