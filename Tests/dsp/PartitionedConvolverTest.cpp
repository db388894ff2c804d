#include "dsp/PartitionedConvolver.h"

#include "DspTestSignals.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace sprocket::dsp;
using namespace sprocket::dsp::test;

namespace
{
/** The reference: y[n] = sum h[k] x[n - k] in double precision. */
std::vector<double> directConvolution (const std::vector<float>& x, const std::vector<float>& h)
{
    std::vector<double> y (x.size(), 0.0);
    for (size_t n = 0; n < x.size(); ++n)
        for (size_t k = 0; k < h.size() && k <= n; ++k)
            y[n] += (double) h[k] * x[n - k];
    return y;
}

/** Runs x through a convolver in blocks cycling through the given sizes. */
std::vector<float> convolve (PartitionedConvolver& convolver, std::vector<float> x, const std::vector<int>& blocks)
{
    size_t start = 0, which = 0;
    while (start < x.size())
    {
        const int n = (int) std::min<size_t> ((size_t) blocks[which++ % blocks.size()], x.size() - start);
        convolver.process (x.data() + start, x.data() + start, n); // in place, as the processor does
        start += (size_t) n;
    }
    return x;
}

/** Largest |output[n + latency] - reference[n]| over the whole reference. */
double worstError (const std::vector<float>& output, const std::vector<double>& reference, int latency)
{
    double worst = 0.0;
    for (size_t n = 0; n + (size_t) latency < output.size(); ++n)
        worst = std::max (worst, std::abs ((double) output[n + (size_t) latency] - reference[n]));
    return worst;
}

double errorAgainstDirect (int irLength, int partitionSize, bool zeroLatency, const std::vector<int>& blocks)
{
    const auto h = whiteNoise (irLength, 0.05, 77 + (uint64_t) irLength); // a decaying-level-free worst case
    const auto x = whiteNoise (3 * irLength + 4000, 1.0, 5);
    PartitionedConvolver convolver;
    convolver.prepare (h.data(), irLength, partitionSize, zeroLatency);
    const int latency = convolver.latencySamples();
    auto padded = x;
    padded.resize (x.size() + (size_t) latency, 0.0f);
    const auto reference = directConvolution (x, h);
    return worstError (convolve (convolver, padded, blocks), reference, latency);
}
} // namespace

TEST (PartitionedConvolverTest, AUnitImpulseIsTransparentWithTheReportedLatency)
{
    const std::vector<float> unit { 1.0f };
    const auto x = whiteNoise (3000, 1.0);
    for (bool zeroLatency : { false, true })
    {
        PartitionedConvolver convolver;
        convolver.prepare (unit.data(), 1, 256, zeroLatency);
        EXPECT_EQ (convolver.latencySamples(), zeroLatency ? 0 : 256);
        const auto y = convolve (convolver, x, { 37, 256, 1, 1000 });
        const int latency = convolver.latencySamples();
        double worst = 0.0;
        for (int i = 0; i < latency; ++i)
            worst = std::max (worst, (double) std::abs (y[(size_t) i]));
        for (size_t i = 0; i + (size_t) latency < x.size(); ++i)
            worst = std::max (worst, (double) std::abs (y[i + (size_t) latency] - x[i]));
        EXPECT_LE (worst, 1e-6) << (zeroLatency ? "zero latency" : "latency B");
    }
}

TEST (PartitionedConvolverTest, EqualsDirectConvolutionForALongIrInAnyBlockSizes)
{
    // 5000 taps = 19.5 partitions of 256 (the last one partial).
    for (bool zeroLatency : { false, true })
    {
        const double worst = errorAgainstDirect (5000, 256, zeroLatency, { 1, 37, 256, 1000 });
        EXPECT_LE (worst, 1e-5) << (zeroLatency ? "zero latency" : "latency B");
        RecordProperty (zeroLatency ? "max_error_zero_latency" : "max_error", std::to_string (worst));
    }
}

TEST (PartitionedConvolverTest, HandlesAnIrShorterThanOnePartition)
{
    for (bool zeroLatency : { false, true })
        EXPECT_LE (errorAgainstDirect (100, 256, zeroLatency, { 37, 1000 }), 1e-5);
}

TEST (PartitionedConvolverTest, HandlesAnIrOfExactlyNPartitions)
{
    for (bool zeroLatency : { false, true })
    {
        EXPECT_LE (errorAgainstDirect (4 * 128, 128, zeroLatency, { 1, 37, 128, 1000 }), 1e-5);
        EXPECT_LE (errorAgainstDirect (128, 128, zeroLatency, { 37 }), 1e-5); // head only
    }
}

TEST (PartitionedConvolverTest, ResetForgetsThePast)
{
    const auto h = whiteNoise (700, 0.1, 3);
    const auto x = whiteNoise (2000, 1.0, 4);
    PartitionedConvolver convolver;
    convolver.prepare (h.data(), (int) h.size(), 64, true);
    const auto first = convolve (convolver, x, { 100 });
    convolver.reset();
    EXPECT_EQ (convolve (convolver, x, { 33 }), first);
}
