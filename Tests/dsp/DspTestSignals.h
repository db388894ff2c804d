#pragma once

// Signals, buffers and measurements shared by the processor tests.

#include "dsp/Processor.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <numbers>
#include <vector>

namespace sprocket::dsp::test
{
/** A multichannel buffer with the float* const* view process() takes. */
struct AudioBuffer
{
    AudioBuffer (int channels, int frames) : data ((size_t) channels, std::vector<float> ((size_t) frames, 0.0f))
    {
        for (auto& ch : data)
            pointers.push_back (ch.data());
    }

    int numChannels() const { return (int) data.size(); }
    int numFrames() const { return data.empty() ? 0 : (int) data[0].size(); }
    std::vector<float>& operator[] (int c) { return data[(size_t) c]; }

    std::vector<std::vector<float>> data;
    std::vector<float*> pointers;
};

/** A sine of `amplitude` peak (AES17: a sine of peak 1 is 0 dBFS, so -20 dBFS is 0.1). */
inline std::vector<float> sine (double freq, double sampleRate, int frames, double amplitude)
{
    std::vector<float> x ((size_t) frames);
    for (int i = 0; i < frames; ++i)
        x[(size_t) i] = (float) (amplitude * std::sin (2.0 * std::numbers::pi * freq * i / sampleRate));
    return x;
}

inline AudioBuffer filled (int channels, const std::vector<float>& signal)
{
    AudioBuffer buffer (channels, (int) signal.size());
    for (auto& ch : buffer.data)
        ch = signal;
    return buffer;
}

/** Deterministic white noise in [-amplitude, amplitude] (xorshift64). */
inline std::vector<float> whiteNoise (int frames, double amplitude, uint64_t seed = 0x9e3779b97f4a7c15ULL)
{
    std::vector<float> x ((size_t) frames);
    for (auto& v : x)
    {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        v = (float) (amplitude * ((double) (seed >> 11) / 4503599627370496.0 - 1.0));
    }
    return x;
}

/** Runs the whole buffer through the processor in blocks of blockSize (the last may be short). */
inline void processInBlocks (Processor& processor, AudioBuffer& buffer, int blockSize)
{
    std::vector<float*> block (buffer.pointers.size());
    for (int start = 0; start < buffer.numFrames(); start += blockSize)
    {
        const int n = std::min (blockSize, buffer.numFrames() - start);
        for (size_t c = 0; c < block.size(); ++c)
            block[c] = buffer.pointers[c] + start;
        processor.process (block.data(), (int) block.size(), n);
    }
}

inline double rms (const float* x, int n)
{
    double sum = 0.0;
    for (int i = 0; i < n; ++i)
        sum += (double) x[i] * x[i];
    return std::sqrt (sum / n);
}

/** Level of a sine in dBFS (peak, AES17) from its RMS over a whole number of cycles. */
inline double sineLevelDb (const float* x, int n)
{
    return 20.0 * std::log10 (rms (x, n) * std::sqrt (2.0));
}

/** Amplitude of the component at freq by projection onto sin and cos: exact for a steady sine
    over a whole number of cycles, and blind to every other harmonic. */
inline double toneAmplitude (const float* x, int n, double freq, double sampleRate)
{
    std::complex<double> sum;
    for (int i = 0; i < n; ++i)
        sum += (double) x[i] * std::polar (1.0, -2.0 * std::numbers::pi * freq * i / sampleRate);
    return 2.0 * std::abs (sum) / n;
}

inline double maxAbsStep (const std::vector<float>& x, int from = 1)
{
    double step = 0.0;
    for (size_t i = (size_t) std::max (from, 1); i < x.size(); ++i)
        step = std::max (step, (double) std::abs (x[i] - x[i - 1]));
    return step;
}

inline double dbOf (double gain) { return 20.0 * std::log10 (gain); }
} // namespace sprocket::dsp::test
