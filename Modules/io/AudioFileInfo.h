#pragma once

#include "core/Error.h"
#include "io/BroadcastInfo.h"
#include "io/IxmlInfo.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace sprocket::io
{
/** What a file is, without reading its audio. */
struct AudioFileInfo
{
    std::filesystem::path path;
    std::string format;  // major format, short: "WAV", "WAVEX", "RF64", "AIFF", "FLAC", "W64", ...
    std::string subtype; // "PCM_16", "PCM_24", "PCM_32", "PCM_U8", "PCM_S8", "FLOAT", "DOUBLE", ...
    int channels = 0;
    int64_t sampleRate = 0;
    int64_t frames = 0;
    std::optional<BroadcastInfo> bext;
    std::optional<IxmlInfo> ixml;

    /** The header promised more audio than the file holds (a recorder lost power, a copy was cut
        short). frames then counts only the whole frames present, which read normally. */
    bool truncated = false;

    double durationSeconds() const;
};

/** Reads the header and metadata chunks. Errors name the file and the reason:
    "<path>: no such file", "<path>: is a directory",
    "<path>: not a readable audio file (<libsndfile's message>)". [[any thread but the audio thread]] */
core::Result<AudioFileInfo> probeAudioFile (const std::filesystem::path& path);
} // namespace sprocket::io
