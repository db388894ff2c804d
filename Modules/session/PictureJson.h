#pragma once

#include "session/Problems.h"
#include "session/Session.h"

#include <nlohmann/json.hpp>

namespace sprocket::session
{
/** The session fields of working to picture (docs/SESSION_FORMAT.md, *Picture*): "video",
    "tempo_map", "adr_cues" and "music_cues". Every problem is added with its JSON path. */
void readPictureFields (const nlohmann::json& document, Session& session, Problems& problems);
void writePictureFields (const Session& session, nlohmann::ordered_json& document);
} // namespace sprocket::session
