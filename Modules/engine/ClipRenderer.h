#pragma once

#include "engine/AudioBuffer.h"
#include "engine/MediaSource.h"
#include "engine/RenderPlan.h"
#include "engine/TrackSource.h"

namespace sprocket::engine
{
/** The clip stage of a track: every clip sounding in a block is read from its media, given its
    fades and clip gain, and summed (overlaps are crossfades). Used inline by the offline
    renderer and ahead of time by the disk streamer's butler. */
class ClipRenderer
{
public:
    /** [[message thread]] allocates. */
    void prepare (int maxBlockSize);

    /** Writes the track's clip audio for [position, position + numFrames) into dest; returns
        false, leaving dest untouched, when no clip sounds there. [[any thread]] real-time safe
        when `media` is. */
    bool render (const PlanTrack& track, int trackIndex, int64_t position, int numFrames, MediaSource& media,
                 float* const* dest) noexcept;

private:
    void addClip (const PlanTrack& track, int trackIndex, const PlanClip& clip, int64_t from, int n, int offset,
                  MediaSource& media, float* const* dest) noexcept;

    AudioBuffer clipBuffer;
};

/** A TrackSource that renders clips on demand from a MediaSource (offline). */
class MediaTrackSource final : public TrackSource
{
public:
    MediaTrackSource (MediaSource& media, int maxBlockSize);

    bool readTrack (const RenderPlan& plan, int trackIndex, int64_t position, int numFrames,
                    float* const* dest) noexcept override;

private:
    MediaSource& media;
    ClipRenderer renderer;
};
} // namespace sprocket::engine
