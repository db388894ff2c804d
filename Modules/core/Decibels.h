#pragma once

#include <cmath>
#include <limits>

namespace sprocket::core
{
/** Gains at or below this are treated as silence (-inf dB). */
inline constexpr double minusInfinityDb = -144.0;

inline double gainFromDb (double db) noexcept
{
    return db <= minusInfinityDb ? 0.0 : std::pow (10.0, db / 20.0);
}

inline double dbFromGain (double gain) noexcept
{
    return gain <= 0.0 ? -std::numeric_limits<double>::infinity() : 20.0 * std::log10 (gain);
}
} // namespace sprocket::core
