#pragma once

#include "engine/RenderPlan.h"

#include <cstdint>

namespace sprocket::engine
{
/** Supplies each track's clip-stage audio (clips read, faded, gained and summed) to the mixer.
    Offline it is rendered on demand from the media; in real time it comes from the disk
    streamer's ring buffers. The mixer does the rest (fader, pan, buses) the same way for both. */
class TrackSource
{
public:
    virtual ~TrackSource() = default;

    /** Called before the tracks of each block are read. [[audio thread]] in real time. */
    virtual void blockStarting (int64_t /*position*/, int /*numFrames*/) noexcept {}

    /** Writes track `trackIndex`'s audio for [position, position + numFrames) into dest (the
        track's channel count). Returns false, leaving dest untouched, when the track is silent
        there. [[audio thread]] in real time: must not block. */
    virtual bool readTrack (const RenderPlan& plan, int trackIndex, int64_t position, int numFrames,
                            float* const* dest) noexcept = 0;

    /** True when readTrack may be called for different tracks from several threads at once. */
    virtual bool allowsConcurrentReads() const noexcept { return false; }

    /** The transport jumps to `position`: a streaming source starts buffering there.
        [[audio thread]] */
    virtual void locate (int64_t /*position*/) noexcept {}

    /** The transport loops over [start, end) (end <= start: no loop), so a streaming source can
        keep the loop's start ready for the wrap. [[audio thread]] */
    virtual void setLoop (int64_t /*start*/, int64_t /*end*/) noexcept {}

    /** True once playback of `plan` from `position` can start without underruns. [[audio thread]] */
    virtual bool readyAt (const RenderPlan& /*plan*/, int64_t /*position*/) noexcept { return true; }
};
} // namespace sprocket::engine
