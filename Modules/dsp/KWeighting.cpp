#include "dsp/KWeighting.h"
#include "dsp/SimdVectors.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <complex>
#include <numbers>

namespace sprocket::dsp
{
namespace
{
    // BS.1770-4 Table 1 (pre-filter, the shelf) and Table 2 (RLB high-pass), 48 kHz.
    constexpr double tableRate = 48000.0;
    constexpr BiquadCoefficients shelfAt48k { 1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241,
                                              0.73248077421585 };
    constexpr BiquadCoefficients highPassAt48k { 1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621 };

    struct Prototype
    {
        double f0, q, vh, vb;
    };

    // Inverts the prewarped bilinear design (see KWeighting.h) for the analog prototype.
    Prototype prototypeOf (const BiquadCoefficients& c) noexcept
    {
        const double nyquistDenominator = 1.0 - c.a1 + c.a2;
        const double k = std::sqrt ((1.0 + c.a1 + c.a2) / nyquistDenominator);
        const double kOverQ = 2.0 * (1.0 - c.a2) / nyquistDenominator;
        return { tableRate * std::atan (k) / std::numbers::pi, k / kOverQ, (c.b0 - c.b1 + c.b2) / nyquistDenominator,
                 (c.b0 - c.b2) / (1.0 - c.a2) };
    }

    struct Warped
    {
        double k, kOverQ, d;
    };

    Warped warp (const Prototype& p, double sampleRate) noexcept
    {
        const double k = std::tan (std::numbers::pi * p.f0 / sampleRate);
        const double kOverQ = k / p.q;
        return { k, kOverQ, 1.0 + kOverQ + k * k };
    }

    using simd::Doubles4;

    /** The filterEnergy() loop with one channel per lane: the same arithmetic, four chains. */
    SPROCKET_SIMD_CLONES
    void filterLanes (const KWeightingCoefficients& k, const float* const* in, int n, Doubles4* state, Doubles4& sum) noexcept
    {
        const auto s = k.shelf;
        const auto h = k.highPass;
        Doubles4 s1 = state[0], s2 = state[1], h1 = state[2], h2 = state[3];
        Doubles4 acc {};
        const float *x0 = in[0], *x1 = in[1], *x2 = in[2], *x3 = in[3];
        for (int i = 0; i < n; ++i)
        {
            const Doubles4 x = { x0[i], x1[i], x2[i], x3[i] };
            const Doubles4 y = s.b0 * x + s1;
            s1 = s.b1 * x - s.a1 * y + s2;
            s2 = s.b2 * x - s.a2 * y;

            const Doubles4 z = h.b0 * y + h1;
            h1 = h.b1 * y - h.a1 * z + h2;
            h2 = h.b2 * y - h.a2 * z;
            acc += z * z;
        }
        state[0] = s1;
        state[1] = s2;
        state[2] = h1;
        state[3] = h2;
        sum = acc;
    }
} // namespace

KWeightingCoefficients KWeightingCoefficients::forSampleRate (double sampleRate) noexcept
{
    static const Prototype shelfPrototype = prototypeOf (shelfAt48k);
    static const Prototype highPassPrototype = prototypeOf (highPassAt48k);

    KWeightingCoefficients result;
    {
        const auto& p = shelfPrototype;
        const auto [k, kOverQ, d] = warp (p, sampleRate);
        result.shelf = { (p.vh + p.vb * kOverQ + k * k) / d, 2.0 * (k * k - p.vh) / d, (p.vh - p.vb * kOverQ + k * k) / d,
                         2.0 * (k * k - 1.0) / d, (1.0 - kOverQ + k * k) / d };
    }
    {
        // The table's numerator (1, -2, 1) leaves the high-pass a passband gain of D (+0.043 dB
        // at 48 kHz); scaling it by D(48 kHz) / D(fs) keeps that gain, and so the calibration,
        // the same at every rate (unscaled, 96 kHz would read 0.02 LU low).
        static const double gainAt48k = warp (highPassPrototype, tableRate).d;
        const auto [k, kOverQ, d] = warp (highPassPrototype, sampleRate);
        const double g = gainAt48k / d;
        result.highPass = { g, -2.0 * g, g, 2.0 * (k * k - 1.0) / d, (1.0 - kOverQ + k * k) / d };
    }
    return result;
}

double KWeightingCoefficients::magnitudeDb (double sampleRate, double freq) const noexcept
{
    return shelf.magnitudeDb (sampleRate, freq) + highPass.magnitudeDb (sampleRate, freq);
}

void KWeightingFilter::prepare (double sampleRate, int channels)
{
    coefficients = KWeightingCoefficients::forSampleRate (sampleRate);
    states.assign ((size_t) std::max (channels, 0), State {});
}

void KWeightingFilter::reset() noexcept
{
    std::fill (states.begin(), states.end(), State {});
}

double KWeightingFilter::filterEnergy (int channel, const float* samples, int n) noexcept
{
    auto& st = states[(size_t) channel];
    const auto s = coefficients.shelf;
    const auto h = coefficients.highPass;
    double s1 = st.shelf1, s2 = st.shelf2, h1 = st.highPass1, h2 = st.highPass2;
    double sum = 0.0;

    // The two sections' recursions are independent chains, so the CPU overlaps them.
    for (int i = 0; i < n; ++i)
    {
        const double x = samples[i];
        const double y = s.b0 * x + s1;
        s1 = s.b1 * x - s.a1 * y + s2;
        s2 = s.b2 * x - s.a2 * y;

        const double z = h.b0 * y + h1;
        h1 = h.b1 * y - h.a1 * z + h2;
        h2 = h.b2 * y - h.a2 * z;
        sum += z * z;
    }

    st = { s1, s2, h1, h2 };
    return sum;
}

void KWeightingFilter::filterEnergies (const int* channels, int count, const float* const* samples, int n,
                                       double* energies) noexcept
{
    assert (count >= 1 && count <= maxLanes);
    // Unused lanes repeat the first channel's input into a scratch state and are discarded.
    const float* in[maxLanes];
    Doubles4 state[4];
    for (int lane = 0; lane < maxLanes; ++lane)
    {
        const bool used = lane < count;
        in[lane] = samples[used ? lane : 0];
        const State st = used ? states[(size_t) channels[lane]] : State {};
        state[0][lane] = st.shelf1;
        state[1][lane] = st.shelf2;
        state[2][lane] = st.highPass1;
        state[3][lane] = st.highPass2;
    }

    Doubles4 sum;
    filterLanes (coefficients, in, n, state, sum);

    for (int lane = 0; lane < count; ++lane)
    {
        states[(size_t) channels[lane]] = { state[0][lane], state[1][lane], state[2][lane], state[3][lane] };
        energies[lane] = sum[lane];
    }
}
} // namespace sprocket::dsp
