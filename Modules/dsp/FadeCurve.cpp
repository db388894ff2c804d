#include "dsp/FadeCurve.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sprocket::dsp
{
double fadeGain (FadeShape shape, double x) noexcept
{
    x = std::clamp (x, 0.0, 1.0);
    switch (shape)
    {
        case FadeShape::linear: return x;
        case FadeShape::equalPower: return std::sin (x * std::numbers::pi / 2.0);
        case FadeShape::sCurve: return 0.5 - 0.5 * std::cos (std::numbers::pi * x);
    }
    return x;
}

std::string_view fadeShapeName (FadeShape shape) noexcept
{
    switch (shape)
    {
        case FadeShape::linear: return "linear";
        case FadeShape::equalPower: return "equal_power";
        case FadeShape::sCurve: return "s_curve";
    }
    return "linear";
}

std::optional<FadeShape> parseFadeShape (std::string_view name) noexcept
{
    for (auto shape : { FadeShape::linear, FadeShape::equalPower, FadeShape::sCurve })
        if (fadeShapeName (shape) == name)
            return shape;
    return std::nullopt;
}

void applyFadeIn (float* samples, int n, int64_t offset, int64_t length, FadeShape shape) noexcept
{
    const double scale = 1.0 / double (length);
    for (int k = 0; k < n; ++k)
        samples[k] *= float (fadeGain (shape, double (offset + k) * scale));
}

void applyFadeOut (float* samples, int n, int64_t samplesToEnd, int64_t length, FadeShape shape) noexcept
{
    const double scale = 1.0 / double (length);
    for (int k = 0; k < n; ++k)
        samples[k] *= float (fadeGain (shape, double (samplesToEnd - k) * scale));
}
} // namespace sprocket::dsp
