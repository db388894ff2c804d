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

    bool operator== (const MediaRef&) const = default;
};
} // namespace sprocket::session
