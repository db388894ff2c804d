#include "dsp/TruePeakScan.h"
#include "dsp/SimdVectors.h"
#include "dsp/TruePeakMeter.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace sprocket::dsp
{
namespace
{
    constexpr int phaseCount = TruePeakMeter::oversampling - 1; // phase 0 is the input itself

    using namespace simd;

    /** Sixteen outputs per step give six independent accumulator chains (two groups of eight
        times three phases), enough to hide the multiply-add latency; each loaded vector of input
        feeds all three phases. When n is not a multiple of 16 the last step overlaps the one
        before (a maximum does not mind seeing an output twice), so from 16 outputs up every
        output is computed the same vector way wherever it falls in a call: readings do not depend
        on how a signal is cut into blocks, and a 64-frame block has no slow scalar tail. Fewer
        than 16 outputs take the scalar loop. */
    SPROCKET_SIMD_CLONES
    TruePeakScan::Peaks scanPeaks (const float* x, int n, const float* c, int taps) noexcept
    {
        Floats8 peak {}, samplePeak {};
        const int steps = n >= 16 ? (n + 15) / 16 : 0;
        for (int step = 0; step < steps; ++step)
        {
            const int i = std::min (16 * step, n - 16);
            Floats8 a0 {}, a1 {}, a2 {}, b0 {}, b1 {}, b2 {};
            for (int t = 0; t < taps; ++t)
            {
                const Floats8 lo = load8 (x + i - t);
                const Floats8 hi = load8 (x + i + 8 - t);
                const float c0 = c[t], c1 = c[taps + t], c2 = c[2 * taps + t];
                a0 += c0 * lo;
                a1 += c1 * lo;
                a2 += c2 * lo;
                b0 += c0 * hi;
                b1 += c1 * hi;
                b2 += c2 * hi;
            }
            peak = max8 (peak, max8 (max8 (abs8 (a0), abs8 (a1)), max8 (abs8 (a2), abs8 (b0))));
            peak = max8 (peak, max8 (abs8 (b1), abs8 (b2)));
            samplePeak = max8 (samplePeak, max8 (abs8 (load8 (x + i)), abs8 (load8 (x + i + 8))));
        }

        TruePeakScan::Peaks result;
        for (int k = 0; k < 8; ++k)
        {
            result.interpolated = std::max (result.interpolated, peak[k]);
            result.sample = std::max (result.sample, samplePeak[k]);
        }

        for (int i = steps > 0 ? n : 0; i < n; ++i)
        {
            for (int p = 0; p < phaseCount; ++p)
            {
                float acc = 0.0f;
                for (int t = 0; t < taps; ++t)
                    acc += c[p * taps + t] * x[i - t];
                result.interpolated = std::max (result.interpolated, std::abs (acc));
            }
            result.sample = std::max (result.sample, std::abs (x[i]));
        }
        return result;
    }

    TruePeakScan::Peaks larger (TruePeakScan::Peaks a, TruePeakScan::Peaks b) noexcept
    {
        return { std::max (a.interpolated, b.interpolated), std::max (a.sample, b.sample) };
    }
} // namespace

TruePeakScan::Peaks TruePeakScan::scan (const float* x, int n, const float* phases, int taps) noexcept
{
    return scanPeaks (x, n, phases, taps);
}

TruePeakScan::Peaks TruePeakScan::scanContinuing (float* history, const float* samples, int n, const float* phases,
                                                  int taps) noexcept
{
    assert (taps >= 1 && taps <= maxTapsPerPhase);
    if (n <= 0)
        return {};
    const int past = taps - 1;

    // A silent block: once the history has rung out (past outputs) it reads zeros only, which
    // cannot raise a peak; with a silent history there is nothing to read at all.
    if (samples == nullptr)
    {
        if (std::all_of (history, history + past, [] (float s) { return s == 0.0f; }))
            return {};
        n = std::min (n, past); // `past` zeros ring it out and leave a silent history
    }

    // The history and a chunk of the call's samples, one after the other on the stack, so that
    // every output of the chunk is scanned in one pass (the SIMD path throughout). The copy costs
    // one store per sample against 36 multiply-adds. Chunks are never shorter than 16 outputs
    // unless the whole call is.
    float joined[maxTapsPerPhase - 1 + chunkFrames];
    Peaks peaks;
    for (int done = 0; done < n;)
    {
        const int rest = n - done;
        const int m = rest <= chunkFrames ? rest : rest < chunkFrames + 16 ? rest / 2 : chunkFrames;
        std::copy_n (history, past, joined);
        if (samples != nullptr)
            std::copy_n (samples + done, m, joined + past);
        else
            std::fill_n (joined + past, m, 0.0f);
        peaks = larger (peaks, scanPeaks (joined + past, m, phases, taps));
        std::copy_n (joined + m, past, history); // the last `past` samples of history-then-chunk
        done += m;
    }
    return peaks;
}
} // namespace sprocket::dsp
