#include "dsp/LoudnessAnalyser.h"

#include "core/Decibels.h"
#include "dsp/LoudnessChannelWeights.h"
#include "dsp/LoudnessMath.h"
#include "dsp/ScopedNoDenormals.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace sprocket::dsp
{
void LoudnessAnalyser::prepare (double newSampleRate, int channels, int maxBlockSize, double historySeconds,
                                std::vector<double> channelWeights)
{
    assert (newSampleRate > 0.0 && channels > 0 && maxBlockSize > 0);
    assert (channelWeights.empty() || (int) channelWeights.size() == channels);

    sampleRate = newSampleRate;
    stepLength = std::max (ticksPerStep, samplesPer100ms (sampleRate));
    // Tick k of a step covers [round(k L / 20), round((k + 1) L / 20)): 240 samples at 48 kHz,
    // 220 or 221 at 44.1 kHz. Every window ends on a tick boundary and spans whole steps, so it
    // always holds exactly 4 L or 30 L samples.
    tickBoundaries.resize (ticksPerStep + 1);
    for (int k = 0; k <= ticksPerStep; ++k)
        tickBoundaries[(size_t) k] = (int) std::lround ((double) k * stepLength / ticksPerStep);
    maxBlock = maxBlockSize;
    const int shortestTick = stepLength / ticksPerStep;
    maxTicksPerBlock = 1 + maxBlock / shortestTick;
    weights = channelWeights.empty() ? loudnessChannelWeights (channels) : std::move (channelWeights);

    kWeighting.prepare (sampleRate, channels);
    peaks.prepare (sampleRate, channels);
    integrated.prepare();
    range.prepare();
    readings.prepare ((int) std::ceil (historySeconds * 10.0));
    partialEnergy.assign ((size_t) channels, 0.0);
    completedEnergy.assign ((size_t) (channels * maxTicksPerBlock), 0.0);
    recentTicks.assign ((size_t) ringTicks, 0.0);
    reset();
}

void LoudnessAnalyser::reset() noexcept
{
    kWeighting.reset();
    peaks.reset();
    integrated.reset();
    range.reset();
    readings.reset();
    std::fill (partialEnergy.begin(), partialEnergy.end(), 0.0);
    std::fill (completedEnergy.begin(), completedEnergy.end(), 0.0);
    std::fill (recentTicks.begin(), recentTicks.end(), 0.0);
    positionInStep = tickInStep = 0;
    ticks = steps = frames = 0;
    momentaryEnergy = shortTermEnergy = maxMomentaryEnergy = maxShortTermEnergy = 0.0;
}

void LoudnessAnalyser::process (const float* const* channels, int numFrames) noexcept
{
    for (int c = 0; c < numChannels(); ++c)
        analyseChannel (c, channels[c], numFrames);
    completeBlock (numFrames);
}

void LoudnessAnalyser::analyseChannel (int channel, const float* samples, int numFrames) noexcept
{
    assert (channel >= 0 && channel < numChannels() && numFrames <= maxBlock);
    ScopedNoDenormals noDenormals; // a K-weighting tail decaying into silence would go subnormal

    peaks.process (channel, samples, numFrames);
    if (weights[(size_t) channel] == 0.0)
        return;

    double* completed = completedEnergy.data() + channel * maxTicksPerBlock;
    double partial = partialEnergy[(size_t) channel];
    int position = positionInStep, tick = tickInStep;
    for (int done = 0; done < numFrames;)
    {
        const int tickEnd = tickBoundaries[(size_t) tick + 1];
        const int count = std::min (numFrames - done, tickEnd - position);
        partial += kWeighting.filterEnergy (channel, samples + done, count);
        done += count;
        position += count;
        if (position == tickEnd)
        {
            *completed++ = partial;
            partial = 0.0;
            if (++tick == ticksPerStep)
                tick = position = 0;
        }
    }
    partialEnergy[(size_t) channel] = partial;
}

int LoudnessAnalyser::ticksInBlock (int numFrames) const noexcept
{
    int count = 0, position = positionInStep, tick = tickInStep;
    for (int done = 0; done < numFrames;)
    {
        const int tickEnd = tickBoundaries[(size_t) tick + 1];
        const int n = std::min (numFrames - done, tickEnd - position);
        done += n;
        position += n;
        if (position == tickEnd)
        {
            ++count;
            if (++tick == ticksPerStep)
                tick = position = 0;
        }
    }
    return count;
}

void LoudnessAnalyser::completeBlock (int numFrames) noexcept
{
    const int ticksDone = ticksInBlock (numFrames);
    for (int k = 0; k < ticksDone; ++k)
    {
        double energy = 0.0;
        for (int c = 0; c < numChannels(); ++c)
            if (weights[(size_t) c] != 0.0)
                energy += weights[(size_t) c] * completedEnergy[(size_t) (c * maxTicksPerBlock + k)];
        completeTick (energy);
    }

    // Advance the shared position the way analyseChannel() walked it.
    positionInStep = (int) (((int64_t) positionInStep + numFrames) % stepLength);
    tickInStep = (int) (std::upper_bound (tickBoundaries.begin(), tickBoundaries.end(), positionInStep)
                        - tickBoundaries.begin() - 1);
    frames += numFrames;
}

void LoudnessAnalyser::completeTick (double weightedEnergy) noexcept
{
    recentTicks[(size_t) (ticks % ringTicks)] = weightedEnergy;
    ++ticks;

    // Sums over the ring (zeros before the first tick) rather than running totals, so nothing
    // drifts over a long programme: 600 additions every 5 ms.
    double momentarySum = 0.0, shortTermSum = 0.0;
    for (int k = 0; k < ringTicks; ++k)
    {
        const double e = recentTicks[(size_t) ((ticks - 1 - k + ringTicks) % ringTicks)];
        shortTermSum += e;
        if (k < momentarySteps * ticksPerStep)
            momentarySum += e;
    }
    momentaryEnergy = momentarySum / (double) (momentarySteps * stepLength);
    shortTermEnergy = shortTermSum / (double) (shortTermSteps * stepLength);
    maxMomentaryEnergy = std::max (maxMomentaryEnergy, momentaryEnergy);
    maxShortTermEnergy = std::max (maxShortTermEnergy, shortTermEnergy);

    if (ticks % ticksPerStep == 0)
        completeStep();
}

void LoudnessAnalyser::completeStep() noexcept
{
    ++steps;
    if (steps >= momentarySteps)
        integrated.addBlock (momentaryEnergy);
    if (steps >= shortTermSteps)
        range.addShortTerm (shortTermEnergy);
    readings.add ({ (float) lufsFromEnergy (momentaryEnergy), (float) lufsFromEnergy (shortTermEnergy) });
}

double LoudnessAnalyser::momentaryLufs() const noexcept { return lufsFromEnergy (momentaryEnergy); }
double LoudnessAnalyser::shortTermLufs() const noexcept { return lufsFromEnergy (shortTermEnergy); }
double LoudnessAnalyser::maxMomentaryLufs() const noexcept { return lufsFromEnergy (maxMomentaryEnergy); }
double LoudnessAnalyser::maxShortTermLufs() const noexcept { return lufsFromEnergy (maxShortTermEnergy); }

double LoudnessAnalyser::channelTruePeakDbtp (int channel) const noexcept
{
    return core::dbFromGain (peaks.truePeak (channel));
}

double LoudnessAnalyser::channelSamplePeakDbfs (int channel) const noexcept
{
    return core::dbFromGain (peaks.samplePeak (channel));
}

double LoudnessAnalyser::truePeakDbtp() const noexcept
{
    float peak = 0.0f;
    for (int c = 0; c < numChannels(); ++c)
        peak = std::max (peak, peaks.truePeak (c));
    return core::dbFromGain (peak);
}

double LoudnessAnalyser::samplePeakDbfs() const noexcept
{
    float peak = 0.0f;
    for (int c = 0; c < numChannels(); ++c)
        peak = std::max (peak, peaks.samplePeak (c));
    return core::dbFromGain (peak);
}

LoudnessSummary LoudnessAnalyser::summary() const noexcept
{
    return { integratedLufs(), loudnessRangeLu(), truePeakDbtp(), samplePeakDbfs(), maxMomentaryLufs(),
             maxShortTermLufs() };
}
} // namespace sprocket::dsp
