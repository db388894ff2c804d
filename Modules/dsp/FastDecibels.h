#pragma once

#include <cmath>

namespace sprocket::dsp
{
/** Per-sample dB conversions for the dynamics processors, in float through log2/exp2 (several
    times cheaper than log10/pow): 20 log10(x) = 20 log10(2) log2(x), and 20 log10(2) = 6.0206.
    Accurate to float precision, which is far below anything audible. [[any thread]] */
inline constexpr float dbPerOctave = 6.02059991f;

inline float fastGainToDb (float gain) noexcept
{
    return dbPerOctave * std::log2 (gain);
}

inline float fastDbToGain (float db) noexcept
{
    return std::exp2 (db * (1.0f / dbPerOctave));
}

/** One-pole coefficient for a time constant: y += (1 - a)(x - y) with a = exp(-1 / (tau fs))
    reaches 1 - 1/e (63.2 %) of a step after tau seconds. */
inline double onePoleCoefficient (double timeMs, double sampleRate) noexcept
{
    const double samples = timeMs * 0.001 * sampleRate;
    return samples <= 0.0 ? 0.0 : std::exp (-1.0 / samples);
}
} // namespace sprocket::dsp
