#pragma once

#include "core/Error.h"

#include <filesystem>
#include <vector>

namespace sprocket::io
{
/** Splits a polyphonic (multichannel) production recording into one mono file per channel in
    `folder`, the way Pro Tools converts poly WAVs on import: each file keeps the recording's
    sample rate, sample format, bext (so "spot to original time" still works) and iXML with its
    own track, and is named "<stem>_<iXML track name>.wav", or "<stem>_<channel number>.wav"
    when the recorder named no tracks. 16- and 24-bit audio is copied bit-exactly.
    Returns the files in channel order. [[background thread]] */
core::Result<std::vector<std::filesystem::path>> splitToMonoFiles (const std::filesystem::path& poly,
                                                                   const std::filesystem::path& folder);
} // namespace sprocket::io
