#include "core/HitPointTempo.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sprocket::core;

namespace
{
/** A hit on grid line `line` at `bpm` (quarter notes), rounded to a sample as a marker is. */
SamplePosition hitOn (double line, double bpm, int subdivisions, int64_t barOne, int64_t rate)
{
    return { barOne + std::llround (line * 60.0 / (bpm * subdivisions) * double (rate)) };
}
} // namespace

TEST (HitPointTempoTest, FindsTheTempoThatPutsEveryHitOnABeat)
{
    const int64_t rate = 48000, barOne = 3 * rate;
    const std::vector<SamplePosition> hits { hitOn (4, 97.5, 1, barOne, rate), hitOn (9, 97.5, 1, barOne, rate),
                                             hitOn (17, 97.5, 1, barOne, rate), hitOn (30, 97.5, 1, barOne, rate) };
    const auto proposals = proposeTempos ({ barOne }, hits, rate);
    ASSERT_FALSE (proposals.empty());
    EXPECT_NEAR (proposals[0].bpm, 97.5, 0.001);
    // Hits rounded to samples: no tempo catches them better than half a sample (0.0104 ms).
    EXPECT_LT (proposals[0].worstErrorMs, 0.0105);
    EXPECT_EQ (proposals[0].hitGridLines, (std::vector<int64_t> { 4, 9, 17, 30 }));
    for (size_t i = 1; i < proposals.size(); ++i)
    {
        EXPECT_GE (proposals[i].worstErrorMs, proposals[i - 1].worstErrorMs);
        EXPECT_GE (proposals[i].bpm, 60.0);
        EXPECT_LE (proposals[i].bpm, 180.0);
    }
}

TEST (HitPointTempoTest, HitsOnEighthsNeedTheSubdivisionToBeCaughtExactly)
{
    const int64_t rate = 44100;
    const std::vector<SamplePosition> hits { hitOn (3, 72.0, 2, 0, rate), hitOn (8, 72.0, 2, 0, rate),
                                             hitOn (13, 72.0, 2, 0, rate) };
    HitPointSearch eighths;
    eighths.subdivisionsPerBeat = 2;
    eighths.minBpm = 65.0;
    eighths.maxBpm = 80.0;
    const auto onEighths = proposeTempos ({}, hits, rate, eighths);
    ASSERT_FALSE (onEighths.empty());
    EXPECT_NEAR (onEighths[0].bpm, 72.0, 0.001);
    EXPECT_LT (onEighths[0].worstErrorMs, 0.012);

    auto beats = eighths;
    beats.subdivisionsPerBeat = 1;
    const auto onBeats = proposeTempos ({}, hits, rate, beats);
    ASSERT_FALSE (onBeats.empty());
    EXPECT_GT (onBeats[0].worstErrorMs, 1.0); // odd eighths cannot sit on beats at 65-80 bpm
}

TEST (HitPointTempoTest, ReportsTheMissWhenNoTempoInTheRangeCatchesEveryHit)
{
    const int64_t rate = 48000;
    // 1.0 s and 1.37 s after bar 1: no tempo of 100-110 puts both on beats.
    const std::vector<SamplePosition> hits { { rate }, { rate + rate * 37 / 100 } };
    HitPointSearch search;
    search.minBpm = 100.0;
    search.maxBpm = 110.0;
    const auto proposals = proposeTempos ({}, hits, rate, search);
    ASSERT_FALSE (proposals.empty());
    // The worst miss is what proposalFor says: recompute it independently for the best one.
    const double period = 60.0 / proposals[0].bpm;
    double worst = 0.0;
    for (auto hit : hits)
    {
        const double t = double (hit.samples) / double (rate);
        worst = std::max (worst, std::abs (t - std::round (t / period) * period));
    }
    EXPECT_NEAR (proposals[0].worstErrorMs, worst * 1000.0, 1e-9);
    EXPECT_GT (proposals[0].worstErrorMs, 1.0);
}

TEST (HitPointTempoTest, NoHitsGiveNoProposals)
{
    EXPECT_TRUE (proposeTempos ({}, {}, 48000).empty());
}
