#include "dsp/GainProcessor.h"

#include "core/Decibels.h"

namespace sprocket::dsp
{
static constexpr float minimumDb = -96.0f;
static constexpr float smoothingMs = 20.0f;

GainProcessor::GainProcessor()
    : Processor ({ { "gain_db", "Gain", "dB", minimumDb, 24.0f, 0.0f, smoothingMs } })
{
}

double GainProcessor::targetGain() const noexcept
{
    const float db = getParameter (gainDb);
    return db <= minimumDb ? 0.0 : core::gainFromDb (db);
}

void GainProcessor::prepareToPlay()
{
    gain.prepare (getSampleRate(), smoothingMs);
}

void GainProcessor::resetState() noexcept
{
    gain.setImmediate (targetGain());
}

void GainProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    gain.setTarget (targetGain());

    if (! gain.isSmoothing())
    {
        const auto g = (float) gain.getCurrent();
        if (g == 1.0f)
            return;
        for (int c = 0; c < numChannels; ++c)
            for (int i = 0; i < numFrames; ++i)
                channels[c][i] *= g;
        return;
    }

    for (int i = 0; i < numFrames; ++i)
    {
        const auto g = (float) gain.next();
        for (int c = 0; c < numChannels; ++c)
            channels[c][i] *= g;
    }
}
} // namespace sprocket::dsp
