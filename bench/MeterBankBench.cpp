// What the mixer's meters cost per channel-sample (issue 5, true-peak meters per strip):
// MeterBank::measureTrack as the mixer calls it (sample peak, 300 ms RMS and the BS.1770-4 true
// peak) over 256 mono and 64 stereo track slots, and the true-peak kernel alone
// (dsp::TruePeakScan::scanContinuing, 12 taps a phase at 48 kHz), for 64- and 128-frame blocks.
// Best of 5 runs of 2 s of audio each, in this thread's CPU time (the machine is shared: wall
// time counts the other builders' slices too). Prints numbers; asserts nothing.
// Usage: meter_bank_bench
#include "dsp/TruePeakMeter.h"
#include "dsp/TruePeakScan.h"
#include "engine/MeterBank.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace sprocket;

namespace
{
std::vector<float> noise (size_t frames)
{
    std::vector<float> samples (frames);
    uint32_t state = 1;
    for (auto& s : samples)
    {
        state = state * 1664525u + 1013904223u;
        s = float (int32_t (state)) / 2147483648.0f * 0.5f;
    }
    return samples;
}

template <typename Run>
double bestNsPerChannelSample (double channelSamples, Run&& run)
{
    double best = 1e30;
    for (int repeat = 0; repeat < 5; ++repeat)
    {
        const auto cpuNs = [] {
            timespec t {};
            clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
            return double (t.tv_sec) * 1e9 + double (t.tv_nsec);
        };
        const double start = cpuNs();
        run();
        const double ns = cpuNs() - start;
        best = std::min (best, ns / channelSamples);
    }
    return best;
}
} // namespace

int main()
{
    constexpr double rate = 48000.0;
    constexpr int seconds = 2;
    const auto audio = noise (size_t (rate) * seconds + 128);
    float sink = 0.0f;
    std::printf ("mixer meters, 48 kHz, CPU ns per channel-sample (best of 5 x %d s)\n", seconds);
    for (int block : { 64, 128 })
    {
        const int blocks = int (rate) * seconds / block;
        for (int channels : { 1, 2 })
        {
            const int slots = channels == 1 ? 256 : 64;
            engine::MeterBank bank (slots, 0);
            std::array<const float*, 2> in {};
            const double channelSamples = double (blocks) * block * slots * channels;
            const double bankNs = bestNsPerChannelSample (channelSamples, [&] {
                for (int b = 0; b < blocks; ++b)
                {
                    in = { audio.data() + size_t (b) * size_t (block), audio.data() + size_t (b) * size_t (block) + 1 };
                    for (int s = 0; s < slots; ++s)
                        bank.measureTrack (s, in.data(), channels, block, 0.8f, rate);
                }
                sink += bank.readTrack (0).truePeak[0];
            });

            const int taps = dsp::TruePeakMeter::tapsPerPhaseFor (rate);
            const auto phases = dsp::TruePeakMeter::interpolationPhases (taps);
            std::vector<std::array<float, dsp::TruePeakScan::maxTapsPerPhase>> histories (size_t (slots * channels));
            const double scanNs = bestNsPerChannelSample (channelSamples, [&] {
                float peak = 0.0f;
                for (int b = 0; b < blocks; ++b)
                    for (auto& history : histories)
                        peak = std::max (peak, dsp::TruePeakScan::scanContinuing (history.data(),
                                                                                  audio.data() + size_t (b) * size_t (block),
                                                                                  block, phases.data(), taps)
                                                   .interpolated);
                sink += peak;
            });
            std::printf (
                "  block %3d, %3d %s slots: MeterBank::measureTrack %.2f ns, of which true peak (TruePeakScan) %.2f ns\n", block,
                slots, channels == 1 ? "mono" : "stereo", bankNs, scanNs);
        }
    }
    return sink > 0.0f ? 0 : 1;
}
