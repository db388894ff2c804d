#include "dsp/TpdfDither.h"

namespace sprocket::dsp
{
float TpdfDither::nextUniform() noexcept
{
    // xorshift64*: fast, good enough spectrally for dither, no allocation.
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    const uint64_t r = state * 0x2545F4914F6CDD1DULL;
    return float (r >> 40) * (1.0f / 16777216.0f); // [0, 1)
}

void TpdfDither::process (float* samples, int64_t n, int bits) noexcept
{
    // One LSB of a normalised float written as `bits`-bit integers is 1 / 2^(bits-1).
    const float lsb = 1.0f / float (int64_t (1) << (bits - 1));
    for (int64_t i = 0; i < n; ++i)
        samples[i] += (nextUniform() - nextUniform()) * lsb;
}
} // namespace sprocket::dsp
