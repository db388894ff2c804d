#pragma once

#include "dsp/BiquadCoefficients.h"

#include <vector>

namespace sprocket::dsp
{
/** The two second-order sections of BS.1770-4's K-weighting at any sample rate: a high shelf
    (+4 dB above about 2 kHz, the acoustic effect of the head) followed by the "RLB" high-pass
    (about 38 Hz). BS.1770-4 tabulates them for 48 kHz only.

    Derivation: each 48 kHz section is the bilinear transform, with its corner prewarped, of an
    analog prototype. Writing K = tan(pi f0 / fs) and D = 1 + K/Q + K^2, the prewarped shelf is
        b0 = (Vh + Vb K/Q + K^2) / D,  b1 = 2 (K^2 - Vh) / D,  b2 = (Vh - Vb K/Q + K^2) / D,
        a1 = 2 (K^2 - 1) / D,          a2 = (1 - K/Q + K^2) / D
    (Vh the gain at high frequencies, Vb the gain of the band-pass term), and the high-pass has the
    same denominator over b = (1, -2, 1). Evaluating at z = 1 and z = -1 inverts this exactly:
        K^2 = (1 + a1 + a2) / (1 - a1 + a2),   K/Q = 2 (1 - a2) / (1 - a1 + a2),
        Vh  = (b0 - b1 + b2) / (1 - a1 + a2),  Vb  = (b0 - b2) / (1 - a2).
    So forSampleRate() recovers f0 = 48000 atan(K) / pi, Q, Vh and Vb from the published 48 kHz
    table (shelf: f0 = 1681.97 Hz, Q = 0.7072, Vh = +3.9998 dB; high-pass: f0 = 38.135 Hz,
    Q = 0.5003) and designs both sections again at the requested rate with K = tan(pi f0 / fs).
    At 48 kHz this gives the table back to 1e-14; at other rates the corners and gains stay where
    the standard put them. The table's high-pass numerator (1, -2, 1) is not normalised: it gives
    the high-pass a passband gain of D = 1.005 (+0.043 dB) at 48 kHz, part of what the -0.691 dB
    offset calibrates. D changes with the rate (+0.022 dB at 96 kHz), so the numerator is scaled by
    D(48 kHz) / D(fs) to keep that gain: the whole curve, calibration included, is then the same
    from 44.1 to 192 kHz to within 0.01 dB below 16 kHz (0.015 dB at 32 kHz). (libebur128 keeps (1, -2, 1) and so reads 0.02 LU
    lower at 96 kHz than at 48 kHz for the same sound.)
    [[any thread]] */
struct KWeightingCoefficients
{
    BiquadCoefficients shelf, highPass;

    static KWeightingCoefficients forSampleRate (double sampleRate) noexcept;

    /** |H| of both sections in dB at freq (for tests and documentation). */
    double magnitudeDb (double sampleRate, double freq) const noexcept;
};

/** K-weighting for several channels, fused with the sum of squares the loudness measurement needs
    (BS.1770's mean square is all that is kept of the filtered signal, so it is never stored).
    Two transposed direct form II sections with double state per channel: the high-pass poles sit
    within 0.005 of the unit circle at 48 kHz (0.0025 at 96 kHz), where float state would add
    noise a -70 LUFS gate could see.

    The recursion is a chain of dependent multiply-adds, so one channel cannot use more than one
    SIMD lane; filterEnergies() therefore runs up to four channels side by side, one per lane of a
    4 x double vector (AVX2 + FMA where the CPU has it), at about the cost of one.
    prepare() [[message thread]]; the rest real-time safe, and calls for different channels may
    run on different threads at once. */
class KWeightingFilter
{
public:
    static constexpr int maxLanes = 4;

    void prepare (double sampleRate, int channels);
    void reset() noexcept;

    /** Filters n samples of one channel (continuing its state) and returns the sum of the squared
        filtered samples. Scalar; the reference for filterEnergies(). */
    double filterEnergy (int channel, const float* samples, int n) noexcept;

    /** The same for `count` (1 to maxLanes) channels at once: channel channels[k] reads
        samples[k][0 .. n) and its sum of squares goes to energies[k]. */
    void filterEnergies (const int* channels, int count, const float* const* samples, int n, double* energies) noexcept;

    const KWeightingCoefficients& getCoefficients() const noexcept { return coefficients; }

private:
    struct State
    {
        double shelf1 = 0.0, shelf2 = 0.0, highPass1 = 0.0, highPass2 = 0.0;
    };

    KWeightingCoefficients coefficients;
    std::vector<State> states;
};
} // namespace sprocket::dsp
