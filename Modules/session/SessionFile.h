#pragma once

#include "core/Error.h"
#include "session/Problems.h"
#include "session/Session.h"

#include <filesystem>
#include <optional>

namespace sprocket::session
{
struct LoadResult
{
    std::optional<Session> session; // set only when there were no problems
    Problems problems;
    /** What was repaired while reading (automation points out of order or out of range, see
        AutomationRepair.h): the session still loads, but the user should be told. */
    Problems warnings;
};

/** Reads, migrates, parses and structurally validates a session file. Every problem is
    reported with its JSON path; media are not checked (see checkMedia). [[message thread]] */
LoadResult loadSessionFile (const std::filesystem::path& file);

/** Same, from text already in memory; `file` is used for messages and to resolve media. */
LoadResult loadSessionText (const std::string& text, const std::filesystem::path& file);

/** Writes atomically: a temporary file in the same folder, flushed to disk, renamed over the
    target, so a crash leaves either the old file or the new one. Media paths are rewritten
    relative to the new location. [[message thread]] */
core::Status saveSessionFile (const Session& session, const std::filesystem::path& file);
} // namespace sprocket::session
