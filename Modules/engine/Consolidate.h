#pragma once

#include "core/Error.h"
#include "session/SessionEditor.h"

#include <filesystem>
#include <string>

namespace sprocket::engine
{
/** Consolidate, as Pro Tools does: the clips of one track over a time range, with their fades
    and clip gain, rendered to a new file in `folder` (24-bit BWF at the session rate, its bext
    time reference the range's start timecode), which then replaces them as one clip covering
    the range. Gaps become silence. Rendering happens before the session changes, so a failure
    leaves it as it was. Returns the new clip's id through `createdClip`. [[message thread]]
    blocks on I/O. */
core::Status consolidateRange (session::SessionEditor& editor, const std::string& trackId, core::SampleRange range,
                               const std::filesystem::path& folder, std::string* createdClip = nullptr);
} // namespace sprocket::engine
