#include "dsp/PanProcessor.h"

#include "dsp/PanLaw.h"

namespace sprocket::dsp
{
static constexpr float smoothingMs = 20.0f;

PanProcessor::PanProcessor()
    : Processor ({ { "pan", "Pan", "", -1.0f, 1.0f, 0.0f, smoothingMs } })
{
}

int PanProcessor::outputChannels (int inputChannels) const noexcept
{
    return inputChannels == 1 ? 2 : inputChannels;
}

void PanProcessor::prepareToPlay()
{
    leftGain.prepare (getSampleRate(), smoothingMs);
    rightGain.prepare (getSampleRate(), smoothingMs);
}

void PanProcessor::updateTargets() noexcept
{
    const double p = getParameter (pan);
    const auto gains = getNumChannels() == 1 ? monoPanGains (p) : stereoBalanceGains (p);
    leftGain.setTarget (gains.left);
    rightGain.setTarget (gains.right);
}

void PanProcessor::resetState() noexcept
{
    updateTargets();
    leftGain.setImmediate (leftGain.getTarget());
    rightGain.setImmediate (rightGain.getTarget());
}

void PanProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    if (numChannels < 2)
        return;

    updateTargets();
    auto* left = channels[0];
    auto* right = channels[1];
    const bool mono = getNumChannels() == 1;

    if (! leftGain.isSmoothing() && ! rightGain.isSmoothing())
    {
        const auto gl = (float) leftGain.getCurrent();
        const auto gr = (float) rightGain.getCurrent();
        for (int i = 0; i < numFrames; ++i)
        {
            const float l = left[i];
            right[i] = (mono ? l : right[i]) * gr;
            left[i] = l * gl;
        }
        return;
    }

    for (int i = 0; i < numFrames; ++i)
    {
        const float l = left[i];
        right[i] = (mono ? l : right[i]) * (float) rightGain.next();
        left[i] = l * (float) leftGain.next();
    }
}
} // namespace sprocket::dsp
