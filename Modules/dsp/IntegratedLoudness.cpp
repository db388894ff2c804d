#include "dsp/IntegratedLoudness.h"

#include "dsp/LoudnessMath.h"

#include <cmath>
#include <limits>

namespace sprocket::dsp
{
double IntegratedLoudness::relativeGateLufs() const noexcept
{
    const auto all = histogram.sumAtOrAbove (0.0);
    if (all.count == 0)
        return -std::numeric_limits<double>::infinity();
    return lufsFromEnergy (all.energy / (double) all.count) + relativeGateLu;
}

double IntegratedLoudness::integratedLufs() const noexcept
{
    const auto all = histogram.sumAtOrAbove (0.0);
    if (all.count == 0)
        return -std::numeric_limits<double>::infinity();

    // The relative gate as an energy: the mean energy times 10^(-10 / 10).
    const double gate = all.energy / (double) all.count * std::pow (10.0, relativeGateLu / 10.0);
    const auto gated = histogram.sumAtOrAbove (gate);
    return gated.count == 0 ? -std::numeric_limits<double>::infinity()
                            : lufsFromEnergy (gated.energy / (double) gated.count);
}
} // namespace sprocket::dsp
