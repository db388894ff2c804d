// Peak-file building speed (issue: timeline editor): builds the waveform overview of every file
// given (reading it whole, as the background builder does) and prints MB/s of media, one file
// after another on one thread, then all files at once on as many threads as cores.
// Usage: peak_build_bench FILE...
#include "io/PeakData.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <vector>

using namespace sprocket;

int main (int argc, char** argv)
{
    std::vector<std::filesystem::path> files (argv + 1, argv + argc);
    if (files.empty())
    {
        std::fprintf (stderr, "usage: peak_build_bench FILE...\n");
        return 2;
    }
    double megabytes = 0.0;
    double audioSeconds = 0.0;
    for (auto& f : files)
        megabytes += double (std::filesystem::file_size (f)) / 1e6;

    const auto clock = [] { return std::chrono::steady_clock::now(); };
    const auto start = clock();
    for (auto& f : files)
    {
        auto peaks = io::buildPeaks (f);
        if (! peaks)
        {
            std::fprintf (stderr, "%s\n", peaks.error().message.c_str());
            return 1;
        }
        audioSeconds += double (peaks->frames()) / double (peaks->sampleRate());
    }
    const double serial = std::chrono::duration<double> (clock() - start).count();

    const unsigned threads = std::max (1u, std::thread::hardware_concurrency());
    std::atomic<size_t> next { 0 };
    const auto parallelStart = clock();
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back ([&] {
            for (size_t i = next++; i < files.size(); i = next++)
                (void)io::buildPeaks (files[i]);
        });
    for (auto& t : pool)
        t.join();
    const double parallel = std::chrono::duration<double> (clock() - parallelStart).count();

    std::printf ("peak building, %zu files, %.0f MB, %.0f s of audio\n", files.size(), megabytes, audioSeconds);
    std::printf ("  1 thread:   %6.3f s  %7.0f MB/s  (%6.0fx real time)\n", serial, megabytes / serial, audioSeconds / serial);
    std::printf ("  %u threads:  %6.3f s  %7.0f MB/s  (%6.0fx real time)\n", threads, parallel, megabytes / parallel,
                 audioSeconds / parallel);
    return 0;
}
