#pragma once

namespace sprocket::dsp
{
/** Second-order section coefficients, normalised so a0 = 1, in double: at low corner
    frequencies the poles sit within 1e-4 of the unit circle and float coefficients would move
    them audibly. Designs follow R. Bristow-Johnson's "Audio EQ Cookbook" (the bilinear transform
    with the corner prewarped, so a band's centre stays exactly where it is asked to be).
    [[any thread]] real-time safe (cos/sin/pow, no allocation). */
struct BiquadCoefficients
{
    double b0 = 1.0, b1 = 0.0, b2 = 0.0, a1 = 0.0, a2 = 0.0;

    /** Peaking bell: gain at freq is exactly gainDb; far from it, 0 dB. At 0 dB gain the numerator
        and denominator are identical, so the filter is an exact identity. */
    static BiquadCoefficients peaking (double sampleRate, double freq, double q, double gainDb) noexcept;

    /** Second-order high- and low-pass; q = 1/sqrt(2) is Butterworth (-3 dB at freq, maximally
        flat, 12 dB per octave beyond). */
    static BiquadCoefficients highPass (double sampleRate, double freq, double q) noexcept;
    static BiquadCoefficients lowPass (double sampleRate, double freq, double q) noexcept;

    /** Band-reject: zero gain exactly at freq, -3 dB at freq * (1 +/- 1/(2q)) roughly, 0 dB far
        from it. */
    static BiquadCoefficients notch (double sampleRate, double freq, double q) noexcept;

    /** |H| in dB at freq, evaluated on the unit circle (for tests and displays). */
    double magnitudeDb (double sampleRate, double freq) const noexcept;
};
} // namespace sprocket::dsp
