#include "dsp/DownmixProcessor.h"

#include "dsp/MixKernels.h"

#include <algorithm>

namespace sprocket::dsp
{
DownmixProcessor::DownmixProcessor() : Processor ({ { "mode", "Mode (Lo/Ro, Lt/Rt)", "", 0.0f, 1.0f, 0.0f, 0.0f } }) {}

void DownmixProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    if (numChannels < 3)
        return;
    const auto gains = stereoDownmixGains (numChannels, getParameter (mode) >= 0.5f ? DownmixMode::ltRt : DownmixMode::loRo);
    const int count = std::min (numChannels, 8);
    for (int i = 0; i < numFrames; ++i)
    {
        float left = 0.0f, right = 0.0f;
        for (int c = 0; c < count; ++c)
        {
            left += gains.left[(size_t) c] * channels[c][i];
            right += gains.right[(size_t) c] * channels[c][i];
        }
        channels[0][i] = left;
        channels[1][i] = right;
    }
    for (int c = 2; c < numChannels; ++c)
        clear (channels[c], numFrames);
}
} // namespace sprocket::dsp
