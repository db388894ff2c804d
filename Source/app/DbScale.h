#pragma once

#include <string>
#include <vector>

namespace sprocket::app
{
/** The fader's law: where a gain in dB sits along the travel, 0 at the bottom (-inf) to 1 at
    the top (+12 dB). Piecewise linear in dB between fixed marks, spread the way a console's
    fader is: wide around 0 dB where mixing happens (0.1 dB per pixel on a 400-pixel fader),
    ever tighter below -20 dB, and the last stretch down to -inf short. Pure arithmetic, no
    JUCE: the fader draws its scale and turns mouse movement into dB through it.
    [[any thread]] */
class DbScale
{
public:
    static constexpr double maxDb = 12.0;
    /** The bottom of the travel: silence, written to the session as the engine's -inf. */
    static constexpr double minusInfinityDb = -144.0;

    /** 0 (bottom, -inf) .. 1 (top, +12 dB); dB beyond the ends clamp. Monotonic. */
    static double positionForDb (double db);
    /** The inverse: a position along the travel to dB (-144 at 0). */
    static double dbForPosition (double position);

    /** The dB values the scale is labelled at (+12, +6, 0, -5, -10, -20, -30, -40, -60). */
    static const std::vector<double>& labelledDb();

    /** The strip's read-out and the scale's labels: "+6.0", "0.0", "-12.5", "-inf" (at or below
        -144 dB); `decimals` 0 gives "+6", "-10". */
    static std::string format (double db, int decimals = 1);

    /** Rounds a fader position's dB to the 0.1 dB a read-out shows (what a drag writes), keeping
        -inf at -144. */
    static double roundToTenth (double db);
};
} // namespace sprocket::app
