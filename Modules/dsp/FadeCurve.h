#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sprocket::dsp
{
/** Fade shapes as the session names them. Each maps progress x in [0, 1] to a gain
    g(x) with g(0) = 0 and g(1) = 1; a fade-out plays g(1 - x).
      linear:      g = x                  fade-in + fade-out = 1: transparent on correlated material
      equal_power: g = sin(x * pi / 2)    fade-in^2 + fade-out^2 = 1: transparent in power on uncorrelated
      s_curve:     g = (1 - cos(pi x))/2  sums to 1 like linear, but starts and ends gently */
enum class FadeShape
{
    linear,
    equalPower,
    sCurve
};

double fadeGain (FadeShape shape, double x) noexcept;

std::string_view fadeShapeName (FadeShape shape) noexcept;
std::optional<FadeShape> parseFadeShape (std::string_view name) noexcept;

/** Multiplies samples [0, n) of a fade-in of `length` samples, starting `offset` samples into it:
    sample k gets g((offset + k) / length), so the first sample of a fade-in is silent.
    [[any thread]] real-time safe. */
void applyFadeIn (float* samples, int n, int64_t offset, int64_t length, FadeShape shape) noexcept;

/** Multiplies samples of a fade-out that ends `samplesToEnd` samples after the first one:
    sample k gets g((samplesToEnd - k) / length). With this convention a fade-out and a fade-in
    over the same span sum (linear) or power-sum (equal_power) to exactly 1 at every sample.
    [[any thread]] real-time safe. */
void applyFadeOut (float* samples, int n, int64_t samplesToEnd, int64_t length, FadeShape shape) noexcept;
} // namespace sprocket::dsp
