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
        feeds all three phases. */
    SPROCKET_SIMD_CLONES
    TruePeakScan::Peaks scanPeaks (const float* x, int n, const float* c, int taps) noexcept
    {
        Floats8 peak {}, samplePeak {};
        int i = 0;
        for (; i + 16 <= n; i += 16)
        {
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

        for (; i < n; ++i)
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

    // The first `past` outputs reach back before this call: scan them from the history with the
    // call's first samples stitched on. The rest read the caller's buffer directly, no copy.
    const int head = std::min (n, past);
    float stitch[2 * (maxTapsPerPhase - 1)] {}; // zeroed only to quiet a false -Wmaybe-uninitialized
    std::copy_n (history, past, stitch);
    if (samples != nullptr)
        std::copy_n (samples, head, stitch + past);
    else
        std::fill_n (stitch + past, head, 0.0f);
    auto peaks = scanPeaks (stitch + past, head, phases, taps);
    // Past the head a silent block reads zeros only, which cannot raise a peak.
    if (n > past && samples != nullptr)
        peaks = larger (peaks, scanPeaks (samples + past, n - past, phases, taps));

    // Keep the last `past` samples of history-then-samples.
    if (n < past)
        std::copy_n (stitch + n, past, history);
    else if (samples != nullptr)
        std::copy_n (samples + n - past, past, history);
    else
        std::fill_n (history, past, 0.0f);
    return peaks;
}
} // namespace sprocket::dsp
