#include "dsp/ScopedNoDenormals.h"

#if defined(__SSE__) || defined(__x86_64__)
#include <xmmintrin.h>
#endif

namespace sprocket::dsp
{
#if defined(__SSE__) || defined(__x86_64__)
// MXCSR bit 15 is FTZ (results that would be subnormal become 0), bit 6 is DAZ (subnormal
// inputs read as 0). Both apply to SSE float and double arithmetic.
static constexpr uint32_t ftzDazBits = 0x8040;

ScopedNoDenormals::ScopedNoDenormals() noexcept : saved (_mm_getcsr())
{
    _mm_setcsr ((uint32_t) saved | ftzDazBits);
}

ScopedNoDenormals::~ScopedNoDenormals() noexcept
{
    _mm_setcsr ((uint32_t) saved);
}
#elif defined(__aarch64__)
// FPCR bit 24 (FZ) flushes subnormal inputs and results to zero on AArch64.
static constexpr uint64_t fzBit = uint64_t (1) << 24;

ScopedNoDenormals::ScopedNoDenormals() noexcept
{
    asm volatile ("mrs %0, fpcr" : "=r"(saved));
    asm volatile ("msr fpcr, %0" : : "r"(saved | fzBit));
}

ScopedNoDenormals::~ScopedNoDenormals() noexcept
{
    asm volatile ("msr fpcr, %0" : : "r"(saved));
}
#else
ScopedNoDenormals::ScopedNoDenormals() noexcept = default;
ScopedNoDenormals::~ScopedNoDenormals() noexcept = default;
#endif
} // namespace sprocket::dsp
