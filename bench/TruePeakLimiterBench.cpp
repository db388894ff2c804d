// The true-peak limiter's cost: 5.1 at 48 kHz, 60 s of hot noise (so it limits throughout), in
// 4096-sample blocks (the delivery block) and 256-sample blocks (a real-time insert). Prints the
// realtime factor; asserts nothing.
#include "dsp/TruePeakLimiterProcessor.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <vector>

using namespace sprocket;

int main()
{
    constexpr int channels = 6, rate = 48000, seconds = 60;
    constexpr int64_t frames = int64_t (rate) * seconds;
    std::vector<std::vector<float>> audio (channels, std::vector<float> (size_t (frames)));
    uint64_t seed = 0x9e3779b97f4a7c15ULL;
    for (auto& channel : audio)
        for (auto& v : channel)
        {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            v = float (2.0 * (double (seed >> 11) / 9007199254740992.0) - 1.0);
        }

    for (int block : { 4096, 256 })
    {
        dsp::TruePeakLimiterProcessor limiter;
        limiter.prepare (rate, block, channels);
        std::vector<std::vector<float>> scratch (channels, std::vector<float> (size_t (block)));
        std::vector<float*> pointers (channels);
        for (int c = 0; c < channels; ++c)
            pointers[size_t (c)] = scratch[size_t (c)].data();
        const auto start = std::chrono::steady_clock::now();
        for (int64_t position = 0; position < frames; position += block)
        {
            const int n = int (std::min<int64_t> (block, frames - position));
            for (int c = 0; c < channels; ++c) // the limiter works in place: feed it a copy
                std::copy_n (audio[size_t (c)].data() + position, n, scratch[size_t (c)].data());
            limiter.process (pointers.data(), channels, n);
        }
        const double elapsed = std::chrono::duration<double> (std::chrono::steady_clock::now() - start).count();
        std::printf (
            "true_peak_limiter 5.1 @ 48 kHz, %d-sample blocks: %.0fx realtime (%.2f s for %d s; max reduction %.1f dB)\n", block,
            seconds / elapsed, elapsed, seconds, limiter.maxGainReductionDb());
    }
}
