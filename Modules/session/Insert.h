#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace sprocket::session
{
/** One processor slot of a channel strip: `{"type": "eq", "params": {...}, "bypass": false}`.
    A type this build does not know is kept as the whole object it was read from and written
    back unchanged, so a session from a richer build loses nothing. */
struct Insert
{
    std::string type;
    nlohmann::json params = nlohmann::json::object();
    bool bypass = false;
    nlohmann::json unknownOriginal; // the verbatim object when the type is unknown, else null

    bool operator== (const Insert&) const = default;
};
} // namespace sprocket::session
