#pragma once

#include "core/Error.h"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace sprocket::core
{
/** Musical time counts ticks: 960 to the quarter note, as Pro Tools does, so every beat of
    every meter (halves to 32nds, and triplets of each) is a whole number of ticks. */
inline constexpr int64_t ticksPerQuarter = 960;

/** A musical position as a composer reads it: bar 1, beat 1 is where the tempo map starts.
    Beats are the meter's denominator note (an eighth in 6/8); tick counts within that beat
    (0-959 in quarter-note meters, 0-479 in eighth-note meters). Bars before the start are
    0, -1, ... */
struct BarsBeats
{
    int64_t bar = 1;
    int beat = 1;
    int tick = 0;

    auto operator<=> (const BarsBeats&) const = default;
};

/** "17|3|480", the Pro Tools counter's form (ticks printed with three digits). */
std::string formatBarsBeats (const BarsBeats& position);

/** Reads "17|3|480", "17|3" or "17" (missing parts are 1 and 0). Only the shape is checked
    here; whether the beat exists in its bar's meter is the tempo map's question. */
Result<BarsBeats> parseBarsBeats (std::string_view text);
} // namespace sprocket::core
