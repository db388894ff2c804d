#pragma once

#include <cstdint>

namespace sprocket::engine
{
/** Supplies media audio to the mixer at the session rate. The offline renderer reads files
    directly; the real-time engine will read the butler's ring buffers. Either way the mixer
    calls it the same way, so there is one mixing code path. */
class MediaSource
{
public:
    virtual ~MediaSource() = default;

    /** Fills dest[0..channels)[0..numFrames) with media `mediaIndex` from `startFrame` on, as
        heard by track `trackIndex`; frames it cannot supply are zeros. Returns the frames
        supplied. [[audio thread]] in real time: must not block. */
    virtual int64_t read (int trackIndex, int mediaIndex, int64_t startFrame, float* const* dest, int channels,
                          int numFrames) noexcept = 0;
};
} // namespace sprocket::engine
