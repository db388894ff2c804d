#include "dsp/LoudnessRange.h"

#include <cmath>

namespace sprocket::dsp
{
double LoudnessRange::loudnessRangeLu() const noexcept
{
    const auto all = histogram.sumAtOrAbove (0.0);
    if (all.count == 0)
        return 0.0;

    const double gate = all.energy / (double) all.count * std::pow (10.0, relativeGateLu / 10.0);
    const auto gated = histogram.sumAtOrAbove (gate);
    if (gated.count == 0)
        return 0.0;

    const auto rankOf = [&] (double p) { return (uint64_t) std::llround ((double) (gated.count - 1) * p); };
    const double low = histogram.energyAtRank (gate, rankOf (lowPercentile));
    const double high = histogram.energyAtRank (gate, rankOf (highPercentile));
    // A difference of loudness levels: the -0.691 offsets cancel.
    return 10.0 * std::log10 (high / low);
}
} // namespace sprocket::dsp
