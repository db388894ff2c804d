#include "DbScale.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <utility>

namespace sprocket::app
{
namespace
{
    /** (dB, position) marks, top to bottom. 0 dB sits at three quarters of the travel, as on a
        console, leaving +12 dB of headroom above it; the 20 dB below 0 take almost 40 % of the
        travel because that is where dialogue is ridden; -60 to -90 dB is a short fade-out
        zone and the last 2 % reach -inf (the engine's -144 dB). */
    constexpr std::array<std::pair<double, double>, 11> marks { {
        { 12.0, 1.0 },
        { 6.0, 0.88 },
        { 0.0, 0.75 },
        { -5.0, 0.64 },
        { -10.0, 0.54 },
        { -20.0, 0.38 },
        { -30.0, 0.26 },
        { -40.0, 0.17 },
        { -60.0, 0.07 },
        { -90.0, 0.02 },
        { DbScale::minusInfinityDb, 0.0 },
    } };
} // namespace

double DbScale::positionForDb (double db)
{
    db = std::clamp (db, minusInfinityDb, maxDb);
    for (size_t i = 1; i < marks.size(); ++i)
    {
        const auto [upperDb, upperPos] = marks[i - 1];
        const auto [lowerDb, lowerPos] = marks[i];
        if (db >= lowerDb)
            return lowerPos + (db - lowerDb) / (upperDb - lowerDb) * (upperPos - lowerPos);
    }
    return 0.0;
}

double DbScale::dbForPosition (double position)
{
    position = std::clamp (position, 0.0, 1.0);
    for (size_t i = 1; i < marks.size(); ++i)
    {
        const auto [upperDb, upperPos] = marks[i - 1];
        const auto [lowerDb, lowerPos] = marks[i];
        if (position >= lowerPos)
            return lowerDb + (position - lowerPos) / (upperPos - lowerPos) * (upperDb - lowerDb);
    }
    return minusInfinityDb;
}

const std::vector<double>& DbScale::labelledDb()
{
    static const std::vector<double> labels { 12.0, 6.0, 0.0, -5.0, -10.0, -20.0, -30.0, -40.0, -60.0 };
    return labels;
}
std::string DbScale::format (double db, int decimals)
{
    if (db <= minusInfinityDb)
        return "-inf";
    char text[32];
    const double shown = std::abs (db) < 0.5 * std::pow (10.0, -decimals) ? 0.0 : db; // no "-0.0"
    std::snprintf (text, sizeof text, shown > 0.0 ? "+%.*f" : "%.*f", decimals, shown);
    return text;
}

double DbScale::roundToTenth (double db)
{
    if (db <= minusInfinityDb + 0.05)
        return minusInfinityDb;
    return std::round (db * 10.0) / 10.0;
}
} // namespace sprocket::app
