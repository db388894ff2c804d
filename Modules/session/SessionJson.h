#pragma once

#include "session/Problems.h"
#include "session/Session.h"

#include <nlohmann/json.hpp>

namespace sprocket::session
{
inline constexpr const char* sessionFormatName = "sprocket-session";
inline constexpr int currentSessionVersion = 1;

/** Reads a session document of the current version (migrate older ones first), adding a
    Problem for every field that is missing, mistyped or out of range. The result is only
    meaningful when no problem was added. [[message thread]] */
Session sessionFromJson (const nlohmann::json& document, Problems& problems);

/** The canonical document: every field written, in a fixed order, so files diff well. */
nlohmann::ordered_json sessionToJson (const Session& session);
} // namespace sprocket::session
