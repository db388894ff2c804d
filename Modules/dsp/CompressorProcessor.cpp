#include "dsp/CompressorProcessor.h"

#include "dsp/FastDecibels.h"

#include <algorithm>
#include <cmath>

namespace sprocket::dsp
{
static constexpr float makeupSmoothingMs = 20.0f;

// Gain reduction below this (in dB) is treated as none, so a release tail ends in an exact 0
// instead of decaying towards denormals; 1e-6 dB is a gain error of 1e-7.
static constexpr double reductionFloorDb = 1.0e-6;

CompressorProcessor::CompressorProcessor()
    : Processor ({ { "threshold_db", "Threshold", "dB", -60.0f, 0.0f, -20.0f, 0.0f },
                   { "ratio", "Ratio", ":1", 1.0f, 20.0f, 4.0f, 0.0f },
                   { "attack_ms", "Attack", "ms", 0.1f, 200.0f, 10.0f, 0.0f },
                   { "release_ms", "Release", "ms", 5.0f, 5000.0f, 100.0f, 0.0f },
                   { "knee_db", "Knee", "dB", 0.0f, 24.0f, 6.0f, 0.0f },
                   { "makeup_db", "Makeup", "dB", -12.0f, 24.0f, 0.0f, makeupSmoothingMs } })
{
}

float CompressorProcessor::gainComputer (float xG, float threshold, float r, float knee) noexcept
{
    const float over = xG - threshold;
    if (knee <= 0.0f)
        return over <= 0.0f ? xG : threshold + over / r;
    if (2.0f * over < -knee)
        return xG;
    if (2.0f * over > knee)
        return threshold + over / r;
    // Inside the knee a quadratic joins the two lines with matching slopes at both ends.
    const float k = over + knee * 0.5f;
    return xG + (1.0f / r - 1.0f) * k * k / (2.0f * knee);
}

void CompressorProcessor::prepareToPlay()
{
    makeup.prepare (getSampleRate(), makeupSmoothingMs);
}

void CompressorProcessor::resetState() noexcept
{
    makeup.setImmediate (getParameter (makeupDb));
    reductionDb = 0.0;
    cachedGainDb = (float) makeup.getCurrent();
    cachedGain = fastDbToGain (cachedGainDb);
}

void CompressorProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    const float threshold = getParameter (thresholdDb);
    const float r = getParameter (ratio);
    const float knee = getParameter (kneeDb);
    const double attack = onePoleCoefficient (getParameter (attackMs), getSampleRate());
    const double release = onePoleCoefficient (getParameter (releaseMs), getSampleRate());
    makeup.setTarget (getParameter (makeupDb));

    // Below the knee's lower edge the computer returns its input, so the log can be skipped by
    // comparing |x| with that edge as a linear amplitude.
    const float kneeStart = fastDbToGain (threshold - 0.5f * knee);
    double yL = reductionDb;

    for (int i = 0; i < numFrames; ++i)
    {
        float peak = 0.0f;
        for (int c = 0; c < numChannels; ++c)
            peak = std::max (peak, std::abs (channels[c][i]));

        double xL = 0.0;
        if (peak > kneeStart)
        {
            const float xG = fastGainToDb (peak);
            xL = (double) (xG - gainComputer (xG, threshold, r, knee));
        }

        // Smooth branching peak detector (eq. 17): attack while the reduction grows.
        const double a = xL > yL ? attack : release;
        yL = a * yL + (1.0 - a) * xL;
        if (yL < reductionFloorDb)
            yL = 0.0;

        const float gainDb = (float) (makeup.next() - yL);
        if (gainDb != cachedGainDb)
        {
            cachedGainDb = gainDb;
            cachedGain = fastDbToGain (gainDb);
        }
        for (int c = 0; c < numChannels; ++c)
            channels[c][i] *= cachedGain;
    }

    reductionDb = yL;
}
} // namespace sprocket::dsp
