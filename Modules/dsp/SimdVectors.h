#pragma once

// The vector types and load-time CPU dispatch of the loudness and true-peak code (KWeighting,
// TruePeakMeter, TruePeakDetector): include it from .cpp files only. It silences -Wpsabi for
// the file: GCC warns that 32-byte vectors are passed differently with and without AVX, which
// cannot matter for functions that are inlined or never leave their file.
#pragma GCC diagnostic ignored "-Wpsabi"

#include <cstring>

// SPROCKET_SIMD_CLONES compiles a function twice, for AVX2 + FMA (x86-64-v3) and for the SSE2
// baseline, and picks one at load time: one binary runs everywhere and uses the wide units where
// they exist. Off under ThreadSanitizer, which crashes in the ifunc resolvers (they run before
// it is set up); the baseline is used there.
#if defined(__GNUC__) && defined(__x86_64__) && ! defined(__SANITIZE_THREAD__)
#define SPROCKET_SIMD_CLONES __attribute__ ((target_clones ("arch=x86-64-v3", "default")))
#else
#define SPROCKET_SIMD_CLONES
#endif

namespace sprocket::dsp::simd
{
using Floats8 = float __attribute__ ((vector_size (32)));
using Doubles4 = double __attribute__ ((vector_size (32)));

inline Floats8 load8 (const float* p) noexcept
{
    Floats8 v;
    std::memcpy (&v, p, sizeof (v));
    return v;
}

inline void store8 (float* p, Floats8 v) noexcept
{
    std::memcpy (p, &v, sizeof (v));
}
inline Floats8 abs8 (Floats8 v) noexcept
{
    return v < 0.0f ? -v : v;
}
inline Floats8 max8 (Floats8 a, Floats8 b) noexcept
{
    return a > b ? a : b;
}
} // namespace sprocket::dsp::simd
