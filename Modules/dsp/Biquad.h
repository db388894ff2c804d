#pragma once

#include "dsp/BiquadCoefficients.h"

#include <vector>

namespace sprocket::dsp
{
/** A biquad filter kernel for several channels sharing one set of coefficients, in transposed
    direct form II with double state: TDF-II needs two state values per channel and keeps
    rounding noise low when coefficients change between sub-blocks, which the smoothed EQ does.
    prepare() [[message thread]]; the rest [[audio thread]] real-time safe. */
class Biquad
{
public:
    void prepare (int channels);
    void reset() noexcept;

    void setCoefficients (const BiquadCoefficients& c) noexcept { coefficients = c; }
    const BiquadCoefficients& getCoefficients() const noexcept { return coefficients; }

    /** Filters n samples of one channel in place. */
    void process (float* samples, int n, int channel) noexcept;

    /** Filters one sample of one channel. */
    float processSample (float x, int channel) noexcept;

private:
    struct State
    {
        double s1 = 0.0, s2 = 0.0;
    };

    BiquadCoefficients coefficients;
    std::vector<State> states;
};
} // namespace sprocket::dsp
