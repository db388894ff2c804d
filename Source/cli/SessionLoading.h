#pragma once

#include "session/Problems.h"
#include "session/Session.h"

#include <filesystem>
#include <optional>

namespace sprocket::cli
{
/** A session rather than audio: a .sprocket or .json name, or a file whose text starts with '{'. */
bool looksLikeSession (const std::filesystem::path& file);

/** Every problem with a session file and its media: the structure first, then the disk. */
session::Problems sessionAndMediaProblems (const std::filesystem::path& file, std::optional<session::Session>& loaded);

/** The session when it and its media are valid; otherwise prints each problem to stderr as
    "sprocket-cli: FILE: path: message" and returns nothing. */
std::optional<session::Session> loadValidSession (const std::filesystem::path& file);
} // namespace sprocket::cli
