#pragma once

#include <vector>

namespace sprocket::engine
{
/** A fixed delay that lines a track or bus up with the slowest path to the same destination
    (plug-in delay compensation). Keeps count of how long the audio it holds still sounds, so a
    track that has gone quiet can skip it once its last samples have come out.
    Allocates only in prepare(). */
class CompensationDelay
{
public:
    /** [[message thread]] allocates. */
    void prepare (int numChannels, int delayFrames);

    int delayFrames() const noexcept { return delay; }

    /** True while audio fed in earlier has not all come out yet. */
    bool holdsAudio() const noexcept { return heldFrames > 0; }

    /** Delays `audio` in place. `inputSounding` false means the input is silence, so the line
        can tell when it has emptied. [[audio thread]] */
    void process (float* const* audio, int numChannels, int numFrames, bool inputSounding) noexcept;

    /** Exchanges contents with another line of the same length and width (a plan swap keeps
        the audio in flight). Returns false, changing nothing, when they differ. */
    bool swapStateWith (CompensationDelay& other) noexcept;

private:
    std::vector<float> line; // planar, `delay` frames per channel, circular
    int channels = 0;
    int delay = 0;
    int writeIndex = 0;
    int heldFrames = 0;
};
} // namespace sprocket::engine
