#include "dsp/TwoPopScanner.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sprocket::dsp
{
namespace
{
    // A pure tone puts all its energy in the demodulator; speech and music spread theirs.
    constexpr double minimumTonality = 0.5;

    // Guard stretches start this far from the burst's estimated edges, which are good to a hop
    // or two and may carry a short fade.
    constexpr double edgeMarginSeconds = 0.003;
} // namespace

void TwoPopScanner::prepare (double sampleRate, int numChannels, const TwoPopOptions& o)
{
    options = o;
    rate = sampleRate;
    hopSize = std::max (1, (int) std::lround (sampleRate / 1000.0)); // 1 ms: one cycle of 1 kHz
    windowHops = 5; // 5 ms: five cycles, a 200 Hz wide band, shorter than the shortest pop
    guardHops = (int64_t) std::ceil (options.guardSeconds * sampleRate / hopSize);
    marginSamples = (int64_t) std::ceil (edgeMarginSeconds * sampleRate);
    maxRegionWindows = (int64_t) std::ceil (options.maxSeconds * sampleRate / hopSize) + 2 * windowHops + 2;
    ringHops = maxRegionWindows + guardHops + 2 * windowHops + marginSamples / hopSize + 8;
    // A sine of peak A has mean square A^2 / 2.
    floorPower = 0.5 * std::pow (10.0, options.floorDbfs / 10.0);

    hopCos.assign ((size_t) hopSize, 0.0);
    hopSin.assign ((size_t) hopSize, 0.0);
    hopIndex = 0;
    storedHops = 0;
    posInHop = 0;
    channels.assign ((size_t) numChannels, Channel {});
    for (auto& c : channels)
    {
        c.window.assign ((size_t) windowHops, HopSums {});
        c.power.assign ((size_t) ringHops, 0.0);
        c.regionTone.reserve ((size_t) maxRegionWindows);
    }
    found.clear();
    startHop();
}

void TwoPopScanner::startHop()
{
    // The demodulator's phase comes from the absolute sample index every hop, so it never drifts;
    // within the hop a rotation is exact enough (48 steps).
    const int64_t first = hopIndex * hopSize;
    const double cycles = options.frequencyHz * (double) first / rate;
    const double phase = 2.0 * std::numbers::pi * (cycles - std::floor (cycles));
    const double step = 2.0 * std::numbers::pi * options.frequencyHz / rate;
    double c = std::cos (phase), s = std::sin (phase);
    const double cs = std::cos (step), ss = std::sin (step);
    for (int j = 0; j < hopSize; ++j)
    {
        hopCos[(size_t) j] = c;
        hopSin[(size_t) j] = s;
        const double next = c * cs - s * ss;
        s = s * cs + c * ss;
        c = next;
    }
}

void TwoPopScanner::process (const float* const* input, int64_t numFrames)
{
    int64_t done = 0;
    while (done < numFrames)
    {
        const int n = (int) std::min<int64_t> (numFrames - done, hopSize - posInHop);
        for (size_t ch = 0; ch < channels.size(); ++ch)
        {
            const float* x = input[ch] + done;
            auto& h = channels[ch].hop;
            double i = h.i, q = h.q, e = h.energy;
            for (int k = 0; k < n; ++k)
            {
                const double v = x[k];
                i += v * hopCos[(size_t) (posInHop + k)];
                q += v * hopSin[(size_t) (posInHop + k)];
                e += v * v;
            }
            h = { i, q, e };
        }
        posInHop += n;
        done += n;
        if (posInHop == hopSize)
            endHop();
    }
}

void TwoPopScanner::endHop()
{
    const int64_t h = hopIndex;
    for (size_t index = 0; index < channels.size(); ++index)
    {
        auto& c = channels[index];
        c.window[(size_t) (h % windowHops)] = c.hop;
        c.power[(size_t) (h % ringHops)] = c.hop.energy / hopSize;
        c.hop = {};
        storedHops = h + 1;

        HopSums sum;
        const int64_t hops = std::min<int64_t> (windowHops, h + 1);
        for (int64_t k = 0; k < hops; ++k)
        {
            const auto& w = c.window[(size_t) ((h - k) % windowHops)];
            sum.i += w.i;
            sum.q += w.q;
            sum.energy += w.energy;
        }
        // Demodulating A sin over N samples gives |I + jQ| = A N / 2, so A^2 / 2 = 2 |I + jQ|^2 / N^2.
        const double n = (double) (hops * hopSize);
        const double tone = 2.0 * (sum.i * sum.i + sum.q * sum.q) / (n * n);
        const double total = sum.energy / n;
        const bool active = tone >= floorPower && tone >= minimumTonality * total;

        if (active)
        {
            if (! c.inRegion)
            {
                c.inRegion = true;
                c.regionTooLong = false;
                c.regionFirstHop = h;
                c.regionTone.clear();
            }
            if ((int64_t) c.regionTone.size() < maxRegionWindows)
                c.regionTone.push_back (tone);
            else
                c.regionTooLong = true; // a line-up tone: let it run out, then forget it
        }
        else if (c.inRegion)
            endRegion ((int) index, c);
        settlePending (c, false);
    }
    ++hopIndex;
    posInHop = 0;
    startHop();
}

void TwoPopScanner::endRegion (int index, Channel& c)
{
    c.inRegion = false;
    if (c.regionTooLong || c.regionTone.empty())
        return;

    // Half amplitude is a quarter of the power. A window ending at sample t covers [t - W, t), so
    // it reads half the burst's amplitude when it overlaps it by W / 2: the first such window ends
    // W / 2 after the burst starts, the last W / 2 after it ends (each to within a hop).
    const double peak = *std::max_element (c.regionTone.begin(), c.regionTone.end());
    int64_t first = -1, last = -1;
    for (size_t k = 0; k < c.regionTone.size(); ++k)
        if (c.regionTone[k] >= 0.25 * peak)
        {
            if (first < 0)
                first = (int64_t) k;
            last = (int64_t) k;
        }
    const int64_t halfWindow = windowHops * hopSize / 2;
    const int64_t firstEnd = (c.regionFirstHop + first + 1) * hopSize;
    const int64_t lastEnd = (c.regionFirstHop + last + 1) * hopSize;
    TwoPopCandidate candidate;
    candidate.channel = index;
    candidate.start = std::max<int64_t> (0, firstEnd - halfWindow - hopSize / 2);
    candidate.end = lastEnd - halfWindow + hopSize / 2;
    candidate.levelDbfs = 10.0 * std::log10 (2.0 * peak);

    const double seconds = (double) (candidate.end - candidate.start) / rate;
    if (seconds < options.minSeconds || seconds > options.maxSeconds)
        return;

    const double quietEnough = peak * std::pow (10.0, -options.isolationDb / 10.0);
    const int64_t beforeFirst = (candidate.start - (int64_t) std::ceil (options.guardSeconds * rate)) / hopSize;
    const int64_t beforeEnd = (candidate.start - marginSamples) / hopSize;
    if (loudestGuardPower (c, beforeFirst, beforeEnd) > quietEnough)
        return;

    Pending p;
    p.candidate = candidate;
    p.popPower = peak;
    p.guardFirstHop = (candidate.end + marginSamples + hopSize - 1) / hopSize;
    p.guardEndHop = (candidate.end + (int64_t) std::ceil (options.guardSeconds * rate)) / hopSize;
    c.pending.push_back (p);
}

double TwoPopScanner::loudestGuardPower (const Channel& c, int64_t firstHop, int64_t endHop) const
{
    // The loudest 5 ms of the stretch, so a short noise next to the pop is not averaged away.
    // Hops before the file began, or already forgotten, count as silence.
    firstHop = std::max ({ firstHop, int64_t (0), storedHops - ringHops });
    endHop = std::min (endHop, storedHops);
    double loudest = 0.0;
    for (int64_t chunk = firstHop; chunk < endHop; chunk += windowHops)
    {
        const int64_t chunkEnd = std::min (endHop, chunk + windowHops);
        double sum = 0.0;
        for (int64_t k = chunk; k < chunkEnd; ++k)
            sum += c.power[(size_t) (k % ringHops)];
        loudest = std::max (loudest, sum / (double) (chunkEnd - chunk));
    }
    return loudest;
}

void TwoPopScanner::settlePending (Channel& c, bool atEnd)
{
    auto settled = std::remove_if (c.pending.begin(), c.pending.end(), [&] (const Pending& p) {
        if (! atEnd && storedHops < p.guardEndHop)
            return false;
        const double quietEnough = p.popPower * std::pow (10.0, -options.isolationDb / 10.0);
        if (loudestGuardPower (c, p.guardFirstHop, p.guardEndHop) <= quietEnough)
            found.push_back (p.candidate);
        return true;
    });
    c.pending.erase (settled, c.pending.end());
}

std::vector<TwoPopCandidate> TwoPopScanner::finish()
{
    // The unfinished hop is left out: less than a millisecond at the very end.
    for (size_t index = 0; index < channels.size(); ++index)
    {
        auto& c = channels[index];
        if (c.inRegion)
            endRegion ((int) index, c);
        settlePending (c, true);
    }
    return std::move (found);
}
} // namespace sprocket::dsp
