// The convolution reverb's cost: a 3 s stereo IR at 48 kHz (144,000 taps per channel, decaying
// noise), stereo input in 128-sample blocks (a small real-time buffer), in both latency modes.
// Prints the time per block and the realtime factor; asserts nothing.
#include "dsp/ConvolutionReverbProcessor.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

using namespace sprocket;

static std::vector<float> noise (size_t n, uint64_t seed)
{
    std::vector<float> x (n);
    for (auto& v : x)
    {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        v = float ((double) (seed >> 11) / 4503599627370496.0 - 1.0);
    }
    return x;
}

int main()
{
    constexpr int rate = 48000, block = 128, seconds = 20;
    constexpr size_t irLength = 3 * rate;
    std::vector<std::vector<float>> ir { noise (irLength, 1), noise (irLength, 2) };
    for (auto& channel : ir)
        for (size_t i = 0; i < irLength; ++i)
            channel[i] *= (float) std::exp (-6.9 * (double) i / (double) irLength); // -60 dB at 3 s

    const auto left = noise (size_t (rate) * seconds, 3), right = noise (size_t (rate) * seconds, 4);
    for (bool zeroLatency : { false, true })
    {
        dsp::ConvolutionReverbProcessor reverb;
        reverb.setParameter ("zero_latency", zeroLatency ? 1.0f : 0.0f);
        reverb.setImpulseResponse (ir, rate);
        reverb.prepare (rate, block, 2);

        std::vector<float> l (block), r (block);
        float* channels[] = { l.data(), r.data() };
        const int blocks = rate * seconds / block;
        double worstUs = 0.0;
        const auto start = std::chrono::steady_clock::now();
        for (int b = 0; b < blocks; ++b)
        {
            std::copy_n (left.begin() + b * block, block, l.begin());
            std::copy_n (right.begin() + b * block, block, r.begin());
            const auto t0 = std::chrono::steady_clock::now();
            reverb.process (channels, 2, block);
            worstUs =
                std::max (worstUs, std::chrono::duration<double, std::micro> (std::chrono::steady_clock::now() - t0).count());
        }
        const double total = std::chrono::duration<double> (std::chrono::steady_clock::now() - start).count();
        const double blockUs = 1e6 * total / blocks;
        std::printf ("convolution_reverb %s: 3 s stereo IR, 48 kHz, %d-sample blocks (partition %d, latency %d): "
                     "%.1f us per block (worst %.0f us, budget %.0f us), %.0fx realtime\n",
                     zeroLatency ? "zero latency" : "latency mode", block, 128, reverb.latencySamples(), blockUs, worstUs,
                     1e6 * block / rate, (double) seconds / total);
    }
}
