#pragma once

#include <cstdint>
#include <span>

namespace sprocket::dsp
{
/** A sinusoid fitted by least squares to a stretch of samples:
    x[n] ~ cosine * cos (omega (n - centre)) + sine * sin (omega (n - centre)).
    Measuring phase from the stretch's centre keeps the two basis functions nearly orthogonal. */
struct SineFit
{
    double omega = 0.0; // radians per sample
    double cosine = 0.0;
    double sine = 0.0;
    double centre = 0.0;
    double residualRms = 0.0; // of x minus the fit over the fitted stretch

    double amplitude() const noexcept;

    /** The fitted sinusoid at sample n, inside the stretch or extrapolated beyond it. */
    double at (int64_t n) const noexcept;
};

/** Fits x[first, end) with amplitude and phase solved exactly for each trial frequency and the
    frequency searched in [omegaLow, omegaHigh] (a grid fine enough to land in the main lobe, then
    golden-section search). [[any thread]] (no allocation) */
SineFit fitSine (std::span<const float> x, int64_t first, int64_t end, double omegaLow, double omegaHigh) noexcept;
} // namespace sprocket::dsp
