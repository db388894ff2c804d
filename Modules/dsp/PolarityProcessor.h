#pragma once

#include "dsp/LinearSmoother.h"
#include "dsp/Processor.h"

#include <array>

namespace sprocket::dsp
{
/** Polarity (phase) invert: "polarity" with two switches, invert_left and invert_right (0 or 1,
    >= 0.5 means inverted, default 0). invert_left applies to channel 0 (the only channel of a
    mono track), invert_right to channel 1; further channels (C, LFE, surrounds of a 5.1 stem)
    pass unchanged. Flipping is not instant: the channel's multiplier ramps from +1 to -1 over
    20 ms, passing through silence, because an instant sign change is a full-scale step. */
class PolarityProcessor final : public Processor
{
public:
    enum Parameter : int { invertLeft, invertRight };

    PolarityProcessor();

    std::string_view typeName() const noexcept override { return "polarity"; }

protected:
    void prepareToPlay() override;
    void processBlock (float* const* channels, int numChannels, int numFrames) noexcept override;
    void resetState() noexcept override;

private:
    double targetSign (int channel) const noexcept;

    std::array<LinearSmoother, 2> sign;
};
} // namespace sprocket::dsp
