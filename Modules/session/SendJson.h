#pragma once

#include "session/JsonFieldReader.h"
#include "session/Problems.h"
#include "session/Send.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace sprocket::session
{
/** Reads the strip's "sends" array (absent: none), reporting mistyped or out-of-range fields
    with their paths (`tracks[2].sends[0].gain_db`). Whether `to` names a bus is the
    validator's job (SessionValidator.cpp), since buses may be read after the strip. */
std::vector<Send> readSends (JsonFieldReader& owner, Problems& problems);

/** The canonical "sends" array: every field, in a fixed order. */
nlohmann::ordered_json sendsJson (const std::vector<Send>& sends);

/** The send a "send.<id>.gain_db" automation key names, or null (also for other keys). */
const Send* sendOfAutomationKey (const std::vector<Send>& sends, const std::string& key);
} // namespace sprocket::session
