#include "core/BarsBeats.h"

#include <charconv>
#include <cstdio>
#include <vector>

namespace sprocket::core
{
std::string formatBarsBeats (const BarsBeats& position)
{
    char text[64];
    std::snprintf (text, sizeof text, "%lld|%d|%03d", static_cast<long long> (position.bar), position.beat, position.tick);
    return text;
}

Result<BarsBeats> parseBarsBeats (std::string_view text)
{
    const auto fail = [&] (const std::string& why) { return makeError ("bars|beats '" + std::string (text) + "': " + why); };

    std::vector<std::string_view> parts;
    for (size_t start = 0;;)
    {
        const auto bar = text.find ('|', start);
        parts.push_back (text.substr (start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
        if (bar == std::string_view::npos)
            break;
        start = bar + 1;
    }
    if (parts.size() > 3)
        return fail ("expected BAR|BEAT|TICK");

    int64_t numbers[3] = { 1, 1, 0 };
    for (size_t i = 0; i < parts.size(); ++i)
    {
        const auto part = parts[i];
        const auto [end, error] = std::from_chars (part.data(), part.data() + part.size(), numbers[i]);
        if (part.empty() || error != std::errc() || end != part.data() + part.size())
            return fail (std::string (i == 0 ? "bar" : i == 1 ? "beat" : "tick") + " must be a whole number");
    }
    if (numbers[1] < 1 || numbers[1] > 64)
        return fail ("beat must be 1-64");
    if (numbers[2] < 0 || numbers[2] >= ticksPerQuarter * 4)
        return fail ("tick must be 0-3839");
    return BarsBeats { numbers[0], int (numbers[1]), int (numbers[2]) };
}
} // namespace sprocket::core
