#pragma once

#include <cstdint>

namespace sprocket::dsp
{
/** Triangular-PDF dither for word-length reduction: the sum of two independent uniform
    variables spanning one LSB each, so the noise spans +/-1 LSB and the quantisation error
    becomes signal-independent (Lipshitz, Wannamaker & Vanderkooy 1992). Deterministic seed,
    so a render is repeatable. [[any thread]] real-time safe. */
class TpdfDither
{
public:
    explicit TpdfDither (uint64_t seed = 0x5eed5eedULL) noexcept : state (seed | 1) {}

    /** Adds dither for a target of `bits` integer bits to normalised float samples. */
    void process (float* samples, int64_t n, int bits) noexcept;

private:
    float nextUniform() noexcept;
    uint64_t state;
};
} // namespace sprocket::dsp
