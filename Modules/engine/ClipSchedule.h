#pragma once

#include "engine/RenderPlan.h"

#include <algorithm>

namespace sprocket::engine
{
/** Calls visit(clip, from, count) for every clip of `track` that sounds in
    [position, position + numFrames), in plan order, with the overlapping part of the clip. Overlapping clips make the
    clip list unsearchable by end, hence the running max-end array. [[any thread]] real-time safe. */
template <typename Visitor>
void forEachClipInBlock (const PlanTrack& track, int64_t position, int numFrames, Visitor&& visit) noexcept
{
    const int64_t blockEnd = position + numFrames;
    // maxEndUpTo is non-decreasing, so the first clip that can reach into this block is found
    // by binary search even when clips overlap.
    auto first = std::upper_bound (track.maxEndUpTo.begin(), track.maxEndUpTo.end(), position);
    for (auto i = size_t (first - track.maxEndUpTo.begin()); i < track.clips.size(); ++i)
    {
        const auto& clip = track.clips[i];
        if (clip.start >= blockEnd)
            break;
        if (clip.end <= position)
            continue;
        const int64_t from = std::max (position, clip.start);
        const int64_t to = std::min (blockEnd, clip.end);
        visit (clip, from, int (to - from));
    }
}
} // namespace sprocket::engine
