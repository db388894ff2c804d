#pragma once

#include "dsp/LinearSmoother.h"
#include "dsp/Processor.h"

namespace sprocket::dsp
{
/** Panner: "pan" with pan in [-1 (left), +1 (right)], default 0. What it does depends on the
    channel count it is prepared with (see PanLaw.h for the laws):
      1 channel:  mono to stereo with the -3 dB constant-power law, left = cos((pan+1)pi/4),
                  right = sin((pan+1)pi/4); outputChannels (1) == 2, so process() needs two
                  buffers, the mono input in the first (a single buffer passes unchanged);
      2 or more:  stereo balance on channels 0 and 1 (L, R), the others untouched.
    Pan moves ramp the two channel gains linearly over 20 ms, like a fader, so a jump from hard
    left to hard right is a 20 ms crossfade rather than a click. */
class PanProcessor final : public Processor
{
public:
    enum Parameter : int { pan };

    PanProcessor();

    std::string_view typeName() const noexcept override { return "pan"; }
    int outputChannels (int inputChannels) const noexcept override;

protected:
    void prepareToPlay() override;
    void processBlock (float* const* channels, int numChannels, int numFrames) noexcept override;
    void resetState() noexcept override;

private:
    void updateTargets() noexcept;

    LinearSmoother leftGain, rightGain;
};
} // namespace sprocket::dsp
