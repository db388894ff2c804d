#pragma once

#include "dsp/TwoPopOptions.h"

#include <cstdint>
#include <vector>

namespace sprocket::dsp
{
/** A burst the scanner found: roughly where (to a millisecond or two) and in which channel. */
struct TwoPopCandidate
{
    int channel = 0;
    int64_t start = 0;      // first sample of the burst, +-2 ms
    int64_t end = 0;        // one past its last sample, +-2 ms
    double levelDbfs = 0.0; // the tone's peak level
};

/** The coarse half of the 2-pop search (TwoPopDetector has the whole of it). It streams through
    a programme once and, per channel, measures the energy at the pop frequency against the
    total energy in 5 ms windows every millisecond (a phase-continuous quadrature demodulator,
    so 1 kHz at any sample rate reads the same). A run of windows where the tone carries at
    least half the energy is a candidate when it lasts half a frame to two frames (between its
    half-amplitude points) and the guard stretches before and after it are quiet.

    Memory is fixed in prepare (a few hundred milliseconds of per-millisecond powers); process()
    does not allocate. Not for the audio thread: finish() and found bursts allocate.
    [[any thread]] */
class TwoPopScanner
{
public:
    void prepare (double sampleRate, int numChannels, const TwoPopOptions& options = {});

    /** Feeds the next numFrames frames (planar, one pointer per channel). */
    void process (const float* const* channels, int64_t numFrames);

    /** Ends the stream and returns every candidate, in order of time per channel. */
    std::vector<TwoPopCandidate> finish();

private:
    struct HopSums
    {
        double i = 0.0, q = 0.0, energy = 0.0;
    };
    struct Pending
    {
        TwoPopCandidate candidate;
        double popPower = 0.0;
        int64_t guardFirstHop = 0;
        int64_t guardEndHop = 0;
    };
    struct Channel
    {
        HopSums hop;
        std::vector<HopSums> window; // the last windowHops hops, ring
        std::vector<double> power;   // mean square of each recent hop, ring of ringHops
        bool inRegion = false;
        bool regionTooLong = false;
        int64_t regionFirstHop = 0;
        std::vector<double> regionTone; // tone power of each window of the region
        std::vector<Pending> pending;   // waiting for their after-guard to pass
    };

    void startHop();
    void endHop();
    void endRegion (int index, Channel& channel);
    double loudestGuardPower (const Channel& channel, int64_t firstHop, int64_t endHop) const;
    void settlePending (Channel& channel, bool atEnd);

    TwoPopOptions options;
    double rate = 48000.0;
    int hopSize = 48;
    int windowHops = 5;
    int64_t ringHops = 0;
    int64_t maxRegionWindows = 0;
    int64_t guardHops = 0;
    int64_t marginSamples = 0;
    double floorPower = 0.0;

    std::vector<double> hopCos, hopSin; // the demodulator for the current hop
    int64_t hopIndex = 0;               // the hop being filled
    int64_t storedHops = 0;             // hops whose powers are in the rings
    int posInHop = 0;
    std::vector<Channel> channels;
    std::vector<TwoPopCandidate> found;
};
} // namespace sprocket::dsp
