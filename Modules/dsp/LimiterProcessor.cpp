#include "dsp/LimiterProcessor.h"

#include "core/Decibels.h"

#include <algorithm>
#include <cmath>

namespace sprocket::dsp
{
LimiterProcessor::LimiterProcessor()
    : Processor ({ { "ceiling_db", "Ceiling", "dB", -24.0f, 0.0f, -1.0f, 0.0f },
                   { "release_ms", "Release", "ms", 1.0f, 1000.0f, 50.0f, 0.0f } })
{
}

static int powerOfTwoAtLeast (int n)
{
    int size = 1;
    while (size < n)
        size *= 2;
    return size;
}

void LimiterProcessor::prepareToPlay()
{
    lookahead = std::max (1, (int) std::lround (lookaheadMs * 0.001 * getSampleRate()));
    window = lookahead + 1;

    const int lineSize = powerOfTwoAtLeast (window);
    delayMask = lineSize - 1;
    lines.assign ((size_t) getNumChannels(), std::vector<float> ((size_t) lineSize, 0.0f));

    const int queueSize = powerOfTwoAtLeast (window + 1);
    queueMask = queueSize - 1;
    queue.assign ((size_t) queueSize, MinEntry { 0, 1.0 });
    boxValues.assign ((size_t) window, 1.0);
}

void LimiterProcessor::resetState() noexcept
{
    for (auto& line : lines)
        std::fill (line.begin(), line.end(), 0.0f);
    writePos = 0;
    queueFront = queueBack = 0;
    sampleIndex = 0;
    std::fill (boxValues.begin(), boxValues.end(), 1.0);
    boxPos = 0;
    boxSum = (double) window;
    released = 1.0;
}

double LimiterProcessor::windowMin (double gain) noexcept
{
    while (queueBack > queueFront && queue[(size_t) ((queueBack - 1) & queueMask)].gain >= gain)
        --queueBack;
    queue[(size_t) (queueBack++ & queueMask)] = { sampleIndex, gain };
    while (queue[(size_t) (queueFront & queueMask)].index <= sampleIndex - window)
        ++queueFront;
    return queue[(size_t) (queueFront & queueMask)].gain;
}

void LimiterProcessor::processBlock (float* const* channels, int numChannels, int numFrames) noexcept
{
    numChannels = std::min (numChannels, (int) lines.size());
    const double ceiling = (double) (float) core::gainFromDb (getParameter (ceilingDb));
    const double releaseCoeff = std::exp (-1.0 / (getParameter (releaseMs) * 0.001 * getSampleRate()));
    const double invWindow = 1.0 / window;

    for (int i = 0; i < numFrames; ++i)
    {
        float peak = 0.0f;
        for (int c = 0; c < numChannels; ++c)
            peak = std::max (peak, std::abs (channels[c][i]));

        const double needed = peak > ceiling ? ceiling / peak : 1.0;
        const double h = windowMin (needed);
        ++sampleIndex;

        // Down at once, up with the release time constant; snap when within 1e-9 so the
        // recovery ends exactly instead of creeping.
        released = h < released ? h : h - releaseCoeff * (h - released);
        if (h - released < 1.0e-9)
            released = h;

        boxSum += released - boxValues[(size_t) boxPos];
        boxValues[(size_t) boxPos] = released;
        if (++boxPos == window)
        {
            // Recompute once per window so the running sum cannot drift.
            boxPos = 0;
            boxSum = 0.0;
            for (double v : boxValues)
                boxSum += v;
        }
        const double gain = std::min (1.0, boxSum * invWindow);

        const int readPos = (writePos - lookahead) & delayMask;
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
