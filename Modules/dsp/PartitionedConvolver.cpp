#include "dsp/PartitionedConvolver.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <mutex>

namespace sprocket::dsp
{
// FFTW's planner and plan destruction share global state: only fftwf_execute* is thread-safe.
static std::mutex& fftwPlannerMutex()
{
    static std::mutex mutex;
    return mutex;
}

PartitionedConvolver::~PartitionedConvolver()
{
    destroyPlans();
}

void PartitionedConvolver::destroyPlans() noexcept
{
    if (forward == nullptr && inverse == nullptr)
        return;
    std::lock_guard lock (fftwPlannerMutex());
    if (forward != nullptr)
        fftwf_destroy_plan (forward);
    if (inverse != nullptr)
        fftwf_destroy_plan (inverse);
    forward = inverse = nullptr;
}

void PartitionedConvolver::prepare (const float* impulseResponse, int length, int newPartitionSize, bool newZeroLatency)
{
    assert (newPartitionSize >= 16 && (newPartitionSize & (newPartitionSize - 1)) == 0);
    destroyPlans();
    partitionSize = newPartitionSize;
    zeroLatency = newZeroLatency;
    const int B = partitionSize, fftSize = 2 * B;
    numBins = B + 1;
    length = std::max (0, length);

    // The zero-latency head takes the first B taps; the FFT path convolves the rest.
    const int fftStart = zeroLatency ? B : 0;
    numPartitions = std::max (0, (length - fftStart + B - 1) / B);

    frame.reset (fftwf_alloc_real ((size_t) fftSize));
    timeScratch.reset (fftwf_alloc_real ((size_t) fftSize));
    sum.reset (fftwf_alloc_complex ((size_t) numBins));
    const size_t spectraSize = (size_t) std::max (1, numPartitions) * (size_t) numBins;
    filters.reset (fftwf_alloc_complex (spectraSize));
    spectra.reset (fftwf_alloc_complex (spectraSize));
    tail.assign ((size_t) B, 0.0f);

    if (numPartitions > 0)
    {
        // FFTW_ESTIMATE: planning takes microseconds and leaves the arrays alone; MEASURE would
        // time candidate plans for seconds per size on the message thread.
        std::lock_guard lock (fftwPlannerMutex());
        forward = fftwf_plan_dft_r2c_1d (fftSize, frame.get(), sum.get(), FFTW_ESTIMATE);
        inverse = fftwf_plan_dft_c2r_1d (fftSize, sum.get(), timeScratch.get(), FFTW_ESTIMATE);
    }

    // Each partition zero-padded to 2B, transformed, and scaled by 1 / 2B here so that the
    // unnormalised inverse FFT gives the right level with no per-block scaling.
    const float scale = 1.0f / (float) fftSize;
    for (int p = 0; p < numPartitions; ++p)
    {
        std::fill (frame.get(), frame.get() + fftSize, 0.0f);
        const int start = fftStart + p * B;
        const int count = std::min (B, length - start);
        std::copy (impulseResponse + start, impulseResponse + start + count, frame.get());
        fftwf_execute (forward);
        auto* filter = filters.get() + (size_t) p * (size_t) numBins;
        for (int k = 0; k < numBins; ++k)
        {
            filter[k][0] = sum[k][0] * scale;
            filter[k][1] = sum[k][1] * scale;
        }
    }

    headReversed.assign (zeroLatency ? (size_t) B : 0, 0.0f);
    for (int j = 0; j < (int) headReversed.size() && j < length; ++j)
        headReversed[(size_t) (B - 1 - j)] = impulseResponse[j];
    history.assign (zeroLatency ? (size_t) fftSize : 0, 0.0f);

    reset();
}

void PartitionedConvolver::reset() noexcept
{
    const int B = partitionSize;
    std::fill (frame.get(), frame.get() + 2 * B, 0.0f);
    std::memset (spectra.get(), 0, sizeof (fftwf_complex) * (size_t) std::max (1, numPartitions) * (size_t) numBins);
    std::fill (tail.begin(), tail.end(), 0.0f);
    std::fill (history.begin(), history.end(), 0.0f);
    fill = 0;
    newest = 0;
    historyPos = 0;
}

float PartitionedConvolver::directHead (float x) noexcept
{
    // The last B inputs are kept twice, at historyPos and historyPos + B, so the B newest
    // (oldest first) are always the contiguous run after historyPos: a plain dot product.
    const int B = partitionSize;
    historyPos = (historyPos + 1) & (B - 1);
    history[(size_t) historyPos] = x;
    history[(size_t) (historyPos + B)] = x;
    const float* window = history.data() + historyPos + 1;
    const float* h = headReversed.data();
    float y = 0.0f;
    for (int j = 0; j < B; ++j)
        y += window[j] * h[j];
    return y;
}

void PartitionedConvolver::runBlock() noexcept
{
    const int B = partitionSize;
    if (numPartitions > 0)
    {
        fftwf_execute (forward); // frame (previous block + this one) -> sum
        newest = newest == 0 ? numPartitions - 1 : newest - 1;
        std::memcpy (spectra.get() + (size_t) newest * (size_t) numBins, sum.get(), sizeof (fftwf_complex) * (size_t) numBins);

        // Slot newest + p holds the spectrum of the block p blocks ago, which meets partition p.
        std::memset (sum.get(), 0, sizeof (fftwf_complex) * (size_t) numBins);
        float* acc = &sum[0][0];
        for (int p = 0; p < numPartitions; ++p)
        {
            int slot = newest + p;
            if (slot >= numPartitions)
                slot -= numPartitions;
            const float* x = &spectra[(size_t) slot * (size_t) numBins][0];
            const float* h = &filters[(size_t) p * (size_t) numBins][0];
            for (int k = 0; k < 2 * numBins; k += 2)
            {
                acc[k] += x[k] * h[k] - x[k + 1] * h[k + 1];
                acc[k + 1] += x[k] * h[k + 1] + x[k + 1] * h[k];
            }
        }
        fftwf_execute (inverse); // sum -> timeScratch; the first B samples are circular wrap
        std::copy (timeScratch.get() + B, timeScratch.get() + 2 * B, tail.begin());
    }
    std::copy (frame.get() + B, frame.get() + 2 * B, frame.get());
}

void PartitionedConvolver::process (const float* input, float* output, int n) noexcept
{
    const int B = partitionSize;
    int done = 0;
    while (done < n)
    {
        const int chunk = std::min (n - done, B - fill);
        float* current = frame.get() + B + fill;
        std::copy (input + done, input + done + chunk, current); // before output: they may alias
        const float* delayed = tail.data() + fill;
        if (zeroLatency)
            for (int i = 0; i < chunk; ++i)
                output[done + i] = delayed[i] + directHead (current[i]);
        else
            std::copy (delayed, delayed + chunk, output + done);
        fill += chunk;
        done += chunk;
        if (fill == B)
        {
            runBlock();
            fill = 0;
        }
    }
}
} // namespace sprocket::dsp
