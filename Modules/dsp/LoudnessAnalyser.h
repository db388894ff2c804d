#pragma once

#include "dsp/IntegratedLoudness.h"
#include "dsp/KWeighting.h"
#include "dsp/LoudnessHistory.h"
#include "dsp/LoudnessRange.h"
#include "dsp/TruePeakMeter.h"

#include <cstdint>
#include <vector>

namespace sprocket::dsp
{
/** What a loudness measurement reports for a programme (docs/LOUDNESS.md explains each). */
struct LoudnessSummary
{
    double integratedLufs;   // BS.1770-4 gated; -inf for silence or under 400 ms
    double loudnessRangeLu;  // EBU Tech 3342; 0 when under 3 s or silent
    double truePeakDbtp;     // loudest channel, 4x oversampled; -inf for digital silence
    double samplePeakDbfs;   // loudest channel; -inf for digital silence
    double maxMomentaryLufs; // highest 400 ms reading, one every 100 ms; -inf if none
    double maxShortTermLufs; // highest 3 s reading, one every 100 ms; -inf if none
};

/** ITU-R BS.1770-4 / EBU R128 loudness meter: K-weighting, momentary (400 ms), short-term (3 s)
    and gated integrated loudness, loudness range (EBU Tech 3342), sample and true peak.

    Time advances in 100 ms steps (LoudnessMath.h: samplesPer100ms), each cut into 20 ticks of
    about 5 ms. At the end of every tick the momentary reading (the last 400 ms) and the short-term
    reading (the last 3 s) are updated, counting time before the first sample as silence, as a
    meter that starts with the programme shows it: a live meter moves smoothly. At the end of every
    step (the 10 Hz of EBU Tech 3341, and the grid libebur128 and ffmpeg read on):
    - the readings count towards their maxima (a 400 ms burst straddling two steps reads up to
      0.58 dB low, as on every 10 Hz meter; Tech 3341's cases offset their bursts so that one lands
      on the grid);
    - once 4 steps exist, the momentary window is a gating block for the integrated loudness
      (400 ms blocks overlapping by 75 %, BS.1770-4), and once 30 exist, every 10th short-term
      window (one a second, 2 s overlap) is a value for the loudness range, as libebur128 takes
      them (see LoudnessRange.h);
    - both readings go to the history.
    Audio after the last whole tick is metered for peaks but cannot complete a window.
    Channel weights default to loudnessChannelWeights(channels) (the LFE is excluded; surrounds
    +1.5 dB); a weight of 0 skips a channel's K-weighting entirely.

    Threads: prepare() [[message thread]] is the only call that allocates. process() is real-time
    safe ([[audio thread]] for a live meter): no allocation, lock or I/O, whatever the programme
    length. For files, the same work splits into numTasks() independent tasks per block: the
    K-weighting of up to four channels at a time (one per SIMD lane) and each channel's true
    peak. runTask() for different tasks may run on different threads at once; completeBlock()
    then runs once all of a block's tasks are done (the caller provides the happens-before, e.g.
    a barrier). process() is exactly that on one thread, so results are identical either way.
    Readings [[any thread]] while nothing processes. */
class LoudnessAnalyser
{
public:
    /** maxBlockSize bounds numFrames per call; historySeconds sizes the history ring (0: none);
        empty weights mean loudnessChannelWeights (channels). */
    void prepare (double sampleRate, int channels, int maxBlockSize, double historySeconds = 0.0,
                  std::vector<double> channelWeights = {});

    /** Clears all state and readings, as for a new programme. Real-time safe. */
    void reset() noexcept;

    /** Meters numFrames (<= maxBlockSize) of every channel: channels[c][i]. */
    void process (const float* const* channels, int numFrames) noexcept;

    /** The independent tasks a block divides into: the K-weighting groups first (the longer
        ones), then one true-peak task per channel. */
    int numTasks() const noexcept { return (int) groups.size() + numChannels(); }

    /** One task's share of process() for a block of numFrames of every channel. */
    void runTask (int task, const float* const* channels, int numFrames) noexcept;

    /** Completes a block of numFrames after runTask() ran for every task on it. */
    void completeBlock (int numFrames) noexcept;

    //==============================================================================
    LoudnessSummary summary() const noexcept;

    double integratedLufs() const noexcept { return integrated.integratedLufs(); }
    double loudnessRangeLu() const noexcept { return range.loudnessRangeLu(); }
    /** Readings at the end of the last tick (-inf before the first). */
    double momentaryLufs() const noexcept;
    double shortTermLufs() const noexcept;
    double maxMomentaryLufs() const noexcept;
    double maxShortTermLufs() const noexcept;
    double truePeakDbtp() const noexcept;
    double samplePeakDbfs() const noexcept;
    double channelTruePeakDbtp (int channel) const noexcept;
    double channelSamplePeakDbfs (int channel) const noexcept;

    const LoudnessHistory& history() const noexcept { return readings; }
    int64_t framesProcessed() const noexcept { return frames; }
    int64_t stepsCompleted() const noexcept { return steps; }
    int numChannels() const noexcept { return (int) weights.size(); }
    const std::vector<double>& channelWeights() const noexcept { return weights; }
    double getSampleRate() const noexcept { return sampleRate; }

private:
    static constexpr int momentarySteps = 4;      // 400 ms
    static constexpr int shortTermSteps = 30;     // 3 s
    static constexpr int ticksPerStep = 20;       // 5 ms ticks
    static constexpr int rangeStepsPerValue = 10; // one short-term value a second for the LRA
    static constexpr int ringTicks = shortTermSteps * ticksPerStep;

    void weighGroup (const std::vector<int>& group, const float* const* channels, int numFrames) noexcept;
    int ticksInBlock (int numFrames) const noexcept;
    void completeTick (double weightedEnergy) noexcept;
    void completeStep() noexcept;

    double sampleRate = 0.0;
    int stepLength = 1;              // samples per 100 ms
    std::vector<int> tickBoundaries; // ticksPerStep + 1 offsets into a step, 0 ... stepLength
    int maxBlock = 0;
    int maxTicksPerBlock = 0;
    std::vector<double> weights;
    std::vector<std::vector<int>> groups; // channels with a weight, up to four per K-weighting task

    KWeightingFilter kWeighting;
    TruePeakMeter peaks;
    IntegratedLoudness integrated;
    LoudnessRange range;
    LoudnessHistory readings;

    // Per channel: the K-weighted energy of the unfinished tick, and the energies of the ticks a
    // block completes (maxTicksPerBlock per channel), weighted and summed by completeBlock().
    std::vector<double> partialEnergy;
    std::vector<double> completedEnergy;

    int positionInStep = 0, tickInStep = 0;
    std::vector<double> recentTicks;               // weighted energies of the last ringTicks ticks, a ring
    double momentarySum = 0.0, shortTermSum = 0.0; // over the last 80 and 600 ticks
    int64_t ticks = 0, steps = 0, frames = 0;
    double momentaryEnergy = 0.0, shortTermEnergy = 0.0;
    double maxMomentaryEnergy = 0.0, maxShortTermEnergy = 0.0;
};
} // namespace sprocket::dsp
