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
    /** The object's other keys (convolution_reverb's "ir"), state that is not a parameter: given
        to the processor's setState beside "params" and written back as read. */
    nlohmann::json extra = nlohmann::json::object();

    bool operator== (const Insert&) const = default;
};

/** The state a processor's setState takes for this insert: {"params": {...}} plus the extra keys. */
inline nlohmann::json processorState (const Insert& insert)
{
    auto state = insert.extra.is_object() ? insert.extra : nlohmann::json::object();
    state["params"] = insert.params;
    return state;
}
} // namespace sprocket::session
