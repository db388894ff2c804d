#pragma once

namespace sprocket::dsp
{
/** The kernel of the BS.1770-4 true-peak meter (TruePeakMeter's filter and arithmetic), apart
    from any storage, so that a bank of meters (engine::MeterBank) can keep its own fixed-size
    state per strip and read exactly what TruePeakMeter and the loudness analyser read. */
struct TruePeakScan
{
    /** The longest interpolation span TruePeakMeter::tapsPerPhaseFor() chooses (above 192 kHz). */
    static constexpr int maxTapsPerPhase = 48;
    /** scanContinuing joins history and input on the stack this many frames at a time. */
    static constexpr int chunkFrames = 256;

    struct Peaks
    {
        float interpolated = 0.0f, sample = 0.0f;
    };

    /** Largest magnitude over n inputs x[0..n) of the three in-between phases
        (TruePeakMeter::interpolationPhases(taps) as `phases`) and of the samples themselves.
        x[-1] ... x[-(taps - 1)] must be readable. [[any thread]] real-time safe */
    static Peaks scan (const float* x, int n, const float* phases, int taps) noexcept;

    /** Scans n samples continuing from `history` (the last taps - 1 inputs, oldest first, updated
        to end with these samples). `samples` null means n zeros (a silent block: the filter
        rings out of the history and then reads 0). taps <= maxTapsPerPhase. From 16 frames a call
        up, the reading does not depend on how the signal is cut into calls.
        [[any thread]] real-time safe: no allocation (a stack buffer joins history and input). */
    static Peaks scanContinuing (float* history, const float* samples, int n, const float* phases, int taps) noexcept;
};
} // namespace sprocket::dsp
