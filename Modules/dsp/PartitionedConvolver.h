#pragma once

#include <fftw3.h>

#include <memory>
#include <vector>

namespace sprocket::dsp
{
/** One channel of FFT convolution with a fixed impulse response: uniformly partitioned
    overlap-save with partitions of B samples (FFT size 2B) and a frequency-domain delay line,
    so the cost per sample grows with log B and the IR length / B, not with the IR length.

    Latency: a block of B input samples must be complete before its FFT, so the plain mode
    delays the output by exactly B samples (latencySamples()). In zero-latency mode the first B
    taps of the IR (the head) are convolved directly in the time domain, sample by sample, and
    only the rest goes through the FFT; the rest starts B samples into the IR, which is exactly
    the FFT path's own delay, so the two add up to the convolution with no delay at the price
    of B multiply-adds per sample.

    The output depends only on the input, never on how it is split into process() calls.

    prepare() [[message thread]]: allocates and makes the FFTW plans (the planner is neither
    real-time safe nor thread-safe, so planning and plan destruction are serialised by one
    process-wide mutex). process() and reset() [[audio thread]]: no allocation, lock or planner
    call, only fftwf_execute_dft_* on buffers made in prepare(). */
class PartitionedConvolver
{
public:
    PartitionedConvolver() = default;
    ~PartitionedConvolver();

    PartitionedConvolver (const PartitionedConvolver&) = delete;
    PartitionedConvolver& operator= (const PartitionedConvolver&) = delete;

    /** partitionSize B must be a power of two >= 16; an empty IR gives silence. */
    void prepare (const float* impulseResponse, int length, int partitionSize, bool zeroLatency);

    /** Convolves n samples; input and output may be the same buffer. */
    void process (const float* input, float* output, int n) noexcept;

    /** Clears the input history and the delay line (the IR stays). */
    void reset() noexcept;

    int latencySamples() const noexcept { return zeroLatency ? 0 : partitionSize; }
    int getPartitionSize() const noexcept { return partitionSize; }
    int numFftPartitions() const noexcept { return numPartitions; }

private:
    struct FftwFree
    {
        void operator() (void* p) const noexcept { fftwf_free (p); }
    };
    template <typename T>
    using FftwBuffer = std::unique_ptr<T[], FftwFree>;

    void runBlock() noexcept;
    float directHead (float x) noexcept;
    void destroyPlans() noexcept;

    int partitionSize = 0;
    int numBins = 0;       // B + 1 complex bins of a real 2B FFT
    int numPartitions = 0; // partitions that go through the FFT
    bool zeroLatency = false;

    fftwf_plan forward = nullptr, inverse = nullptr;
    FftwBuffer<float> frame;           // 2B: the previous block then the current one
    FftwBuffer<float> timeScratch;     // 2B: the inverse FFT's output
    FftwBuffer<fftwf_complex> filters; // numPartitions spectra of the IR's partitions
    FftwBuffer<fftwf_complex> spectra; // the delay line: the last numPartitions input spectra
    FftwBuffer<fftwf_complex> sum;     // the accumulated output spectrum
    std::vector<float> tail;           // the FFT path's output for the block being filled
    int fill = 0;                      // samples of the current block received
    int newest = 0;                    // delay-line slot of the newest spectrum

    std::vector<float> headReversed; // zero-latency: h[B-1] ... h[0]
    std::vector<float> history;      // zero-latency: the last B inputs, stored twice (2B)
    int historyPos = 0;
};
} // namespace sprocket::dsp
