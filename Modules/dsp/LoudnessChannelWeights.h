#pragma once

#include <vector>

namespace sprocket::dsp
{
/** BS.1770-4 channel weights G_i for a file's channels, by channel count, in SMPTE/ITU order.
    The standard weights a channel by where its loudspeaker stands: 1.0 in front, 1.41 (+1.5 dB)
    for the surrounds between 60 and 120 degrees off centre, 0 for the LFE (excluded), and 1.0
    for anything else.

    | channels | order (assumed)                 | weights                          |
    | 1        | mono                            | 1                                |
    | 2        | L R                             | 1 1                              |
    | 3        | L R C                           | 1 1 1                            |
    | 4        | L R Ls Rs (quad)                | 1 1 1.41 1.41                    |
    | 5        | L R C Ls Rs (5.0)               | 1 1 1 1.41 1.41                  |
    | 6        | L R C LFE Ls Rs (5.1)           | 1 1 1 0 1.41 1.41                |
    | 8        | L R C LFE Ls Rs Lrs Rrs (7.1)   | 1 1 1 0 1.41 1.41 1 1            |
    | other    | unknown                         | 1 each                           |

    7.1 is SMPTE's cinema order, where Ls/Rs are the side surrounds (about 90 degrees) and
    Lrs/Rrs the rear surrounds (135 to 150 degrees): by BS.1770-4's position rule only the side
    pair gets 1.41. (ffmpeg's ebur128 filter gives all four surrounds 1.41; libebur128 by default
    ignores channels 7 and 8 unless told their positions.) [[any thread]] */
std::vector<double> loudnessChannelWeights (int channels);

/** The weight BS.1770-4 gives a surround channel: 1.41, i.e. +1.5 dB. */
inline constexpr double surroundChannelWeight = 1.41;
} // namespace sprocket::dsp
