#pragma once

// Synthetic programmes for the QC tests, and a one-call scan of them.

#include "qc/ProgrammeScan.h"

#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <vector>

namespace sprocket::qc::test
{
using Channels = std::vector<std::vector<float>>;

inline ProgrammeProfile scan (const Channels& channels, double rate = 48000.0, ProgrammeScanner::Options options = {},
                              int block = 1000)
{
    ProgrammeScanner scanner;
    const auto frames = (int64_t) channels[0].size();
    scanner.prepare (rate, (int) channels.size(), frames, options);
    std::vector<const float*> pointers (channels.size());
    for (int64_t start = 0; start < frames; start += block)
    {
        for (size_t c = 0; c < channels.size(); ++c)
            pointers[c] = channels[c].data() + start;
        scanner.process (pointers.data(), (int) std::min<int64_t> (block, frames - start));
    }
    return scanner.finish();
}

/** A sine of `freq` Hz at peak `amplitude`, `seconds` long. */
inline std::vector<float> sine (double freq, double amplitude, double seconds, double rate = 48000.0)
{
    std::vector<float> x ((size_t) (seconds * rate));
    for (size_t i = 0; i < x.size(); ++i)
        x[i] = (float) (amplitude * std::sin (2.0 * std::numbers::pi * freq * (double) i / rate));
    return x;
}

inline std::vector<float> noise (double amplitude, double seconds, uint32_t seed, double rate = 48000.0)
{
    std::mt19937 random (seed);
    std::uniform_real_distribution<float> uniform (-1.0f, 1.0f);
    std::vector<float> x ((size_t) (seconds * rate));
    for (auto& v : x)
        v = (float) amplitude * uniform (random);
    return x;
}

inline void append (std::vector<float>& to, const std::vector<float>& more)
{
    to.insert (to.end(), more.begin(), more.end());
}
} // namespace sprocket::qc::test
