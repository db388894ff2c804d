#pragma once

#include "core/Error.h"

#include <cstdint>
#include <filesystem>
#include <optional>

namespace sprocket::video
{
/** The flash frame of a leader: the one or two pictures that light up, in sync with the 2-pop,
    two seconds before the first frame of action (the "2" of a SMPTE or Academy countdown, or a
    plain white frame). Looked for between firstFrame and lastFrame (inclusive, clamped to the
    movie) as a picture whose mean brightness stands at least `minimumJump` (of 255) above the
    median of the pictures around it, with no more than two such pictures in a row (a cut to a
    bright scene is not a flash). Decoded at a small size: a leader is big shapes. Errors name the
    movie; no flash gives an empty optional. Not for the audio thread. */
core::Result<std::optional<int64_t>> findFlashFrame (const std::filesystem::path& movie, int64_t firstFrame, int64_t lastFrame,
                                                     double minimumJump = 60.0);
} // namespace sprocket::video
