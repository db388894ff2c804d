#pragma once

#include "session/Group.h"
#include "session/JsonFieldReader.h"
#include "session/Problems.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace sprocket::session
{
/** Reads the session's "groups" array (absent: none), reporting mistyped fields with their
    paths (`groups[1].kind`). Whether members name tracks or buses is the validator's job. */
std::vector<Group> readGroups (JsonFieldReader& document, Problems& problems);

/** The canonical "groups" array. */
nlohmann::ordered_json groupsJson (const std::vector<Group>& groups);

/** Problems with the groups against the session's tracks and buses: duplicate group ids,
    members that name nothing, a member twice in one group or in two VCAs. */
struct Session;
void validateGroups (const Session& session, Problems& problems);
} // namespace sprocket::session
