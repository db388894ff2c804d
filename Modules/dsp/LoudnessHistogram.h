#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sprocket::dsp
{
/** Block energies collected in fixed memory, however long the programme: one bin per 0.01 LU
    from -70 to +30 LUFS (blocks below -70 LUFS are gated out by every BS.1770/Tech 3342 rule, and
    +30 LUFS is beyond any signal within full scale), each bin holding its block count and the
    exact sum of its blocks' energies.

    Keeping the energy sum per bin makes power means exact (the relative gates and the integrated
    level are means of energies); only decisions about single blocks use the bin, i.e. a block
    within 0.01 LU of a relative gate is kept or dropped together with its bin (by the bin's mean
    energy), and a percentile reads the mean energy of the bin it falls in. A list of 72,000
    blocks for a two-hour film would be exact too but grows on the audio thread; this does not.
    prepare() [[message thread]]; add() [[audio thread]] real-time safe; queries [[any thread]]
    while nothing adds (they read every bin: 10,000 steps). */
class LoudnessHistogram
{
public:
    static constexpr double lowestLufs = -70.0;
    static constexpr double highestLufs = 30.0;
    static constexpr double binWidthLu = 0.01;

    void prepare();
    void reset() noexcept;

    /** Adds one block by its energy (10^((L + 0.691) / 10)); blocks below -70 LUFS are ignored. */
    void add (double energy) noexcept;

    uint64_t count() const noexcept { return totalCount; }

    /** Blocks and energy sum over the bins whose mean energy is at least `threshold`. */
    struct Sum
    {
        uint64_t count = 0;
        double energy = 0.0;
    };
    Sum sumAtOrAbove (double thresholdEnergy) const noexcept;

    /** Mean energy of the block at `rank` (0 = quietest) among blocks at or above the threshold,
        as the mean of its bin. Needs rank < sumAtOrAbove (thresholdEnergy).count. */
    double energyAtRank (double thresholdEnergy, uint64_t rank) const noexcept;

private:
    int binOf (double energy) const noexcept;
    bool binPasses (size_t bin, double thresholdEnergy) const noexcept;

    std::vector<uint64_t> counts;
    std::vector<double> energies;
    double lowestEnergy = 0.0;
    uint64_t totalCount = 0;
};
} // namespace sprocket::dsp
