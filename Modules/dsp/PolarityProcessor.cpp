#include "dsp/PolarityProcessor.h"

#include <algorithm>

namespace sprocket::dsp
{
static constexpr float smoothingMs = 20.0f;

PolarityProcessor::PolarityProcessor()
    : Processor ({ { "invert_left", "Invert left", "", 0.0f, 1.0f, 0.0f, smoothingMs },
                   { "invert_right", "Invert right", "", 0.0f, 1.0f, 0.0f, smoothingMs } })
{
}

double PolarityProcessor::targetSign (int channel) const noexcept
{
    return getParameter (channel) >= 0.5f ? -1.0 : 1.0;
}

void PolarityProcessor::prepareToPlay()
{
    for (auto& s : sign)
        s.prepare (getSampleRate(), smoothingMs);
}

void PolarityProcessor::resetState() noexcept
{
    for (int c = 0; c < 2; ++c)
        sign[(size_t) c].setImmediate (targetSign (c));
}

void PolarityProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    for (int c = 0; c < std::min (numChannels, 2); ++c)
    {
        auto& s = sign[(size_t) c];
        s.setTarget (targetSign (c));
        auto* data = channels[c];

        if (! s.isSmoothing())
        {
            if (s.getCurrent() < 0.0)
                for (int i = 0; i < numFrames; ++i)
                    data[i] = -data[i];
            continue;
        }

        for (int i = 0; i < numFrames; ++i)
            data[i] *= (float) s.next();
    }
}
} // namespace sprocket::dsp
