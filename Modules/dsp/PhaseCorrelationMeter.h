#pragma once

namespace sprocket::dsp
{
/** A phase correlation meter, as on a console's stereo bus (IEC 60268-18 style): the
    correlation coefficient r = <L·R> / sqrt(<L²>·<R²>) of a channel pair, each mean a
    first-order integrator with a 300 ms time constant. It reads +1 for a mono signal at any
    balance, -1 when one side is inverted (what cancels in a mono fold-down), about 0 for
    unrelated or 90°-shifted signals, and 0 for silence (below -120 dBFS on either side).
    `lowest()` keeps the lowest reading since reset, as a QC check wants. Allocation-free;
    any thread, one at a time. */
class PhaseCorrelationMeter
{
public:
    void prepare (double sampleRate, double timeConstantSeconds = 0.3);
    void reset() noexcept;

    void process (const float* left, const float* right, int numSamples) noexcept;

    double correlation() const noexcept;
    double lowest() const noexcept { return lowestReading; }

private:
    double coefficient = 0.0; // per-sample integrator coefficient
    double meanLR = 0.0, meanLL = 0.0, meanRR = 0.0;
    double lowestReading = 1.0;
};
} // namespace sprocket::dsp
