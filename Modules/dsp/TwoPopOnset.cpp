#include "dsp/TwoPopOnset.h"

#include "dsp/SineFit.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sprocket::dsp
{
namespace
{
    struct Stretch
    {
        int64_t first = 0, end = 0;
        bool operator== (const Stretch&) const = default;
    };

    /** Grows [first, end) outwards while each next sample is within `tolerance` of the fit. */
    Stretch grow (std::span<const float> x, Stretch core, const SineFit& fit, double tolerance)
    {
        Stretch s = core;
        while (s.first > 0 && std::abs ((double) x[(size_t) s.first - 1] - fit.at (s.first - 1)) <= tolerance)
            --s.first;
        while (s.end < (int64_t) x.size() && std::abs ((double) x[(size_t) s.end] - fit.at (s.end)) <= tolerance)
            ++s.end;
        return s;
    }

    /** The level of what comes before the burst (noise, dither, or exact silence). */
    double rmsBefore (std::span<const float> x, int64_t end)
    {
        end = std::clamp<int64_t> (end, 0, (int64_t) x.size());
        double squares = 0.0;
        for (int64_t n = 0; n < end; ++n)
            squares += (double) x[(size_t) n] * (double) x[(size_t) n];
        return end > 0 ? std::sqrt (squares / (double) end) : 0.0;
    }

    /** Where a fade-in before `first` starts: the line through the gains (signal / fit) of the
        ramp's samples, at gain 0. Samples near the fit's zero crossings say little about the
        gain and are skipped. Returns `first` when the sample before the stretch is silent. */
    int64_t rampStart (std::span<const float> x, const SineFit& fit, int64_t first, int64_t lookBack)
    {
        const double amplitude = fit.amplitude();
        const int64_t limit = std::max<int64_t> (0, first - lookBack);
        bool nearest = true;
        double sn = 0.0, sg = 0.0, snn = 0.0, sng = 0.0;
        int points = 0;
        for (int64_t n = first - 1; n >= limit; --n)
        {
            const double model = fit.at (n);
            if (std::abs (model) < 0.5 * amplitude)
                continue;
            const double gain = (double) x[(size_t) n] / model;
            if (nearest && std::abs (gain) < 0.1)
                return first; // silence right before: an abrupt start
            nearest = false;
            if (gain <= 0.02)
                break; // the ramp's foot: silence from here back
            if (gain < 0.1 || gain > 0.9)
                continue; // the ramp's ends bend (and noise weighs most there); its middle is straight
            const double t = (double) (n - first);
            sn += t;
            sg += gain;
            snn += t * t;
            sng += t * gain;
            ++points;
        }
        const double denominator = points * snn - sn * sn;
        if (points < 2 || denominator <= 0.0)
            return first;
        const double slope = (points * sng - sn * sg) / denominator;
        const double intercept = (sg - slope * sn) / points;
        if (slope <= 0.0)
            return first;
        const int64_t zero = first + (int64_t) std::llround (-intercept / slope);
        return std::clamp (zero, limit, first);
    }
} // namespace

std::optional<TwoPopOnsetFit> findTwoPopOnset (std::span<const float> x, double sampleRate, int64_t approxStart,
                                               int64_t approxEnd, const TwoPopOptions& options)
{
    const int64_t size = (int64_t) x.size();
    const double omega = 2.0 * std::numbers::pi * options.frequencyHz / sampleRate;
    const double band = 2.0 * options.frequencyTolerance; // search wider than we accept, to see a miss
    const double omegaLow = omega * (1.0 - band), omegaHigh = omega * (1.0 + band);

    // The middle of the burst: the scanner's edges are good to a couple of milliseconds.
    const int64_t length = approxEnd - approxStart;
    const int64_t inset = std::max ((int64_t) std::lround (0.002 * sampleRate), length / 5);
    Stretch core { std::max<int64_t> (0, approxStart + inset), std::min (size, approxEnd - inset) };
    const auto cycle = (int64_t) std::ceil (sampleRate / options.frequencyHz);
    if (core.end - core.first < cycle)
    {
        const int64_t middle = (approxStart + approxEnd) / 2;
        core = { std::max<int64_t> (0, middle - cycle / 2), std::min (size, middle + cycle / 2 + 1) };
    }
    if (core.end - core.first < 8)
        return std::nullopt;

    // A sample follows the fit when it is within 5 sigma of the residual (noise, dither,
    // quantisation) and never tighter than 1e-4 of the amplitude (float rounding of the fit).
    Stretch stretch = core;
    SineFit fit;
    double tolerance = 0.0;
    for (int iteration = 0; iteration < 8; ++iteration)
    {
        fit = fitSine (x, stretch.first, stretch.end, omegaLow, omegaHigh);
        if (fit.amplitude() <= 0.0)
            return std::nullopt;
        tolerance = std::max (5.0 * fit.residualRms, 1e-4 * fit.amplitude());
        const Stretch grown = grow (x, core, fit, tolerance);
        if (grown == stretch)
            break;
        stretch = grown;
    }

    const double frequency = fit.omega * sampleRate / (2.0 * std::numbers::pi);
    if (std::abs (frequency - options.frequencyHz) > options.frequencyTolerance * options.frequencyHz)
        return std::nullopt;
    if (fit.residualRms > 0.05 * fit.amplitude())
        return std::nullopt; // not a clean tone

    // A sample before the tight stretch that is not silent means the burst does not start
    // cleanly: a resampled pop rings for a few dozen samples (sox's `synth` makes 44.1 and 96 kHz
    // pops at 48 kHz and converts them), or noise or a fade-in blurs the edge. Follow the fit
    // loosely through that, then look for a ramp.
    const double amplitude = fit.amplitude();
    const double silent =
        std::max (5.0 * rmsBefore (x, approxStart - (int64_t) std::lround (0.004 * sampleRate)), 1e-4 * amplitude);
    int64_t first = stretch.first;
    if (first > 0 && std::abs ((double) x[(size_t) first - 1]) > silent)
    {
        const double loose = std::max (tolerance, 0.05 * amplitude);
        while (first > 0 && std::abs ((double) x[(size_t) first - 1] - fit.at (first - 1)) <= loose)
            --first;
    }

    TwoPopOnsetFit result;
    result.onset = rampStart (x, fit, first, (int64_t) std::lround (0.010 * sampleRate));
    result.end = stretch.end;
    result.frequencyHz = frequency;
    result.amplitude = amplitude;
    const double seconds = (double) (result.end - result.onset) / sampleRate;
    if (seconds < 0.5 * options.minSeconds || seconds > 1.5 * options.maxSeconds)
        return std::nullopt;
    return result;
}
} // namespace sprocket::dsp
