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
    meaningful when no problem was added. Repairs made on the way are not reported: loads from
    files use the three-argument form. [[message thread]] */
Session sessionFromJson (const nlohmann::json& document, Problems& problems);

/** As above, also reporting what was repaired rather than refused (automation points out of
    order or out of range, see AutomationRepair.h) in `warnings`. [[message thread]] */
Session sessionFromJson (const nlohmann::json& document, Problems& problems, Problems& warnings);

/** The canonical document: every field written, in a fixed order, so files diff well. */
nlohmann::ordered_json sessionToJson (const Session& session);
} // namespace sprocket::session
