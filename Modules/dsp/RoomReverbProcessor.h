#pragma once

#include "dsp/FeedbackDelayNetwork.h"
#include "dsp/LinearSmoother.h"
#include "dsp/Processor.h"

#include <vector>

namespace sprocket::dsp
{
/** Algorithmic room reverb, "room_reverb": pre-delay, a pattern of early reflections and a
    feedback delay network for the late reverberation (FeedbackDelayNetwork: Jot's 8-line FDN
    with a Hadamard matrix and per-line absorption set from the RT60).

    Parameters: room_size (%, 0..100, default 50: scales every delay and reflection time by
    0.5x..2x, 1x at 50 %; a change jumps, so set it before playing), decay_s (RT60 at low and mid
    frequencies, 0.2..10 s, default 1.5), damping_hz (1000..20000, default 6000: where the decay
    time is half decay_s; above it the tail darkens faster, as air and soft surfaces do),
    pre_delay_ms (0..250, default 10, whole samples, delays only the wet path; a change jumps),
    width (%, 0 = the same reverb on both sides, 100 = fully decorrelated sides), mix (% wet,
    default 100, what a reverb on an aux return wants) and wet_db (-60..+12 dB, the reverb's
    level). mix and wet_db glide over 20 ms. Latency 0.

    Channels (processed in place, so out = in):
    - mono: the input feeds both sides; the output is the mono sum of the two sides (a mono strip
      has nowhere to put a stereo tail: put the reverb on a stereo aux for that);
    - stereo: left feeds lines 0-3, right lines 4-7; stereo out;
    - 5.1 (L R C LFE Ls Rs) and 7.1 (... Lss Rss Lsr Rsr): L + C/2 + the left surrounds feed the
      left side, R + C/2 + the right surrounds the right side (LFE never feeds a reverb); the
      wet signal goes to L/R (early reflections and late tail) and to each surround pair (late
      tail only, from further decorrelated outputs of the same network: a diffuse field around
      the room, reflections from the front). C and LFE stay dry: reverb in the centre smears
      dialogue, which film mixes keep dry there.
    mix 0 passes the input bit for bit. */
class RoomReverbProcessor final : public Processor
{
public:
    enum Parameter : int
    {
        roomSize,
        decayS,
        dampingHz,
        preDelayMs,
        width,
        mix,
        wetDb
    };

    static constexpr float maxPreDelayMs = 250.0f;

    RoomReverbProcessor();

    std::string_view typeName() const noexcept override { return "room_reverb"; }

    /** The network's line lengths in samples, for tests and the editor. [[any thread]] after prepare. */
    const FeedbackDelayNetwork& network() const noexcept { return late; }

protected:
    void prepareToPlay() override;
    void processBlock (float* const* channels, int numChannels, int numFrames) noexcept override;
    void resetState() noexcept override;

private:
    void updateDesign() noexcept;
    double targetWet() const noexcept;
    double targetDry() const noexcept;

    FeedbackDelayNetwork late;
    std::vector<float> feeds; // two rings (left, right feed) for the pre-delay and the reflections
    int feedMask = 0, writePos = 0;
    float designedSize = -1.0f, designedDecay = -1.0f, designedDamping = -1.0f;
    double sizeScale = 1.0;
    LinearSmoother wetGain, dryGain;
};
} // namespace sprocket::dsp
