// Every registered processor, the pluginval way: several sample rates and block sizes, white
// noise then ten seconds of silence; the output must stay finite, contain no subnormal numbers,
// and must not depend on the block size when parameters are constant.
//
// Denormals: Processor::process sets flush-to-zero/denormals-are-zero for each block
// (ScopedNoDenormals), and the recursive states additionally snap to rest, so a decaying tail
// ends in exact zeros; this test checks the output with std::fpclassify.

#include "dsp/ProcessorRegistry.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

namespace
{
enum class Settings
{
    defaults,
    exercised // every parameter 30 % into its range: EQ bands and filters active, etc.
};

struct ConformanceRun
{
    AudioBuffer output { 1, 1 };
    int nonFinite = 0;
    int subnormal = 0;
};

ConformanceRun runOnce (const std::string& type, Settings settings, double sr, int block, int channels)
{
    auto p = ProcessorRegistry::builtIns().create (type);
    if (settings == Settings::exercised)
        for (size_t i = 0; i < p->parameters().size(); ++i)
        {
            const auto& info = p->parameters()[i];
            p->setParameter ((int) i, info.min + 0.3f * (info.max - info.min));
        }
    p->prepare (sr, block, channels);

    const int noiseFrames = (int) sr, silenceFrames = 10 * (int) sr;
    const int outChannels = std::max (channels, p->outputChannels (channels));
    ConformanceRun run;
    run.output = AudioBuffer (outChannels, noiseFrames + silenceFrames);
    for (int c = 0; c < channels; ++c)
    {
        const auto noise = whiteNoise (noiseFrames, 0.9, 1234 + (uint64_t) c);
        std::copy (noise.begin(), noise.end(), run.output[c].begin());
    }
    processInBlocks (*p, run.output, block);

    for (int c = 0; c < outChannels; ++c)
        for (float v : run.output[c])
        {
            const int kind = std::fpclassify (v);
            run.nonFinite += kind == FP_NAN || kind == FP_INFINITE;
            run.subnormal += kind == FP_SUBNORMAL;
        }
    return run;
}
}

class ProcessorConformanceTest : public ::testing::TestWithParam<std::string>
{
};

TEST_P (ProcessorConformanceTest, FiniteDenormalFreeAndBlockSizeIndependent)
{
    const auto type = GetParam();
    for (auto settings : { Settings::defaults, Settings::exercised })
        for (double sr : { 44100.0, 48000.0, 96000.0 })
        {
            const auto label = type + (settings == Settings::defaults ? " defaults @" : " exercised @")
                               + std::to_string ((int) sr);
            std::vector<ConformanceRun> runs;
            for (int block : { 1, 64, 512 })
            {
                runs.push_back (runOnce (type, settings, sr, block, 2));
                EXPECT_EQ (runs.back().nonFinite, 0) << label << " block " << block;
                EXPECT_EQ (runs.back().subnormal, 0) << label << " block " << block;
            }

            double worst = 0.0;
            for (size_t r = 1; r < runs.size(); ++r)
                for (int c = 0; c < runs[0].output.numChannels(); ++c)
                    for (size_t i = 0; i < runs[0].output[c].size(); ++i)
                        worst = std::max (worst, (double) std::abs (runs[r].output[c][i] - runs[0].output[c][i]));
            EXPECT_LE (worst, 1e-6) << label << ": blocks of 64/512 differ from blocks of 1";
        }
}

TEST_P (ProcessorConformanceTest, MonoInputWorks)
{
    const auto run = runOnce (GetParam(), Settings::exercised, 48000.0, 64, 1);
    EXPECT_EQ (run.nonFinite, 0);
    EXPECT_EQ (run.subnormal, 0);
}

TEST_P (ProcessorConformanceTest, ResetReturnsToTheInitialState)
{
    auto p = ProcessorRegistry::builtIns().create (GetParam());
    p->prepare (48000.0, 256, 2);
    const auto noise = whiteNoise (4096, 0.9);

    auto first = filled (2, noise);
    processInBlocks (*p, first, 256);
    p->reset();
    auto second = filled (2, noise);
    processInBlocks (*p, second, 256);
    EXPECT_EQ (first.data, second.data);
}

INSTANTIATE_TEST_SUITE_P (AllTypes, ProcessorConformanceTest,
                          ::testing::ValuesIn (ProcessorRegistry::builtIns().typeNames()),
                          [] (const auto& paramInfo) { return paramInfo.param; });
