#pragma once

#include "dsp/TwoPopOptions.h"

#include <cstdint>
#include <optional>
#include <span>

namespace sprocket::dsp
{
/** A 2-pop measured to the sample. */
struct TwoPopOnsetFit
{
    int64_t onset = 0; // the burst's first sample (see findTwoPopOnset)
    int64_t end = 0;   // one past the last sample that follows the fitted sinusoid
    double frequencyHz = 0.0;
    double amplitude = 0.0; // peak of the fitted sinusoid (1.0 = 0 dBFS)
};

/** The fine half of the 2-pop search. `x` is one channel around a burst the scanner found
    (with 20 ms or more either side); approxStart and approxEnd are the scanner's estimates, as
    indices into x.

    It fits a sinusoid (amplitude, phase, frequency) to the middle of the burst, then grows the
    stretch that follows the fit outwards, refitting, until it stops growing. The onset is the
    earliest sample from which the signal follows the fit: a generator starting at phase 0 has
    a first sample of exactly 0 that a threshold cannot see, but the fit passes through it while
    the silent sample before it is off the fit by A sin(omega). When the samples just before
    that stretch are not silent but a fraction of the fit, the burst has a fade-in: the gain
    (signal over fit) across the ramp is fitted with a line and the onset is where that line
    reaches zero, the sample where the ramp starts (exact for a linear ramp).

    Returns nothing when the burst is not a clean tone at the pop frequency, or when its fitted
    length is far outside the options' bounds. [[any thread]] (no allocation) */
std::optional<TwoPopOnsetFit> findTwoPopOnset (std::span<const float> x, double sampleRate, int64_t approxStart,
                                               int64_t approxEnd, const TwoPopOptions& options = {});
} // namespace sprocket::dsp
