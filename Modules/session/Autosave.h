#pragma once

#include "core/Error.h"
#include "session/Session.h"

#include <filesystem>

namespace sprocket::session
{
/** Autosave: the app writes the session every few minutes to a separate file beside it
    ("<file>.autosave"), never over the file the user saved. After a crash, an autosave newer
    than the session is offered for recovery; a normal save or close discards it.
    [[message thread]] */
std::filesystem::path autosaveFileFor (const std::filesystem::path& sessionFile);

/** Writes `session` (atomically) to the autosave file of `sessionFile`. */
core::Status writeAutosave (const Session& session, const std::filesystem::path& sessionFile);

/** True when an autosave exists that is newer than the session file (or the session file is
    gone); one written in the same clock tick counts unless it holds the same text. */
bool hasRecoverableAutosave (const std::filesystem::path& sessionFile);

void discardAutosave (const std::filesystem::path& sessionFile);
} // namespace sprocket::session
