#pragma once

#include <algorithm>
#include <cctype>
#include <string>

namespace sprocket::session
{
/** A track's, bus's or group's stored colour: "#rrggbb" (six hex digits, either case). */
inline bool isHexColour (const std::string& text)
{
    return text.size() == 7 && text[0] == '#'
           && std::all_of (text.begin() + 1, text.end(), [] (unsigned char c) { return std::isxdigit (c) != 0; });
}

/** The canonical spelling: lower-case hex, as the session file writes it. */
inline std::string canonicalColour (std::string text)
{
    std::transform (text.begin(), text.end(), text.begin(), [] (unsigned char c) { return char (std::tolower (c)); });
    return text;
}
} // namespace sprocket::session
