#include "core/HitPointTempo.h"

#include <algorithm>
#include <cmath>

namespace sprocket::core
{
namespace
{
    /** Seconds between grid lines at a tempo (bpm counts quarter notes). */
    double gridPeriod (double bpm, int subdivisions)
    {
        return 60.0 / (bpm * subdivisions);
    }

    double worstMiss (const std::vector<double>& times, double period)
    {
        double worst = 0.0;
        for (double t : times)
            worst = std::max (worst, std::abs (t - std::round (t / period) * period));
        return worst;
    }

    /** With each hit tied to a grid line, the worst miss is convex in the period: a ternary
        search between two neighbours of the scan finds its minimum. */
    double minimaxPeriod (const std::vector<double>& times, const std::vector<int64_t>& lines, double low, double high)
    {
        const auto worst = [&] (double period) {
            double w = 0.0;
            for (size_t i = 0; i < times.size(); ++i)
                w = std::max (w, std::abs (times[i] - double (lines[i]) * period));
            return w;
        };
        for (int iteration = 0; iteration < 200; ++iteration)
        {
            const double a = low + (high - low) / 3.0, b = high - (high - low) / 3.0;
            if (worst (a) <= worst (b))
                high = b;
            else
                low = a;
        }
        return 0.5 * (low + high);
    }

    TempoProposal proposalFor (const std::vector<double>& times, double period, int subdivisions)
    {
        TempoProposal proposal;
        proposal.bpm = 60.0 / (period * subdivisions);
        double sumSquares = 0.0;
        for (double t : times)
        {
            const auto line = int64_t (std::llround (t / period));
            const double miss = std::abs (t - double (line) * period);
            proposal.hitGridLines.push_back (line);
            proposal.worstErrorMs = std::max (proposal.worstErrorMs, miss * 1000.0);
            sumSquares += miss * miss;
        }
        proposal.rmsErrorMs = times.empty() ? 0.0 : std::sqrt (sumSquares / double (times.size())) * 1000.0;
        return proposal;
    }
} // namespace

std::vector<TempoProposal> proposeTempos (SamplePosition barOne, const std::vector<SamplePosition>& hits, int64_t sampleRate,
                                          const HitPointSearch& search)
{
    const int subdivisions = std::max (1, search.subdivisionsPerBeat);
    if (hits.empty() || sampleRate <= 0 || ! (search.minBpm > 0.0) || search.maxBpm < search.minBpm)
        return {};

    std::vector<double> times;
    double latest = 0.0;
    for (auto hit : hits)
    {
        times.push_back (double ((hit - barOne).samples) / double (sampleRate));
        latest = std::max (latest, std::abs (times.back()));
    }
    if (latest == 0.0)
        return { proposalFor (times, gridPeriod (search.minBpm, subdivisions), subdivisions) };

    // The latest hit's grid phase moves fastest with tempo: step so that it moves at most 2 %
    // of a grid line per step, and no local minimum of the worst miss slips between steps.
    const double step = 0.02 * 60.0 / (subdivisions * latest);
    const auto steps = std::clamp (int64_t ((search.maxBpm - search.minBpm) / step) + 1, int64_t (2), int64_t (4'000'000));
    const double bpmStep = (search.maxBpm - search.minBpm) / double (steps - 1);

    std::vector<double> misses (static_cast<size_t> (steps));
    for (int64_t i = 0; i < steps; ++i)
        misses[size_t (i)] = worstMiss (times, gridPeriod (search.minBpm + double (i) * bpmStep, subdivisions));

    std::vector<TempoProposal> proposals;
    for (int64_t i = 0; i < steps; ++i)
    {
        const double here = misses[size_t (i)];
        const bool lowerThanLeft = i == 0 || here < misses[size_t (i - 1)];
        const bool notHigherThanRight = i == steps - 1 || here <= misses[size_t (i + 1)];
        if (! lowerThanLeft || ! notHigherThanRight)
            continue;
        const double bpm = search.minBpm + double (i) * bpmStep;
        std::vector<int64_t> lines;
        for (double t : times)
            lines.push_back (int64_t (std::llround (t / gridPeriod (bpm, subdivisions))));
        const double fastest = std::min (search.maxBpm, bpm + bpmStep), slowest = std::max (search.minBpm, bpm - bpmStep);
        const double period =
            minimaxPeriod (times, lines, gridPeriod (fastest, subdivisions), gridPeriod (slowest, subdivisions));
        proposals.push_back (proposalFor (times, period, subdivisions));
    }

    std::sort (proposals.begin(), proposals.end(), [] (auto& a, auto& b) { return a.worstErrorMs < b.worstErrorMs; });
    std::vector<TempoProposal> distinct;
    for (auto& proposal : proposals)
    {
        const bool seen =
            std::any_of (distinct.begin(), distinct.end(), [&] (auto& p) { return std::abs (p.bpm - proposal.bpm) < 0.01; });
        if (! seen)
            distinct.push_back (std::move (proposal));
        if (int (distinct.size()) >= search.maxProposals)
            break;
    }
    return distinct;
}
} // namespace sprocket::core
