#pragma once

#include "session/Problems.h"
#include "session/Session.h"

#include <filesystem>
#include <optional>

namespace sprocket::cli
{
/** A session rather than audio: a .sprocket or .json name, or a file whose text starts with '{'. */
bool looksLikeSession (const std::filesystem::path& file);

/** Every problem with a session file and its media: the structure first, then the disk. What
    the load repaired (automation out of order or range) goes to `warnings`. */
session::Problems sessionAndMediaProblems (const std::filesystem::path& file, std::optional<session::Session>& loaded,
                                           session::Problems& warnings);

/** The session when it and its media are valid; otherwise prints each problem to stderr as
    "sprocket-cli: FILE: path: message" and returns nothing. Repairs are printed to stderr as
    "sprocket-cli: warning: FILE: path: message" either way; they do not stop the command. */
std::optional<session::Session> loadValidSession (const std::filesystem::path& file);
} // namespace sprocket::cli
