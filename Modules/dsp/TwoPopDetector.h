#pragma once

#include "dsp/TwoPopOptions.h"
#include "dsp/TwoPopScanner.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace sprocket::dsp
{
/** A 2-pop found in a programme. */
struct TwoPop
{
    int channel = 0;    // 0-based: the channel where the pop is strongest
    int64_t onset = 0;  // its first sample (TwoPopOnset.h says what that means with a fade-in)
    int64_t length = 0; // samples from the onset to the last that follows the fitted sinusoid
    double frequencyHz = 0.0;
    double levelDbfs = 0.0; // peak of the fitted sinusoid
};

/** Supplies `count` samples of one channel from `start` (samples outside the programme as 0). */
using ChannelSamples = std::function<std::vector<float> (int channel, int64_t start, int64_t count)>;

/** Chooses the pop among the scanner's candidates: one burst heard in several channels counts
    once, in the channel where it is loudest; candidates are measured (findTwoPopOnset) nearest
    to `expectedOnset` first (in order of time without one), and the first that measures as a
    clean pop wins. [[any thread]] */
std::optional<TwoPop> pickTwoPop (std::vector<TwoPopCandidate> candidates, double sampleRate,
                                  std::optional<int64_t> expectedOnset, const ChannelSamples& samples,
                                  const TwoPopOptions& options = {});

/** The whole search over a programme in memory (one span per channel, equal lengths): the
    scanner, then pickTwoPop. [[any thread]] */
std::optional<TwoPop> findTwoPop (const std::vector<std::span<const float>>& channels, double sampleRate,
                                  std::optional<int64_t> expectedOnset = {}, const TwoPopOptions& options = {});
} // namespace sprocket::dsp
