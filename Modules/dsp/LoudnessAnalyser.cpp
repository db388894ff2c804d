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
    groups.clear();
    for (int c = 0; c < channels; ++c)
        if (weights[(size_t) c] != 0.0)
        {
            if (groups.empty() || (int) groups.back().size() == KWeightingFilter::maxLanes)
                groups.emplace_back();
            groups.back().push_back (c);
        }

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
    momentarySum = shortTermSum = 0.0;
    ticks = steps = frames = 0;
    momentaryEnergy = shortTermEnergy = maxMomentaryEnergy = maxShortTermEnergy = 0.0;
}

void LoudnessAnalyser::process (const float* const* channels, int numFrames) noexcept
{
    for (int task = 0; task < numTasks(); ++task)
        runTask (task, channels, numFrames);
    completeBlock (numFrames);
}

void LoudnessAnalyser::runTask (int task, const float* const* channels, int numFrames) noexcept
{
    assert (task >= 0 && task < numTasks() && numFrames <= maxBlock);
    ScopedNoDenormals noDenormals; // a K-weighting tail decaying into silence would go subnormal

    if (task < (int) groups.size())
        weighGroup (groups[(size_t) task], channels, numFrames);
    else
    {
        const int channel = task - (int) groups.size();
        peaks.process (channel, channels[channel], numFrames);
    }
}

void LoudnessAnalyser::weighGroup (const std::vector<int>& group, const float* const* channels, int numFrames) noexcept
{
    const int count = (int) group.size();
    const float* lanes[KWeightingFilter::maxLanes];
    double energies[KWeightingFilter::maxLanes];
    int completedTicks = 0;
    int position = positionInStep, tick = tickInStep;
    for (int done = 0; done < numFrames;)
    {
        const int tickEnd = tickBoundaries[(size_t) tick + 1];
        const int n = std::min (numFrames - done, tickEnd - position);
        for (int k = 0; k < count; ++k)
            lanes[k] = channels[group[(size_t) k]] + done;
        kWeighting.filterEnergies (group.data(), count, lanes, n, energies);
        for (int k = 0; k < count; ++k)
            partialEnergy[(size_t) group[(size_t) k]] += energies[k];
        done += n;
        position += n;
        if (position == tickEnd)
        {
            for (int k = 0; k < count; ++k)
            {
                const auto c = (size_t) group[(size_t) k];
                completedEnergy[c * (size_t) maxTicksPerBlock + (size_t) completedTicks] = partialEnergy[c];
                partialEnergy[c] = 0.0;
            }
            ++completedTicks;
            if (++tick == ticksPerStep)
                tick = position = 0;
        }
    }
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

    // Advance the shared position the way weighGroup() walked it.
    positionInStep = (int) (((int64_t) positionInStep + numFrames) % stepLength);
    tickInStep =
        (int) (std::upper_bound (tickBoundaries.begin(), tickBoundaries.end(), positionInStep) - tickBoundaries.begin() - 1);
    frames += numFrames;
}

void LoudnessAnalyser::completeTick (double weightedEnergy) noexcept
{
    constexpr int momentaryTicks = momentarySteps * ticksPerStep;
    const auto slot = (size_t) (ticks % ringTicks);
    const double leavingShortTerm = recentTicks[slot];
    const double leavingMomentary = recentTicks[(size_t) ((ticks - momentaryTicks + ringTicks) % ringTicks)];
    recentTicks[slot] = weightedEnergy;
    ++ticks;

    if (ticks % ticksPerStep != 0)
    {
        // Running sums between steps (the ring starts as zeros, i.e. silence before the start)...
        shortTermSum += weightedEnergy - leavingShortTerm;
        momentarySum += weightedEnergy - leavingMomentary;
    }
    else
    {
        // ...and summed afresh at every step, so no rounding builds up over a long programme
        // (and a loud tick leaving the window cannot leave cancellation error behind).
        momentarySum = shortTermSum = 0.0;
        for (int k = 0; k < ringTicks; ++k)
        {
            const double e = recentTicks[(size_t) ((ticks - 1 - k + ringTicks) % ringTicks)];
            shortTermSum += e;
            if (k < momentaryTicks)
                momentarySum += e;
        }
    }
    momentaryEnergy = std::max (0.0, momentarySum) / (double) (momentarySteps * stepLength);
    shortTermEnergy = std::max (0.0, shortTermSum) / (double) (shortTermSteps * stepLength);

    if (ticks % ticksPerStep == 0)
        completeStep();
}

void LoudnessAnalyser::completeStep() noexcept
{
    ++steps;
    maxMomentaryEnergy = std::max (maxMomentaryEnergy, momentaryEnergy);
    maxShortTermEnergy = std::max (maxShortTermEnergy, shortTermEnergy);
    if (steps >= momentarySteps)
        integrated.addBlock (momentaryEnergy);
    if (steps >= shortTermSteps && (steps - shortTermSteps) % rangeStepsPerValue == 0)
        range.addShortTerm (shortTermEnergy);
    readings.add ({ (float) lufsFromEnergy (momentaryEnergy), (float) lufsFromEnergy (shortTermEnergy) });
}

double LoudnessAnalyser::momentaryLufs() const noexcept
{
    return lufsFromEnergy (momentaryEnergy);
}
double LoudnessAnalyser::shortTermLufs() const noexcept
{
    return lufsFromEnergy (shortTermEnergy);
}
double LoudnessAnalyser::maxMomentaryLufs() const noexcept
{
    return lufsFromEnergy (maxMomentaryEnergy);
}
double LoudnessAnalyser::maxShortTermLufs() const noexcept
{
    return lufsFromEnergy (maxShortTermEnergy);
}

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
    return { integratedLufs(), loudnessRangeLu(), truePeakDbtp(), samplePeakDbfs(), maxMomentaryLufs(), maxShortTermLufs() };
}
} // namespace sprocket::dsp
