#include "dsp/SineFit.h"

#include <cmath>

namespace sprocket::dsp
{
namespace
{
    /** Amplitude and phase at one frequency (2x2 normal equations) and the residual energy. */
    SineFit solveAt (std::span<const float> x, int64_t first, int64_t end, double omega, double& residualEnergy) noexcept
    {
        SineFit fit;
        fit.omega = omega;
        fit.centre = 0.5 * (double) (first + end - 1);
        double cc = 0.0, ss = 0.0, cs = 0.0, xc = 0.0, xs = 0.0, xx = 0.0;
        // A rotation per sample, exact enough over a pop (a few thousand steps in double).
        double c = std::cos (omega * ((double) first - fit.centre)), s = std::sin (omega * ((double) first - fit.centre));
        const double stepC = std::cos (omega), stepS = std::sin (omega);
        for (int64_t n = first; n < end; ++n)
        {
            const double v = x[(size_t) n];
            cc += c * c;
            ss += s * s;
            cs += c * s;
            xc += v * c;
            xs += v * s;
            xx += v * v;
            const double next = c * stepC - s * stepS;
            s = s * stepC + c * stepS;
            c = next;
        }
        const double determinant = cc * ss - cs * cs;
        if (determinant <= 0.0)
        {
            residualEnergy = xx;
            return fit;
        }
        fit.cosine = (ss * xc - cs * xs) / determinant;
        fit.sine = (cc * xs - cs * xc) / determinant;
        residualEnergy = xx - (fit.cosine * xc + fit.sine * xs);
        return fit;
    }

    double residualAt (std::span<const float> x, int64_t first, int64_t end, double omega) noexcept
    {
        double energy = 0.0;
        solveAt (x, first, end, omega, energy);
        return energy;
    }
} // namespace

double SineFit::amplitude() const noexcept
{
    return std::hypot (cosine, sine);
}

double SineFit::at (int64_t n) const noexcept
{
    const double phase = omega * ((double) n - centre);
    return cosine * std::cos (phase) + sine * std::sin (phase);
}

SineFit fitSine (std::span<const float> x, int64_t first, int64_t end, double omegaLow, double omegaHigh) noexcept
{
    // The residual's main lobe is about 2 pi / length wide; 64 grid steps across a +-2 % band
    // are finer than that for any stretch up to a few hundred milliseconds of 1 kHz.
    constexpr int gridSteps = 64;
    const double step = (omegaHigh - omegaLow) / gridSteps;
    int best = 0;
    double bestEnergy = residualAt (x, first, end, omegaLow);
    for (int k = 1; k <= gridSteps; ++k)
        if (const double e = residualAt (x, first, end, omegaLow + k * step); e < bestEnergy)
        {
            bestEnergy = e;
            best = k;
        }

    double lo = omegaLow + std::max (0, best - 1) * step;
    double hi = omegaLow + std::min (gridSteps, best + 1) * step;
    const double golden = 0.5 * (std::sqrt (5.0) - 1.0);
    double a = hi - golden * (hi - lo), b = lo + golden * (hi - lo);
    double fa = residualAt (x, first, end, a), fb = residualAt (x, first, end, b);
    for (int iteration = 0; iteration < 80 && hi - lo > 1e-13; ++iteration)
    {
        if (fa < fb)
        {
            hi = b;
            b = a;
            fb = fa;
            a = hi - golden * (hi - lo);
            fa = residualAt (x, first, end, a);
        }
        else
        {
            lo = a;
            a = b;
            fa = fb;
            b = lo + golden * (hi - lo);
            fb = residualAt (x, first, end, b);
        }
    }

    double ignored = 0.0;
    SineFit fit = solveAt (x, first, end, 0.5 * (lo + hi), ignored);
    double squares = 0.0;
    for (int64_t n = first; n < end; ++n)
    {
        const double r = (double) x[(size_t) n] - fit.at (n);
        squares += r * r;
    }
    fit.residualRms = end > first ? std::sqrt (squares / (double) (end - first)) : 0.0;
    return fit;
}
} // namespace sprocket::dsp
