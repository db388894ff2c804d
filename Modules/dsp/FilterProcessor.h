#pragma once

#include "dsp/Biquad.h"
#include "dsp/Processor.h"

#include <array>

namespace sprocket::dsp
{
/** The strip's plain filters, one type each:
    - "high_pass" and "low_pass": freq_hz [10, 20000] (defaults 80 Hz and 12 kHz) and order
      [1, 4] (default 1): that many second-order sections in cascade, a Butterworth response of
      order 2 x order (12, 24, 36 or 48 dB per octave, -3.01 dB at freq_hz);
    - "notch": freq_hz [20, 20000] (default 1000) and q [0.5, 100] (default 10): zero gain at
      freq_hz.
    Frequencies and q are time constants, not levels: a change recomputes the coefficients at
    the next block (the sections' state carries on), with no smoothing. */
class FilterProcessor final : public Processor
{
public:
    enum class Kind
    {
        highPass,
        lowPass,
        notch
    };
    enum Parameter : int
    {
        freqHz,
        shape
    }; // shape: order for high/low-pass, q for the notch

    static constexpr int maxSections = 4;

    explicit FilterProcessor (Kind kind);

    std::string_view typeName() const noexcept override;

protected:
    void prepareToPlay() override;
    void processBlock (float* const* channels, int numChannels, int numFrames) noexcept override;
    void resetState() noexcept override;

private:
    void updateCoefficients() noexcept;

    const Kind kind;
    std::array<Biquad, maxSections> sections;
    int activeSections = 1;
    float designedFreq = -1.0f, designedShape = -1.0f;
};
} // namespace sprocket::dsp
