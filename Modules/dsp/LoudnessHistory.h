#pragma once

#include <cstdint>
#include <vector>

namespace sprocket::dsp
{
/** The last N momentary and short-term readings, one per 100 ms step, for loudness-over-time
    plots: a ring preallocated in prepare(), so adding never allocates; when full, the oldest
    readings are overwritten. Values are LUFS (-inf for silence) as floats: 8 bytes a step,
    576 kB for two hours.
    prepare() [[message thread]]; add() [[audio thread]] real-time safe; reading [[any thread]]
    while nothing adds. */
class LoudnessHistory
{
public:
    struct Reading
    {
        float momentaryLufs;
        float shortTermLufs;
    };

    void prepare (int capacitySteps);
    void reset() noexcept;

    void add (Reading reading) noexcept;

    /** Readings held (at most the capacity). */
    int size() const noexcept { return (int) std::min<int64_t> (added, (int64_t) ring.size()); }

    /** Steps added since reset(), including any overwritten. */
    int64_t totalAdded() const noexcept { return added; }

    /** Reading i of size(), oldest first. */
    Reading operator[] (int i) const noexcept;

private:
    std::vector<Reading> ring;
    int64_t added = 0;
};
} // namespace sprocket::dsp
