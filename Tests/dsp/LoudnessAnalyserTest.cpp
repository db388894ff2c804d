#include "dsp/LoudnessAnalyser.h"
#include "dsp/LoudnessChannelWeights.h"
#include "dsp/LoudnessHistogram.h"
#include "dsp/LoudnessMath.h"

#include "LoudnessTestSignals.h"

#include <gtest/gtest.h>

#include <cmath>
#include <thread>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

namespace
{
Programme noiseProgramme (int channels, double rate, double seconds)
{
    Programme p (channels, rate);
    Noise noise (3);
    for (auto& x : p.channels)
        for (int64_t i = 0; i < (int64_t) (seconds * rate); ++i)
            x.push_back ((float) (0.2 * noise.next() * (0.6 + 0.4 * std::sin ((double) i / rate * 2.3))));
    return p;
}

void expectSameSummary (const LoudnessSummary& a, const LoudnessSummary& b, double tolerance)
{
    EXPECT_NEAR (a.integratedLufs, b.integratedLufs, tolerance);
    EXPECT_NEAR (a.loudnessRangeLu, b.loudnessRangeLu, tolerance);
    EXPECT_NEAR (a.truePeakDbtp, b.truePeakDbtp, tolerance);
    EXPECT_NEAR (a.samplePeakDbfs, b.samplePeakDbfs, tolerance);
    EXPECT_NEAR (a.maxMomentaryLufs, b.maxMomentaryLufs, tolerance);
    EXPECT_NEAR (a.maxShortTermLufs, b.maxShortTermLufs, tolerance);
}
} // namespace

TEST (LoudnessAnalyserTest, SilenceIsMinusInfinityAndNoRange)
{
    Programme p (2, 48000.0);
    appendSilence (p, 5.0);
    const auto s = measure (p);
    EXPECT_TRUE (std::isinf (s.integratedLufs) && s.integratedLufs < 0);
    EXPECT_TRUE (std::isinf (s.truePeakDbtp) && s.truePeakDbtp < 0);
    EXPECT_TRUE (std::isinf (s.samplePeakDbfs) && s.samplePeakDbfs < 0);
    EXPECT_TRUE (std::isinf (s.maxMomentaryLufs) && s.maxMomentaryLufs < 0);
    EXPECT_TRUE (std::isinf (s.maxShortTermLufs) && s.maxShortTermLufs < 0);
    EXPECT_EQ (s.loudnessRangeLu, 0.0);
}

TEST (LoudnessAnalyserTest, UnderFourHundredMillisecondsHasNoIntegratedLoudness)
{
    // No complete gating block; the meters still read, padded with the silence before the start.
    Programme p (2, 48000.0);
    appendTone (p, -20.0, 0.3);
    const auto s = measure (p);
    EXPECT_TRUE (std::isinf (s.integratedLufs));
    EXPECT_NEAR (s.maxMomentaryLufs, -20.0 + 10.0 * std::log10 (0.3 / 0.4), 0.02);
    EXPECT_NEAR (s.maxShortTermLufs, -20.0 + 10.0 * std::log10 (0.3 / 3.0), 0.02);
    EXPECT_NEAR (s.samplePeakDbfs, -20.0, 0.01);
}

TEST (LoudnessAnalyserTest, BlockSizeDoesNotChangeTheResult)
{
    for (double rate : { 44100.0, 48000.0 })
    {
        const auto p = noiseProgramme (2, rate, 8.0);
        const auto reference = measure (p, 65536);
        for (int block : { 1, 7, 220, 221, 480, 4410, 4800, 10000 })
            expectSameSummary (measure (p, block), reference, 1e-9);
    }
}

TEST (LoudnessAnalyserTest, TasksOnSeveralThreadsGiveExactlyTheSameResult)
{
    const auto p = noiseProgramme (8, 48000.0, 6.0);
    const int block = 4096;
    LoudnessAnalyser serial, parallel;
    serial.prepare (48000.0, 8, block);
    parallel.prepare (48000.0, 8, block);
    analyse (serial, p, block);
    // 7.1: seven weighted channels in two K-weighting groups, and eight true-peak tasks.
    ASSERT_EQ (parallel.numTasks(), 2 + 8);

    for (int64_t start = 0; start < p.numFrames(); start += block)
    {
        const int n = (int) std::min<int64_t> (block, p.numFrames() - start);
        std::vector<const float*> channels;
        for (auto& x : p.channels)
            channels.push_back (x.data() + start);
        std::thread other ([&] {
            for (int task = 1; task < parallel.numTasks(); task += 2)
                parallel.runTask (task, channels.data(), n);
        });
        for (int task = 0; task < parallel.numTasks(); task += 2)
            parallel.runTask (task, channels.data(), n);
        other.join();
        parallel.completeBlock (n);
    }
    const auto a = serial.summary(), b = parallel.summary();
    EXPECT_EQ (a.integratedLufs, b.integratedLufs);
    EXPECT_EQ (a.loudnessRangeLu, b.loudnessRangeLu);
    EXPECT_EQ (a.truePeakDbtp, b.truePeakDbtp);
    EXPECT_EQ (a.maxMomentaryLufs, b.maxMomentaryLufs);
    EXPECT_EQ (a.maxShortTermLufs, b.maxShortTermLufs);
}

