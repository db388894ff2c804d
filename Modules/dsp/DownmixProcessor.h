#pragma once

#include "dsp/Processor.h"
#include "dsp/StereoDownmix.h"

namespace sprocket::dsp
{
/** Fold-down of a 5.1 or 7.1 strip to stereo: "downmix" with mode 0 = Lo/Ro (ITU-R BS.775), 1 =
    Lt/Rt (matrix encoded); StereoDownmix.h has the coefficients. It works in place, as an insert
    on a surround bus or track: the stereo result is on channels 1 and 2 (L, R) and the other
    channels are silent, so the strip keeps its width and a stereo bus fed from it receives the
    fold-down unchanged. Mono and stereo input passes through untouched. A change of mode is a
    switch, so it takes effect at the next block. */
class DownmixProcessor final : public Processor
{
public:
    enum Parameter : int
    {
        mode
    };

    DownmixProcessor();

    std::string_view typeName() const noexcept override { return "downmix"; }

protected:
    void prepareToPlay() override {}
    void processBlock (float* const* channels, int numChannels, int numFrames) noexcept override;
    void resetState() noexcept override {}
};
} // namespace sprocket::dsp
