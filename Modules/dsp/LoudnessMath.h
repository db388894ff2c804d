#pragma once

#include <cmath>
#include <limits>

namespace sprocket::dsp
{
/** Loudness arithmetic shared by the loudness classes. [[any thread]]

    BS.1770-4 defines loudness as L = -0.691 + 10 log10(sum_i G_i z_i), where z_i is the mean square
    of channel i after K-weighting and G_i its weight. The -0.691 dB offset cancels the K-weighting
    gain at 1 kHz (+0.691 dB), so a 1 kHz sine of peak A in both channels of a stereo pair (each
    channel's mean square A^2 / 2, summed: A^2) reads 20 log10(A) LUFS: -23 dBFS peak gives
    -23 LUFS, which is how EBU Tech 3341 states its test levels. We keep "energies" (the weighted
    mean-square sums) through gating and averaging and convert to LUFS only at the end, because
    BS.1770 averages energies, never decibels. */
inline constexpr double loudnessOffsetDb = -0.691;

inline double lufsFromEnergy (double energy) noexcept
{
    return energy > 0.0 ? loudnessOffsetDb + 10.0 * std::log10 (energy) : -std::numeric_limits<double>::infinity();
}

inline double energyFromLufs (double lufs) noexcept
{
    return std::pow (10.0, (lufs - loudnessOffsetDb) / 10.0);
}

/** Samples in the 100 ms step on which gating blocks, momentary and short-term values advance:
    fs / 10 rounded to the nearest sample (4410 at 44.1 kHz, 4800 at 48 kHz, 9600 at 96 kHz;
    the rounding matters only at rates that are not multiples of 10 Hz). */
inline int samplesPer100ms (double sampleRate) noexcept
{
    return (int) std::lround (sampleRate / 10.0);
}
} // namespace sprocket::dsp
