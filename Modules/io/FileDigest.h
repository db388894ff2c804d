#pragma once

#include "core/Error.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace sprocket::io
{
/** The MD5 of a file's bytes as 32 lowercase hex digits, as `md5sum` prints it: what
    deliverables manifests carry so a facility can check a copy arrived whole. */
core::Result<std::string> md5OfFile (const std::filesystem::path& file);

/** How much of a file the content hash reads: 2^19 frames, about 11 s at 48 kHz. */
inline constexpr int64_t contentHashFrames = int64_t (1) << 19;

/** A media file's identity by its sound, not its name or header: the MD5 (32 lowercase hex
    digits) of the text "frames:<frame count> channels:<channel count>\n" followed by its first
    contentHashFrames frames as decoded 32-bit little-endian floats, interleaved. A copy, a
    renamed file or one whose metadata another tool rewrote keeps its hash; a different take
    does not. Reads about 11 s of audio whatever the file's length, so a folder of media is
    searched quickly. */
core::Result<std::string> audioContentHash (const std::filesystem::path& file);
} // namespace sprocket::io
