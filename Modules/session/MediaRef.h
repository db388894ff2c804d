#pragma once

#include <filesystem>
#include <string>

namespace sprocket::session
{
/** One entry of the session's media pool. The path is kept as written in the file
    (relative to the session file's folder unless absolute). */
struct MediaRef
{
    std::string id;
    std::filesystem::path path;
    /** io::audioContentHash of the file when it was imported (empty: not known): how a relink
        recognises the file under another name. */
    std::string contentHash = {};

    bool operator== (const MediaRef&) const = default;
};
} // namespace sprocket::session
