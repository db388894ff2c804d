#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

namespace sprocket::io::test
{
/** A deterministic planar test signal: a different sine per channel plus a little LCG noise,
    quantised to 2^-(bits-1) so it survives an integer format of that width bit for bit.
    bits = 0 leaves it unquantised. Channels past the first are 48 dB down, so on a 32-bit grid
    their integer values stay within float's 24-bit mantissa and still read back exactly. */
inline std::vector<std::vector<float>> makeTestSignal (int channels, int64_t frames, int bits, double peak = 0.9)
{
    std::vector<std::vector<float>> signal (static_cast<size_t> (channels), std::vector<float> (static_cast<size_t> (frames)));
    uint32_t noise = 12345;

    for (int ch = 0; ch < channels; ++ch)
    {
        const double level = ch == 0 ? peak : peak / 256.0;

        for (int64_t i = 0; i < frames; ++i)
        {
            noise = noise * 1664525u + 1013904223u;
            const double random = static_cast<double> (noise >> 8) / static_cast<double> (1u << 24) - 0.5;
            const double phase = 2.0 * std::numbers::pi * static_cast<double> (i) * 0.0123 * (ch + 1);
            double value = level * (0.95 * std::sin (phase) + 0.05 * random);

            if (bits == 32)
            {
                // Full scale on the 24-bit grid (float's mantissa); small channels use all 32 bits.
                const double scale = ch == 0 ? std::ldexp (1.0, 23) : std::ldexp (1.0, 31);
                value = std::round (value * scale) / scale;
            }
            else if (bits > 0)
            {
                const double scale = std::ldexp (1.0, bits - 1);
                value = std::round (value * scale) / scale;
            }

            signal[static_cast<size_t> (ch)][static_cast<size_t> (i)] = static_cast<float> (value);
        }
    }

    return signal;
}

inline std::vector<const float*> pointersTo (const std::vector<std::vector<float>>& planar)
{
    std::vector<const float*> pointers;

    for (const auto& channel : planar)
        pointers.push_back (channel.data());

    return pointers;
}

inline std::vector<float*> pointersTo (std::vector<std::vector<float>>& planar)
{
    std::vector<float*> pointers;

    for (auto& channel : planar)
        pointers.push_back (channel.data());

    return pointers;
}
} // namespace sprocket::io::test
