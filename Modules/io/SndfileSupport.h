#pragma once

// Internal to io: the libsndfile plumbing shared by probe, reader and writer. Not part of the
// module's public API (only io's .cpp files include it, since sndfile is a private dependency).

#include "core/Error.h"
#include "io/AudioFileInfo.h"
#include "io/BroadcastInfo.h"

#include <sndfile.h>

#include <filesystem>
#include <memory>
#include <string>

namespace sprocket::io::detail
{
struct SndfileCloser
{
    void operator() (SNDFILE* file) const noexcept { sf_close (file); }
};

using SndfilePtr = std::unique_ptr<SNDFILE, SndfileCloser>;

struct OpenedFile
{
    SndfilePtr file;
    AudioFileInfo info;
};

/** Opens for reading and fills in everything but the audio. */
core::Result<OpenedFile> openForReading (const std::filesystem::path& path);

std::string majorFormatName (int sndfileFormat);
std::string subtypeName (int sndfileFormat);

/** Fills a zeroed SF_BROADCAST_INFO; text longer than a field is cut to fit. */
void toSndfile (const BroadcastInfo& info, SF_BROADCAST_INFO& out);

/** "<path>: " - every io error starts with the file it is about. */
std::string describePath (const std::filesystem::path& path);
} // namespace sprocket::io::detail
