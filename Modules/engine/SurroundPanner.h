#pragma once

#include "engine/RenderPlan.h"

#include <array>

namespace sprocket::engine
{
/** Where a mono source sits in a 5.1 or 7.1 room, as a re-recording mixer's joystick sets it. */
struct SurroundPosition
{
    double x = 0.0;               // -1 left wall .. +1 right wall
    double y = 1.0;               // -1 back wall .. +1 screen
    double divergence = 0.0;      // 0 a point source .. 1 spread over every full-range speaker
    double centrePercent = 100.0; // how much of a front image the centre speaker takes; the rest goes phantom to L/R
    double lfeDb = -144.0;        // LFE send, dB (≤ -144: none)
};

/** Channel gains (SMPTE order L R C LFE Ls Rs [Lrs Rrs]) for a mono source at `position` in a
    `channels`-wide (6 or 8) room, at constant power over the full-range speakers.

    The room is the square [-1, 1]²; the speakers sit on its edge as a mixer sees them on a
    panner: L, C, R across the front (-1, 1), (0, 1), (1, 1); in 5.1 Ls and Rs in the back
    corners; in 7.1 Lss and Rss at the sides (±1, 0) and Lrs, Rrs in the back corners. A source
    on the edge is panned between the two speakers either side of its direction by 2-D
    vector-base amplitude panning (VBAP, Pulkki 1997; solved with Eigen); towards the middle of
    the room it blends into an equal spread over all full-range speakers (at the centre it is
    everywhere), and divergence widens it the same way. The LFE gets only the LFE send. */
std::array<float, maxChannels> surroundPanGains (int channels, const SurroundPosition& position);
} // namespace sprocket::engine
