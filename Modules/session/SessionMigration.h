#pragma once

#include "session/Problems.h"

#include <nlohmann/json.hpp>

namespace sprocket::session
{
/** Brings a document of an older version up to the current one in place, one version step at
    a time; refuses (with a Problem) a document newer than this build understands. */
void migrateSessionDocument (nlohmann::json& document, Problems& problems);
} // namespace sprocket::session
