#pragma once

#include "dsp/LoudnessHistogram.h"

#include <cstdint>

namespace sprocket::dsp
{
/** Integrated (programme) loudness by BS.1770-4's two-stage gating over 400 ms blocks that
    overlap by 75 % (one every 100 ms; LoudnessAnalyser makes them):
    1. absolute gate: blocks below -70 LUFS are dropped (silence must not pull the level down);
    2. relative gate: of the rest, blocks more than 10 LU below their power mean are dropped
       (quiet passages must not either);
    the integrated loudness is the power mean of the blocks that pass both.
    prepare() [[message thread]]; addBlock() [[audio thread]] real-time safe (fixed memory, see
    LoudnessHistogram); integratedLufs() [[any thread]] while nothing adds. */
class IntegratedLoudness
{
public:
    static constexpr double absoluteGateLufs = -70.0;
    static constexpr double relativeGateLu = -10.0;

    void prepare() { histogram.prepare(); }
    void reset() noexcept { histogram.reset(); }

    /** One gating block, as its energy (mean square sum, see LoudnessMath.h). */
    void addBlock (double energy) noexcept { histogram.add (energy); }

    /** Blocks above the absolute gate so far. */
    uint64_t blocksAboveAbsoluteGate() const noexcept { return histogram.count(); }

    /** -inf when no block passes the gates (silence, or under 400 ms of audio). */
    double integratedLufs() const noexcept;

    /** The relative gate in LUFS (-inf when no block passes the absolute gate). */
    double relativeGateLufs() const noexcept;

private:
    LoudnessHistogram histogram;
};
} // namespace sprocket::dsp
