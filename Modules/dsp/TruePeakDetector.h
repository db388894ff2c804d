#pragma once

#include <vector>

namespace sprocket::dsp
{
/** The true-peak limiter's side chain: for every input frame, the largest magnitude of the
    oversampled signal of any channel (linked), so that nothing the limiter passes reads above
    its ceiling on any meter. It takes the larger of two readings of each point:

    - BS.1770-4's 4x points, with TruePeakMeter's own filter (TruePeakMeter::interpolationPhases):
      what Sprocket's meter, libebur128 and the tools built on it read. Matching them exactly is
      the contract.
    - 8x points of a near-ideal reconstruction: a Kaiser-windowed sinc (beta 5, about 55 dB
      stopband) over 64 input samples, flat within 0.035 dB to 0.47 fs. The meter's short Hann
      filter is 0.9 dB low at 0.4 fs and 3 dB at Nyquist, so on full-band material (clipped
      noise, square waves) an accurate oversampler reads up to 2 dB above it; a limiter driven by
      the meter's points alone would leave those peaks over the ceiling on a better meter.
      8x halves the 4x grid's worst under-read of a peak between points (0.47 dB at 20 kHz,
      48 kHz) to 0.12 dB, and the oversampled points it does read are exact.

    frame i's reading covers the points in [k, k + 1) with k = i - span() / 2 (the detector lags
    by span() / 2), and depends on input frames k - span()/2 + 1 ... k + span()/2.
    prepare() [[message thread]] allocates; process() is real-time safe. */
class TruePeakDetector
{
public:
    static constexpr int fineOversampling = 8;

    void prepare (double sampleRate, int channels, int maxBlockSize);
    void reset() noexcept;

    /** Input samples each reading depends on (even): 64, or the meter's span if longer. */
    int span() const noexcept { return fineTaps; }

    /** peaks[i] = the linked reading for frame i of this block, continuing from the last call.
        [[audio thread]] */
    void process (const float* const* channels, int numChannels, int numFrames, float* peaks) noexcept;

private:
    int meterTaps = 12, fineTaps = 64;
    std::vector<float> meterPhases, finePhases;
    // Per channel: the last fineTaps - 1 input samples followed by the current block.
    std::vector<std::vector<float>> history;
};
} // namespace sprocket::dsp
