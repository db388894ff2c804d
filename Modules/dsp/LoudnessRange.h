#pragma once

#include "dsp/LoudnessHistogram.h"

#include <cstdint>

namespace sprocket::dsp
{
/** Loudness range (LRA) per EBU Tech 3342: the spread of the short-term loudness (3 s windows)
    over a programme, in LU.
    - Short-term values are taken once a second (3 s windows overlapping by 2 s), as libebur128
      and the first editions of Tech 3342 take them: LRA is a statistic over the whole programme,
      and the reference everyone checks against (libebur128) reads it so. The 2016 edition asks
      for 10 Hz; on programmes of a few minutes or more the two agree within 0.1 LU, on a 30 s
      file they can differ by a little over 1 LU (docs/LOUDNESS.md).
    - Absolute gate -70 LUFS, then a relative gate 20 LU below the power mean of what is left: a
      wider gate than integrated loudness's -10 LU, so quiet but intended passages count while
      fades and pauses do not.
    - LRA = L95 - L10, the 95th minus the 10th percentile of the gated values (the top 5 % are
      cut so a few loud events such as a gunshot do not widen it, the bottom 10 % so that a fade
      does not). Percentiles are nearest-rank, rank = round((n - 1) p) over the sorted values.
    prepare() [[message thread]]; addShortTerm() [[audio thread]] real-time safe;
    loudnessRangeLu() [[any thread]] while nothing adds. */
class LoudnessRange
{
public:
    static constexpr double absoluteGateLufs = -70.0;
    static constexpr double relativeGateLu = -20.0;
    static constexpr double lowPercentile = 0.10;
    static constexpr double highPercentile = 0.95;

    void prepare() { histogram.prepare(); }
    void reset() noexcept { histogram.reset(); }

    /** One short-term (3 s) value, as its energy. */
    void addShortTerm (double energy) noexcept { histogram.add (energy); }

    /** 0 when no short-term value passes the gates (silence, or under 3 s of audio). */
    double loudnessRangeLu() const noexcept;

private:
    LoudnessHistogram histogram;
};
} // namespace sprocket::dsp
