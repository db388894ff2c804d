#pragma once

#include <cstddef>
#include <vector>

namespace sprocket::dsp
{
/** True-peak meter per BS.1770-4 Annex 2: each channel is oversampled 4x by polyphase FIR
    interpolation and the largest magnitude of the oversampled signal is kept. Linear values;
    20 log10 gives dBTP.

    The interpolation filter is a Hann-windowed sinc with its cutoff at the input Nyquist, spanning
    12 input samples (49 taps at 4x) for rates below 96 kHz, 24 below 192 kHz and 48 above, so it
    always covers the same 0.25 ms. Why this filter (docs/LOUDNESS.md has the numbers):
    - Phase 0 is exactly the input: the sinc is zero at every other input sample and the window is
      zero at both ends. So a true peak is never below the sample peak, a full-scale sample reads
      0.00 dBTP, and only the three in-between phases are computed (36 multiply-adds per sample
      at 48 kHz, the cost of the Annex's own 48-tap example).
    - Each in-between phase passes the input within 0.11 dB up to 0.35 fs (16.8 kHz at 48 kHz;
      the half-sample phase is the worst) and is 0.9 dB down at 0.4 fs; images are at least
      26 dB down from 0.6 fs. The Annex's example coefficients ripple by 0.2 dB already at 0.1 fs
      and change the samples themselves.
    - It is the design libebur128 uses (at 96 kHz libebur128 oversamples 2x with the same span;
      our 4x includes its 2x points, so we read the same or slightly higher), so Sprocket agrees
      with libebur128, which many R128 tools are built on, to a few thousandths of a dB; and it
      passes EBU Tech 3341's true-peak cases 15 to 23.
    A sine whose peak falls midway between oversampled points is under-read by
    20 log10 cos(pi f / 4 fs): 0.47 dB for 20 kHz at 48 kHz (Tech 3341 allows -0.4 dB).

    prepare() [[message thread]] allocates; process() is real-time safe, and different channels
    may be processed on different threads at once. */
class TruePeakMeter
{
public:
    static constexpr int oversampling = 4;

    /** Input samples the interpolation filter spans at a sample rate: 12, 24 or 48. */
    static int tapsPerPhaseFor (double sampleRate) noexcept;

    /** The prototype filter (tapsPerPhase * oversampling + 1 taps), for tests and docs. */
    static std::vector<double> prototype (int tapsPerPhase);

    /** The in-between phases 1..3 of the prototype as float FIR coefficients, phase after phase,
        `tapsPerPhase` each, ordered by delay: c[(p - 1) * taps + t] multiplies the sample t steps
        back, and the output is the signal at (newest - tapsPerPhase / 2 + p / 4). Phase 0 is the
        input itself, tapsPerPhase / 2 samples back. Shared with TruePeakDetector so that the
        true-peak limiter sees exactly the points this meter reads. */
    static std::vector<float> interpolationPhases (int tapsPerPhase);

    void prepare (double sampleRate, int channels);
    void reset() noexcept;

    /** Scans n samples of one channel, continuing from the previous call. */
    void process (int channel, const float* samples, int n) noexcept;

    /** Largest oversampled magnitude of a channel since reset() (never below its sample peak). */
    float truePeak (int channel) const noexcept { return channels[(size_t) channel].truePeak; }

    /** Forgets the peaks but not the signal: the next readings cover what follows (per-interval
        peaks for QC), with the interpolation running on across the boundary. */
    void clearPeaks() noexcept
    {
        for (auto& channel : channels)
            channel.truePeak = channel.samplePeak = 0.0f;
    }

    /** Largest sample magnitude of a channel since reset(). */
    float samplePeak (int channel) const noexcept { return channels[(size_t) channel].samplePeak; }

    int tapsPerPhase() const noexcept { return taps; }

private:
    struct Channel
    {
        std::vector<float> history; // the last taps - 1 input samples
        float truePeak = 0.0f, samplePeak = 0.0f;
    };

    int taps = 12;
    // oversampling - 1 phases of `taps` coefficients each, ordered by delay (c[p][t] multiplies
    // the sample t steps back).
    std::vector<float> coefficients;
    std::vector<Channel> channels;
};
} // namespace sprocket::dsp
