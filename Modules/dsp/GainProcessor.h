#pragma once

#include "dsp/LinearSmoother.h"
#include "dsp/Processor.h"

namespace sprocket::dsp
{
/** Gain/trim: "gain" with gain_db in [-96, +24] dB, default 0. The minimum, -96 dB, means
    silence (-inf), so a trim pulled all the way down mutes. A change ramps linearly in linear
    gain over 20 ms: long enough to be click-free on low-frequency material (a 50 Hz cycle), short
    enough to feel immediate on a fader. */
class GainProcessor final : public Processor
{
public:
    enum Parameter : int { gainDb };

    GainProcessor();

    std::string_view typeName() const noexcept override { return "gain"; }

    /** Linear gain for the stored gain_db, with the minimum meaning silence. [[any thread]] */
    double targetGain() const noexcept;

protected:
    void prepareToPlay() override;
    void processBlock (float* const* channels, int numChannels, int numFrames) noexcept override;
    void resetState() noexcept override;

private:
    LinearSmoother gain;
};
} // namespace sprocket::dsp
