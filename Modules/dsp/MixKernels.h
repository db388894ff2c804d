#pragma once

namespace sprocket::dsp
{
/** dest[i] += source[i] * gain. [[any thread]] real-time safe. */
void addWithGain (float* dest, const float* source, int n, float gain) noexcept;

/** dest[i] *= gain. */
void applyGain (float* samples, int n, float gain) noexcept;

void clear (float* samples, int n) noexcept;
} // namespace sprocket::dsp
