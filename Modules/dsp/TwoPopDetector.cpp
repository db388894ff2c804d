#include "dsp/TwoPopDetector.h"

#include "dsp/TwoPopOnset.h"

#include <algorithm>
#include <cmath>

namespace sprocket::dsp
{
namespace
{
    // Samples read around a candidate: the scanner's edges (+-2 ms), a fade-in up to 10 ms and
    // the silence before it.
    constexpr double contextSeconds = 0.020;

    /** One burst in several channels (a pop sent to L, C and R) is one candidate: the loudest. */
    std::vector<TwoPopCandidate> loudestOfEachBurst (std::vector<TwoPopCandidate> candidates)
    {
        std::stable_sort (candidates.begin(), candidates.end(),
                          [] (const auto& a, const auto& b) { return a.levelDbfs > b.levelDbfs; });
        std::vector<TwoPopCandidate> kept;
        for (const auto& c : candidates)
            if (std::none_of (kept.begin(), kept.end(), [&] (const auto& k) { return c.start < k.end && k.start < c.end; }))
                kept.push_back (c);
        return kept;
    }
} // namespace

std::optional<TwoPop> pickTwoPop (std::vector<TwoPopCandidate> candidates, double sampleRate,
                                  std::optional<int64_t> expectedOnset, const ChannelSamples& samples,
                                  const TwoPopOptions& options)
{
    candidates = loudestOfEachBurst (std::move (candidates));
    std::stable_sort (candidates.begin(), candidates.end(), [&] (const auto& a, const auto& b) {
        if (! expectedOnset)
            return a.start < b.start;
        return std::abs (a.start - *expectedOnset) < std::abs (b.start - *expectedOnset);
    });

    const auto context = (int64_t) std::ceil (contextSeconds * sampleRate);
    for (const auto& c : candidates)
    {
        const int64_t first = c.start - context;
        const auto x = samples (c.channel, first, c.end - c.start + 2 * context);
        const auto fit = findTwoPopOnset (x, sampleRate, c.start - first, c.end - first, options);
        if (! fit)
            continue;
        TwoPop pop;
        pop.channel = c.channel;
        pop.onset = first + fit->onset;
        pop.length = fit->end - fit->onset;
        pop.frequencyHz = fit->frequencyHz;
        pop.levelDbfs = 20.0 * std::log10 (fit->amplitude);
        return pop;
    }
    return std::nullopt;
}

std::optional<TwoPop> findTwoPop (const std::vector<std::span<const float>>& channels, double sampleRate,
                                  std::optional<int64_t> expectedOnset, const TwoPopOptions& options)
{
    if (channels.empty())
        return std::nullopt;
    const auto frames = (int64_t) channels[0].size();
    TwoPopScanner scanner;
    scanner.prepare (sampleRate, (int) channels.size(), options);
    std::vector<const float*> pointers;
    for (const auto& c : channels)
        pointers.push_back (c.data());
    scanner.process (pointers.data(), frames);

    const ChannelSamples inMemory = [&] (int channel, int64_t start, int64_t count) {
        std::vector<float> x ((size_t) count, 0.0f);
        for (int64_t k = std::max<int64_t> (0, -start); k < count && start + k < frames; ++k)
            x[(size_t) k] = channels[(size_t) channel][(size_t) (start + k)];
        return x;
    };
    return pickTwoPop (scanner.finish(), sampleRate, expectedOnset, inMemory, options);
}
} // namespace sprocket::dsp
