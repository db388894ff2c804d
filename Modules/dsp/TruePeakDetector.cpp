#include "dsp/TruePeakDetector.h"
#include "dsp/SimdVectors.h"

#include "dsp/TruePeakMeter.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>

namespace sprocket::dsp
{
namespace
{
    double besselI0 (double x) noexcept
    {
        double sum = 1.0, term = 1.0;
        for (int k = 1; k < 50; ++k)
        {
            term *= (x / (2.0 * k)) * (x / (2.0 * k));
            sum += term;
        }
        return sum;
    }

    /** Phases 1 .. factor - 1 of a Kaiser-windowed sinc (cutoff at the input Nyquist) spanning
        `taps` input samples, ordered by delay as TruePeakMeter's: c[(p - 1) * taps + t] multiplies
        the sample t steps back and the output is the signal at (newest - taps / 2 + p / factor).
        Beta 5 trades stopband (about 55 dB, i.e. images leak at most ~0.02 dB into a reading) for
        a narrow transition, so the passband is flat (within 0.035 dB) to 0.47 fs with 64 taps; 32
        taps would be flat only to 0.45 fs and read clipped noise 0.3 dB below a longer filter. */
    std::vector<float> kaiserPhases (int taps, int factor)
    {
        constexpr double beta = 5.0;
        const int half = taps / 2;
        std::vector<float> c ((size_t) ((factor - 1) * taps));
        for (int p = 1; p < factor; ++p)
            for (int t = 0; t < taps; ++t)
            {
                const double u = (half - t) - double (p) / factor; // distance from the point to the sample
                const double sinc = std::sin (std::numbers::pi * u) / (std::numbers::pi * u);
                const double r = u / half;
                const double window = std::abs (r) >= 1.0 ? 0.0 : besselI0 (beta * std::sqrt (1.0 - r * r)) / besselI0 (beta);
                c[(size_t) ((p - 1) * taps + t)] = (float) (sinc * window);
            }
        return c;
    }

    using namespace simd;

    /** peak[i] = max(peak[i], |sum_t c[p][t] x[i - t]|) over the phases. Sixteen outputs per
        step in two vectors of eight, taps innermost: independent sums that hide the multiply-add
        latency, each coefficient broadcast once. */
    SPROCKET_SIMD_CLONES
    void accumulatePeaks (const float* x, int n, const float* c, int taps, int phases, float* peak) noexcept
    {
        for (int p = 0; p < phases; ++p, c += taps)
        {
            int i = 0;
            for (; i + 16 <= n; i += 16)
            {
                Floats8 lo {}, hi {};
                for (int t = 0; t < taps; ++t)
                {
                    lo += c[t] * load8 (x + i - t);
                    hi += c[t] * load8 (x + i + 8 - t);
                }
                store8 (peak + i, max8 (load8 (peak + i), abs8 (lo)));
                store8 (peak + i + 8, max8 (load8 (peak + i + 8), abs8 (hi)));
            }
            for (; i < n; ++i)
            {
                float acc = 0.0f;
                for (int t = 0; t < taps; ++t)
                    acc += c[t] * x[i - t];
                peak[i] = std::max (peak[i], std::abs (acc));
            }
        }
    }
} // namespace

void TruePeakDetector::prepare (double sampleRate, int channels, int maxBlockSize)
{
    meterTaps = TruePeakMeter::tapsPerPhaseFor (sampleRate);
    fineTaps = std::max (64, meterTaps);
    meterPhases = TruePeakMeter::interpolationPhases (meterTaps);
    finePhases = kaiserPhases (fineTaps, fineOversampling);
    history.assign ((size_t) std::max (channels, 0), std::vector<float> ((size_t) (fineTaps - 1 + maxBlockSize), 0.0f));
}

void TruePeakDetector::reset() noexcept
{
    for (auto& h : history)
        std::fill (h.begin(), h.end(), 0.0f);
}

void TruePeakDetector::process (const float* const* channels, int numChannels, int numFrames, float* peaks) noexcept
{
    const int past = fineTaps - 1;
    const int half = fineTaps / 2;
    // The meter's filter is shorter: read it (fineTaps - meterTaps) / 2 samples later so both
    // readings of frame i are of the same points.
    const int meterLag = (fineTaps - meterTaps) / 2;
    std::fill_n (peaks, numFrames, 0.0f);
    numChannels = std::min (numChannels, (int) history.size());
    for (int c = 0; c < numChannels; ++c)
    {
        float* run = history[(size_t) c].data();
        std::copy_n (channels[c], numFrames, run + past);
        const float* x = run + past; // x[-past] ... x[numFrames - 1] are valid

        for (int i = 0; i < numFrames; ++i)
            peaks[i] = std::max (peaks[i], std::abs (x[i - half])); // the sample itself
        accumulatePeaks (x - meterLag, numFrames, meterPhases.data(), meterTaps, TruePeakMeter::oversampling - 1, peaks);
        accumulatePeaks (x, numFrames, finePhases.data(), fineTaps, fineOversampling - 1, peaks);
        std::copy_n (run + numFrames, past, run); // keep the last fineTaps - 1 samples
    }
}
} // namespace sprocket::dsp
