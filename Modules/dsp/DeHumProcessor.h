#pragma once

#include "dsp/Biquad.h"
#include "dsp/Processor.h"

#include <array>

namespace sprocket::dsp
{
/** Mains hum remover: "de_hum" with frequency_hz [40, 70] (50 for Europe, 60 for the Americas;
    default 50), harmonics [1, 8] (default 4: the fundamental and the next three) and q [5, 100]
    (default 30: at 50 Hz each notch is under 2 Hz wide at -3 dB, so dialogue around it is
    untouched). A cascade of notches at frequency_hz x 1, 2, ... harmonics, each with zero gain
    at its centre; harmonics above 0.45 fs are skipped. Broadband, no multiband: what a dialogue
    editor reaches for on a location recording near lights or a generator. Changes recompute the
    notches at the next block. */
class DeHumProcessor final : public Processor
{
public:
    enum Parameter : int
    {
        frequencyHz,
        harmonics,
        q
    };

    static constexpr int maxHarmonics = 8;

    DeHumProcessor();

    std::string_view typeName() const noexcept override { return "de_hum"; }

protected:
    void prepareToPlay() override;
    void processBlock (float* const* channels, int numChannels, int numFrames) noexcept override;
    void resetState() noexcept override;

private:
    void updateCoefficients() noexcept;

    std::array<Biquad, maxHarmonics> notches;
    int activeNotches = 0;
    float designedFrequency = -1.0f, designedHarmonics = -1.0f, designedQ = -1.0f;
};
} // namespace sprocket::dsp
