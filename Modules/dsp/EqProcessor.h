#pragma once

#include "dsp/Biquad.h"
#include "dsp/LinearSmoother.h"
#include "dsp/Processor.h"

#include <array>

namespace sprocket::dsp
{
/** Four-band parametric EQ with high- and low-pass filters: "eq".
      band1..band4_freq_hz  20 .. 20000 Hz   (defaults 100, 500, 2000, 8000)
      band1..band4_gain_db  -24 .. +24 dB    (default 0: the band is an exact identity and skipped)
      band1..band4_q        0.1 .. 10        (default 1)
      hpf_freq_hz, lpf_freq_hz  0 .. 20000 Hz, default 0, and 0 means OFF for both. Any other
                            value is the -3 dB corner of a 12 dB/octave Butterworth (Q 1/sqrt 2)
                            filter; corners below 10 Hz are designed at 10 Hz and all corners
                            are kept below 0.49 fs.
    Signal order: HPF, bands 1-4, LPF; each band a peaking biquad (RBJ cookbook).
    Smoothing, 20 ms for every parameter: frequencies ramp in log2 (so a sweep moves evenly in
    octaves), gains in dB, Q linearly; coefficients are recomputed every 32 samples while a ramp
    runs (0.7 ms at 48 kHz, so a 20 ms ramp takes ~30 small steps). Turning a pass filter on or
    off crossfades between dry and filtered over 20 ms instead of sweeping the corner from 0 Hz. */
class EqProcessor final : public Processor
{
public:
    static constexpr int numBands = 4;

    /** Parameter index of band b (0-based): freq 3b, gain 3b + 1, q 3b + 2. */
    enum Parameter : int { hpfFreqHz = 3 * numBands, lpfFreqHz };

    EqProcessor();

    std::string_view typeName() const noexcept override { return "eq"; }

protected:
    void prepareToPlay() override;
    void processBlock (float* const* channels, int numChannels, int numFrames) noexcept override;
    void resetState() noexcept override;

private:
    struct Band
    {
        LinearSmoother log2Freq, gainDb, q;
        Biquad filter;
        bool active = false;
    };

    struct PassFilter
    {
        LinearSmoother log2Freq, mix;
        Biquad filter;
        bool highPass = true;
        bool dirty = true;
    };

    void readParameters (bool immediately) noexcept;
    void readPassFilter (PassFilter& pass, float freq, bool immediately) noexcept;
    void updateBand (Band& band, int samples) noexcept;
    void updatePassFilter (PassFilter& pass, int samples) noexcept;
    void processPassFilter (PassFilter& pass, float* const* channels, int numChannels,
                            int start, int n) noexcept;

    std::array<Band, numBands> bands;
    PassFilter hpf, lpf;
};
} // namespace sprocket::dsp
