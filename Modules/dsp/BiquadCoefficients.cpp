#include "dsp/BiquadCoefficients.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

namespace sprocket::dsp
{
namespace
{
    struct Angle
    {
        double cosw, alpha;
    };

    // w0 = 2 pi f / fs; alpha = sin(w0) / 2Q sets the bandwidth. Corners are kept inside
    // (0, 0.49 fs): at Nyquist itself the design degenerates.
    Angle angleFor (double sampleRate, double freq, double q) noexcept
    {
        freq = std::clamp (freq, 1.0, 0.49 * sampleRate);
        const double w0 = 2.0 * std::numbers::pi * freq / sampleRate;
        return { std::cos (w0), std::sin (w0) / (2.0 * std::max (q, 1.0e-3)) };
    }

    BiquadCoefficients normalise (double b0, double b1, double b2, double a0, double a1, double a2) noexcept
    {
        return { b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0 };
    }
}

BiquadCoefficients BiquadCoefficients::peaking (double sampleRate, double freq, double q, double gainDb) noexcept
{
    const auto [cosw, alpha] = angleFor (sampleRate, freq, q);
    const double a = std::pow (10.0, gainDb / 40.0); // sqrt of the linear gain
    return normalise (1.0 + alpha * a, -2.0 * cosw, 1.0 - alpha * a,
                      1.0 + alpha / a, -2.0 * cosw, 1.0 - alpha / a);
}

BiquadCoefficients BiquadCoefficients::highPass (double sampleRate, double freq, double q) noexcept
{
    const auto [cosw, alpha] = angleFor (sampleRate, freq, q);
    return normalise ((1.0 + cosw) / 2.0, -(1.0 + cosw), (1.0 + cosw) / 2.0,
                      1.0 + alpha, -2.0 * cosw, 1.0 - alpha);
}

BiquadCoefficients BiquadCoefficients::lowPass (double sampleRate, double freq, double q) noexcept
{
    const auto [cosw, alpha] = angleFor (sampleRate, freq, q);
    return normalise ((1.0 - cosw) / 2.0, 1.0 - cosw, (1.0 - cosw) / 2.0,
                      1.0 + alpha, -2.0 * cosw, 1.0 - alpha);
}

BiquadCoefficients BiquadCoefficients::notch (double sampleRate, double freq, double q) noexcept
{
    const auto [cosw, alpha] = angleFor (sampleRate, freq, q);
    return normalise (1.0, -2.0 * cosw, 1.0, 1.0 + alpha, -2.0 * cosw, 1.0 - alpha);
}

double BiquadCoefficients::magnitudeDb (double sampleRate, double freq) const noexcept
{
    const auto z1 = std::polar (1.0, -2.0 * std::numbers::pi * freq / sampleRate);
    const auto z2 = z1 * z1;
    const auto h = (b0 + b1 * z1 + b2 * z2) / (1.0 + a1 * z1 + a2 * z2);
    return 20.0 * std::log10 (std::abs (h));
}
} // namespace sprocket::dsp
