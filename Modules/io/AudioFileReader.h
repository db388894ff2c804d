#pragma once

#include "core/Error.h"
#include "io/AudioFileInfo.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

namespace sprocket::io
{
/** Random-access float reader for any channel count and any format libsndfile reads.

    Not thread-safe: use one reader per thread. Any thread but the audio thread may use it (it does
    file I/O); the butler and offline-render workers are its usual callers.

    Sequential reads never seek; a reusable interleaved scratch buffer means reads allocate only
    when a larger chunk than before is asked for (and never for mono files, which read straight
    into the destination). */
class AudioFileReader
{
public:
    static core::Result<std::unique_ptr<AudioFileReader>> open (const std::filesystem::path& path);

    ~AudioFileReader();
    AudioFileReader (const AudioFileReader&) = delete;
    AudioFileReader& operator= (const AudioFileReader&) = delete;

    const AudioFileInfo& info() const noexcept { return fileInfo; }

    /** Reads up to numFrames starting at startFrame into info().channels planar destinations
        (dest[ch][i]). Frames outside [0, frames) read as zeros, so every one of the numFrames
        frames is written. Returns how many frames came from the file, or an Error naming the file
        if the file could not deliver frames its header promised (I/O failure, or a compressed
        file cut short - see AudioFileInfo::truncated for PCM files cut short). */
    core::Result<int64_t> readPlanar (int64_t startFrame, float* const* dest, int64_t numFrames);

    /** Same, into one interleaved buffer of numFrames * channels floats. */
    core::Result<int64_t> readInterleaved (int64_t startFrame, float* dest, int64_t numFrames);

private:
    struct Impl;
    explicit AudioFileReader (std::unique_ptr<Impl>, AudioFileInfo);

    std::unique_ptr<Impl> impl;
    AudioFileInfo fileInfo;
};
} // namespace sprocket::io