TEST (LoudnessAnalyserTest, LfeIsExcludedButItsPeakCounts)
{
    Programme p (6, 48000.0);
    appendSine (p, 1000.0, { -30.0, -30.0, -30.0, -1.0, -30.0, -30.0 }, 5.0);
    Programme withoutLfe (6, 48000.0);
    appendSine (withoutLfe, 1000.0, { -30.0, -30.0, -30.0, silent, -30.0, -30.0 }, 5.0);
    const auto a = measure (p), b = measure (withoutLfe);
    EXPECT_EQ (a.integratedLufs, b.integratedLufs);
    EXPECT_NEAR (a.samplePeakDbfs, -1.0, 0.01);
    EXPECT_NEAR (a.truePeakDbtp, -1.0, 0.02);
}

TEST (LoudnessAnalyserTest, ChannelWeightsFollowTheLayout)
{
    EXPECT_EQ (loudnessChannelWeights (1), std::vector<double> ({ 1.0 }));
    EXPECT_EQ (loudnessChannelWeights (2), std::vector<double> ({ 1.0, 1.0 }));
    EXPECT_EQ (loudnessChannelWeights (6), std::vector<double> ({ 1.0, 1.0, 1.0, 0.0, 1.41, 1.41 }));
    EXPECT_EQ (loudnessChannelWeights (8), std::vector<double> ({ 1.0, 1.0, 1.0, 0.0, 1.41, 1.41, 1.0, 1.0 }));

    // 7.1: the same tone in one channel at a time; side surrounds read 1.5 dB louder than the
    // fronts and the rears, the LFE not at all.
    auto loudnessOfChannel = [] (int channel) {
        std::vector<double> levels (8, silent);
        levels[(size_t) channel] = -20.0;
        Programme p (8, 48000.0);
        appendSine (p, 1000.0, levels, 3.0);
        return measure (p).integratedLufs;
    };
    const double front = loudnessOfChannel (0);
    EXPECT_NEAR (front, -23.01, 0.02); // one channel of the stereo -20 dBFS pair: -3 dB
    EXPECT_EQ (loudnessOfChannel (1), front);
    EXPECT_EQ (loudnessOfChannel (2), front);
    EXPECT_TRUE (std::isinf (loudnessOfChannel (3)));
    EXPECT_NEAR (loudnessOfChannel (4) - front, 10.0 * std::log10 (1.41), 1e-9);
    EXPECT_NEAR (loudnessOfChannel (5) - front, 10.0 * std::log10 (1.41), 1e-9);
    EXPECT_EQ (loudnessOfChannel (6), front);
    EXPECT_EQ (loudnessOfChannel (7), front);

    // Caller-supplied weights replace the defaults.
    Programme p (2, 48000.0);
    appendSine (p, 1000.0, { -20.0, -20.0 }, 3.0);
    LoudnessAnalyser analyser;
    analyser.prepare (48000.0, 2, 1024, 0.0, { 1.0, 0.0 });
    analyse (analyser, p, 1024);
    EXPECT_NEAR (analyser.integratedLufs(), front, 1e-9);
}

TEST (LoudnessAnalyserTest, HistoryKeepsTheLastReadingsEvery100Ms)
{
    Programme p (2, 48000.0);
    appendTone (p, -30.0, 2.0);
    appendTone (p, -20.0, 3.0);
    LoudnessAnalyser analyser;
    analyser.prepare (48000.0, 2, 1000, 4.0);
    analyse (analyser, p, 1000);
    const auto& history = analyser.history();
    EXPECT_EQ (history.totalAdded(), 50);
    ASSERT_EQ (history.size(), 40); // 4 s of room: the first second was overwritten
    EXPECT_NEAR (history[0].momentaryLufs, -30.0, 0.05);    // 1.1 s
    EXPECT_NEAR (history[39].momentaryLufs, -20.0, 0.05);   // 5.0 s
    EXPECT_NEAR (history[39].shortTermLufs, -20.0, 0.05);
    EXPECT_NEAR (history[20].shortTermLufs, -20.0 + 10.0 * std::log10 (1.1 / 3.0 + 1.9 / 30.0), 0.05); // 3.1 s

    analyser.reset();
    EXPECT_EQ (history.size(), 0);
    EXPECT_EQ (analyser.framesProcessed(), 0);
    EXPECT_TRUE (std::isinf (analyser.maxMomentaryLufs()));
}

TEST (LoudnessAnalyserTest, HistogramMeansAreExactAndGatesUseBinMeans)
{
    LoudnessHistogram h;
    h.prepare();
    h.add (energyFromLufs (-80.0)); // below the absolute gate
    h.add (energyFromLufs (-20.003));
    h.add (energyFromLufs (-20.007)); // same 0.01 LU bin
    h.add (energyFromLufs (-30.0));
    EXPECT_EQ (h.count(), 3u);
    const auto all = h.sumAtOrAbove (0.0);
    EXPECT_DOUBLE_EQ (all.energy, energyFromLufs (-20.003) + energyFromLufs (-20.007) + energyFromLufs (-30.0));
    EXPECT_EQ (h.sumAtOrAbove (energyFromLufs (-25.0)).count, 2u);
    EXPECT_EQ (h.sumAtOrAbove (energyFromLufs (-20.0055)).count, 2u); // the bin's mean is above
    EXPECT_EQ (h.sumAtOrAbove (energyFromLufs (-20.0045)).count, 0u); // the bin's mean is below
    EXPECT_DOUBLE_EQ (h.energyAtRank (0.0, 0), energyFromLufs (-30.0));
    EXPECT_DOUBLE_EQ (h.energyAtRank (0.0, 2), (energyFromLufs (-20.003) + energyFromLufs (-20.007)) / 2.0);
}
