#include "dsp/LoudnessHistogram.h"

#include "dsp/LoudnessMath.h"

#include <algorithm>
#include <cmath>

namespace sprocket::dsp
{
static constexpr int numBins = (int) ((LoudnessHistogram::highestLufs - LoudnessHistogram::lowestLufs)
                                      / LoudnessHistogram::binWidthLu + 0.5);

void LoudnessHistogram::prepare()
{
    counts.assign ((size_t) numBins, 0);
    energies.assign ((size_t) numBins, 0.0);
    lowestEnergy = energyFromLufs (lowestLufs);
    totalCount = 0;
}

void LoudnessHistogram::reset() noexcept
{
    std::fill (counts.begin(), counts.end(), 0);
    std::fill (energies.begin(), energies.end(), 0.0);
    totalCount = 0;
}

int LoudnessHistogram::binOf (double energy) const noexcept
{
    // Clamped as a double first: silence (-inf LUFS) and NaN must not reach the int conversion.
    const double index = (lufsFromEnergy (energy) - lowestLufs) / binWidthLu;
    if (! (index >= 0.0))
        return 0;
    return (int) std::min (index, (double) (numBins - 1));
}

void LoudnessHistogram::add (double energy) noexcept
{
    // BS.1770's absolute gate keeps blocks above -70 LUFS; ">=" as libebur128 does, which only
    // differs for a block exactly at the gate.
    if (! (energy >= lowestEnergy) || counts.empty())
        return;

    const auto bin = (size_t) binOf (energy);
    ++counts[bin];
    energies[bin] += energy;
    ++totalCount;
}

bool LoudnessHistogram::binPasses (size_t bin, double thresholdEnergy) const noexcept
{
    return counts[bin] > 0 && energies[bin] >= thresholdEnergy * (double) counts[bin];
}

LoudnessHistogram::Sum LoudnessHistogram::sumAtOrAbove (double thresholdEnergy) const noexcept
{
    Sum sum;
    if (counts.empty())
        return sum;

    // Bins wholly below the threshold's bin cannot pass; start one bin lower to judge the bin
    // that straddles it by its mean.
    const size_t first = (size_t) std::max (0, binOf (thresholdEnergy) - 1);
    for (size_t bin = first; bin < counts.size(); ++bin)
        if (binPasses (bin, thresholdEnergy))
        {
            sum.count += counts[bin];
            sum.energy += energies[bin];
        }
    return sum;
}

double LoudnessHistogram::energyAtRank (double thresholdEnergy, uint64_t rank) const noexcept
{
    if (counts.empty())
        return 0.0;

    const size_t first = (size_t) std::max (0, binOf (thresholdEnergy) - 1);
    uint64_t seen = 0;
    for (size_t bin = first; bin < counts.size(); ++bin)
        if (binPasses (bin, thresholdEnergy))
        {
            seen += counts[bin];
            if (rank < seen)
                return energies[bin] / (double) counts[bin];
        }
    return 0.0;
}
} // namespace sprocket::dsp
