#pragma once

#include "core/Error.h"
#include "io/WriteSpec.h"

#include <cstdint>
#include <filesystem>
#include <memory>

namespace sprocket::io
{
/** Writes a new audio file so that nothing half-written ever appears under the final name.

    Audio goes to a temporary file beside the final path (".<name>.partial", same folder so the
    rename cannot cross file systems); finish() closes it, flushes it to disk and renames it into
    place, replacing any file already there. Destroying a writer that was not finished - or whose
    writes failed - deletes the temporary.

    Integer formats clip: samples beyond +-1.0 saturate at full scale instead of wrapping round.
    Float formats keep overs as they are.

    Not thread-safe. Any thread but the audio thread (it does file I/O). */
class AudioFileWriter
{
public:
    /** Fails, naming the final path, for a folder that does not exist or cannot be written, a
        container/sample-format pair the container cannot hold (flac is 16 or 24 bit only), or
        bext/iXML asked of a container other than wav/rf64. */
    static core::Result<std::unique_ptr<AudioFileWriter>> create (const std::filesystem::path& finalPath, const WriteSpec& spec);

    /** The temporary a writer for finalPath works in. */
    static std::filesystem::path temporaryPathFor (const std::filesystem::path& finalPath);

    ~AudioFileWriter();
    AudioFileWriter (const AudioFileWriter&) = delete;
    AudioFileWriter& operator= (const AudioFileWriter&) = delete;

    /** Appends numFrames frames from spec.channels planar buffers. After a failure (disk full)
        every later call, and finish(), returns the same error. */
    core::Status writePlanar (const float* const* channels, int64_t numFrames);

    /** Appends numFrames frames from one interleaved buffer of numFrames * channels floats. */
    core::Status writeInterleaved (const float* data, int64_t numFrames);

    /** Completes the file and renames it into place. Call once. */
    core::Status finish();

    int64_t framesWritten() const noexcept;

private:
    struct Impl;
    explicit AudioFileWriter (std::unique_ptr<Impl>);

    std::unique_ptr<Impl> impl;
};
} // namespace sprocket::io
