#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace sprocket::dsp
{
/** The late reverberation of RoomReverbProcessor: Jot's feedback delay network (J.-M. Jot and
    A. Chaigne, "Digital delay networks for designing artificial reverberators", AES 90th
    convention, 1991) with 8 delay lines and a Hadamard feedback matrix.

    Each sample, every line's output goes through its absorption filter (a one-pole low-pass),
    the 8 filtered values are mixed by the normalised 8x8 Hadamard matrix (orthogonal, so the
    mixing itself neither adds nor loses energy, and every line feeds every other one with equal
    weight: the densest echo build-up for the cost, 24 additions via the fast Walsh-Hadamard
    transform) and written back into the lines together with the input.

    Decay: a line of m samples must lose 60 dB per RT60 seconds, so its loop gain is
    g = 10^(-3 m / (fs RT60)) (the decay per sample, 10^(-3 / (fs RT60)), is then the same in
    every line, which keeps the decay exponential and the RT60 exact). The absorption filter
    H(z) = g (1 - p) / (1 - p z^-1) has that gain at 0 Hz and g^2 at the damping frequency wd, so
    there the decay is twice as fast (RT60 halves): solving |H(wd)|^2 = g^4 gives
    p^2 - 2 c p + 1 = 0 with c = (1 - g^2 cos wd) / (1 - g^2), so p = c - sqrt(c^2 - 1) (in [0, 1):
    a stable low-pass). With |H| < 1 everywhere and an orthogonal matrix the loop is stable at
    any setting.

    Lengths: 8 base lengths between 24 and 59 ms at scale 1 (each about 1.13 times the one before,
    so the echoes spread evenly on a log scale), scaled by the room size and the sample rate and
    moved up to the next prime, all distinct, so no two lines share a factor and their echoes never
    line up into a periodic flutter.

    Outputs: up to 6 decorrelated outputs, output k summing the lines with the signs of Hadamard
    row k + 1 (rows are orthogonal, so the outputs are uncorrelated for a diffuse field). The
    left input feeds lines 0-3 and the right input lines 4-7, so a panned source keeps some of its
    side in the first echoes.
    prepare() [[message thread]]; the rest [[audio thread]] real-time safe. */
class FeedbackDelayNetwork
{
public:
    static constexpr int lineCount = 8;
    static constexpr int maxOutputs = 6;
    static constexpr double minScale = 0.5, maxScale = 2.0;

    /** Allocates the lines for the longest size at this sample rate. */
    void prepare (double sampleRate);
    void reset() noexcept;

    /** Line lengths for a room scale in [minScale, maxScale] (1 = the base lengths). Moving them
        while sound is in the lines jumps (no interpolation): a size change clicks, so it is meant
        to be set before playing. */
    void setScale (double scale) noexcept;

    /** Loop gains and absorption filters for a mid-frequency RT60 and the frequency where it
        halves; call after setScale (the gains depend on the lengths). */
    void setDecay (double rt60Seconds, double dampingHz) noexcept;

    /** One sample in (left and right feeds), `outputs` (maxOutputs values) out. */
    void tick (float left, float right, float* outputs) noexcept;

    int lineLength (int line) const noexcept { return lengths[(size_t) line]; }

private:
    double sampleRate = 48000.0;
    std::vector<float> buffer; // lineCount rings of ringSize samples, one after the other
    int ringSize = 0, ringMask = 0, writePos = 0;
    std::array<int, lineCount> lengths {};
    std::array<float, lineCount> inputGain {}, lineGain {}, pole {}, filterState {};
    std::array<std::array<float, lineCount>, maxOutputs> outputSigns {};
};
} // namespace sprocket::dsp
