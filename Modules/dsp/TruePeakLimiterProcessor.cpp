#include "dsp/TruePeakLimiterProcessor.h"

#include "core/Decibels.h"

#include <algorithm>
#include <cmath>

namespace sprocket::dsp
{
namespace
{
    int powerOfTwoAtLeast (int n)
    {
        int size = 1;
        while (size < n)
            size *= 2;
        return size;
    }
} // namespace

TruePeakLimiterProcessor::TruePeakLimiterProcessor()
    : Processor ({ { "ceiling_dbtp", "Ceiling", "dBTP", -24.0f, 0.0f, -1.0f, 0.0f },
                   { "release_ms", "Release", "ms", 1.0f, 1000.0f, 100.0f, 0.0f } })
{
}

double TruePeakLimiterProcessor::maxGainReductionDb() const noexcept
{
    return smallestGain < 1.0 ? -20.0 * std::log10 (smallestGain) : 0.0;
}

void TruePeakLimiterProcessor::prepareToPlay()
{
    const int channels = getNumChannels();
    detector.prepare (getSampleRate(), channels, getMaxBlockSize());
    peaks.assign ((size_t) getMaxBlockSize(), 0.0f);
    const int span = detector.span();
    attack = std::max (1, (int) std::lround (lookaheadMs * 0.001 * getSampleRate()));
    window = attack + span - 1;
    delay = window - 1;

    const int lineSize = powerOfTwoAtLeast (delay + 1);
    delayMask = lineSize - 1;
    lines.assign ((size_t) channels, std::vector<float> ((size_t) lineSize, 0.0f));

    const int queueSize = powerOfTwoAtLeast (window + 1);
    queueMask = queueSize - 1;
    queue.assign ((size_t) queueSize, MinEntry { 0, 1.0 });
    boxValues.assign ((size_t) attack, 1.0);
}

void TruePeakLimiterProcessor::resetState() noexcept
{
    detector.reset();
    for (auto& line : lines)
        std::fill (line.begin(), line.end(), 0.0f);
    writePos = 0;
    queueFront = queueBack = 0;
    sampleIndex = 0;
    std::fill (boxValues.begin(), boxValues.end(), 1.0);
    boxPos = 0;
    boxSum = (double) attack;
    released = 1.0;
    smallestGain = 1.0;
}

double TruePeakLimiterProcessor::windowMin (double gain) noexcept
{
    while (queueBack > queueFront && queue[(size_t) ((queueBack - 1) & queueMask)].gain >= gain)
        --queueBack;
    queue[(size_t) (queueBack++ & queueMask)] = { sampleIndex, gain };
    while (queue[(size_t) (queueFront & queueMask)].index <= sampleIndex - window)
        ++queueFront;
    return queue[(size_t) (queueFront & queueMask)].gain;
}

void TruePeakLimiterProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    numChannels = std::min (numChannels, (int) lines.size());
    detector.process (channels, numChannels, numFrames, peaks.data());

    const double ceiling = core::gainFromDb (getParameter (ceilingDbtp));
    const double releaseCoeff = std::exp (-1.0 / (getParameter (releaseMs) * 0.001 * getSampleRate()));
    const double invAttack = 1.0 / attack;

    for (int i = 0; i < numFrames; ++i)
    {
        const double peak = peaks[(size_t) i];
        const double h = windowMin (peak > ceiling ? ceiling / peak : 1.0);
        ++sampleIndex;

        // Down at once, up with the release time constant; snap when within 1e-9 so the
        // recovery ends exactly (and quiet material then passes bit-exactly).
        released = h < released ? h : h - releaseCoeff * (h - released);
        if (h - released < 1.0e-9)
            released = h;

        boxSum += released - boxValues[(size_t) boxPos];
        boxValues[(size_t) boxPos] = released;
        if (++boxPos == attack)
        {
            // Recompute once per window so the running sum cannot drift.
            boxPos = 0;
            boxSum = 0.0;
            for (double v : boxValues)
                boxSum += v;
        }
        const double gain = std::min (1.0, boxSum * invAttack);
        smallestGain = std::min (smallestGain, gain);

        const int readPos = (writePos - delay) & delayMask;
        for (int c = 0; c < numChannels; ++c)
        {
            auto* line = lines[(size_t) c].data();
            line[writePos] = channels[c][i];
            channels[c][i] = (float) (line[readPos] * gain);
        }
        writePos = (writePos + 1) & delayMask;
    }
}
} // namespace sprocket::dsp
