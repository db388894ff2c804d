#pragma once

#include "core/Error.h"

#include <filesystem>
#include <string>

namespace sprocket::io
{
/** The MD5 of a file's bytes as 32 lowercase hex digits, as `md5sum` prints it: what
    deliverables manifests carry so a facility can check a copy arrived whole. */
core::Result<std::string> md5OfFile (const std::filesystem::path& file);
} // namespace sprocket::io
