#include "dsp/MixKernels.h"

#include <cstring>

namespace sprocket::dsp
{
void addWithGain (float* __restrict dest, const float* __restrict source, int n, float gain) noexcept
{
    for (int i = 0; i < n; ++i)
        dest[i] += source[i] * gain;
}

void applyGain (float* samples, int n, float gain) noexcept
{
    for (int i = 0; i < n; ++i)
        samples[i] *= gain;
}

void clear (float* samples, int n) noexcept { std::memset (samples, 0, sizeof (float) * size_t (n)); }
} // namespace sprocket::dsp
