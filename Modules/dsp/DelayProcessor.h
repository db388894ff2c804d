#pragma once

#include "dsp/Processor.h"

#include <vector>

namespace sprocket::dsp
{
/** Delay, an effect (sync offsets, Haas tricks), not a latency: it reports latencySamples() 0
    so the engine does not compensate it away. "delay" has delay_ms in [0, 2000] ms, default 0,
    rounded to the nearest whole sample (10 ms at 48 kHz is exactly 480 samples), so an impulse
    moves by an exact sample count and the signal is not low-passed by interpolation.
    A change does not jump (a jump in read position is a click): the output crossfades linearly
    from the old tap to the new one over 20 ms; a further change during a crossfade waits for it
    to finish (at the next block). */
class DelayProcessor final : public Processor
{
public:
    enum Parameter : int { delayMs };

    static constexpr float maxDelayMs = 2000.0f;

    DelayProcessor();

    std::string_view typeName() const noexcept override { return "delay"; }

    /** delay_ms in whole samples at the prepared rate. [[any thread]] */
    int delaySamples() const noexcept;

protected:
    void prepareToPlay() override;
    void processBlock (float* const* channels, int numChannels, int numFrames) noexcept override;
    void resetState() noexcept override;

private:
    std::vector<std::vector<float>> lines;
    int mask = 0;
    int writePos = 0;
    int currentDelay = 0;
    int previousDelay = 0;
    int fadeLength = 1;
    int fadePos = 0;     // samples into the crossfade; == fadeLength when not fading
};
} // namespace sprocket::dsp
