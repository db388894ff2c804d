#pragma once

#include "core/SampleTime.h"

#include <cstdint>
#include <vector>

namespace sprocket::core
{
struct HitPointSearch
{
    double minBpm = 60.0;
    double maxBpm = 180.0;
    /** Hits may land on every beat (1), on eighths (2), on triplets (3), ... */
    int subdivisionsPerBeat = 1;
    int maxProposals = 5;
};

/** A constant tempo under which the hits fall on the grid, with how far each misses. */
struct TempoProposal
{
    double bpm = 0.0;
    double worstErrorMs = 0.0;
    double rmsErrorMs = 0.0;
    /** The grid line (beats, or subdivisions of one, counted from 0 at bar 1) each hit takes. */
    std::vector<int64_t> hitGridLines;
};

/** The composer's hit-point helper: given where bar 1 starts and the picture hits the music
    must catch, the constant tempos in a range that put every hit closest to a beat (or a
    subdivision), best first (smallest worst-case miss). Each proposal is the exact minimax
    tempo for its assignment of hits to grid lines, so hits a tempo can catch exactly come out
    with a miss under a microsecond. */
std::vector<TempoProposal> proposeTempos (SamplePosition barOne, const std::vector<SamplePosition>& hits, int64_t sampleRate,
                                          const HitPointSearch& search = {});
} // namespace sprocket::core
