#include "io/AudioFileReader.h"

#include "io/SndfileSupport.h"

#include <algorithm>
#include <cstring>

namespace sprocket::io
{
namespace
{
    // Caps the scratch buffer (and one libsndfile call) at 64k frames: large enough that the per-call
    // overhead vanishes, small enough that a whole-file read does not double its memory.
    constexpr int64_t maxFramesPerRead = 65536;

    /** A read request split into leading silence, frames present in the file, and trailing silence. */
    struct RequestSpan
    {
        int64_t fileStart, leading, inFile, trailing;
    };

    RequestSpan splitRequest (int64_t startFrame, int64_t numFrames, int64_t fileFrames)
    {
        const int64_t fileStart = std::clamp<int64_t> (startFrame, 0, fileFrames);
        const int64_t fileEnd = std::clamp<int64_t> (startFrame + numFrames, 0, fileFrames);
        const int64_t leading = std::min (numFrames, std::max<int64_t> (0, fileStart - startFrame));
        const int64_t inFile = std::max<int64_t> (0, fileEnd - fileStart);
        return { fileStart, leading, inFile, numFrames - leading - inFile };
    }

    void clearPlanar (float* const* dest, int channels, int64_t offset, int64_t numFrames)
    {
        if (numFrames <= 0)
            return;

        for (int ch = 0; ch < channels; ++ch)
            std::fill_n (dest[ch] + offset, numFrames, 0.0f);
    }

    void deinterleave (const float* source, float* const* dest, int channels, int64_t offset, int64_t numFrames)
    {
        if (channels == 2)
        {
            auto* left = dest[0] + offset;
            auto* right = dest[1] + offset;

            for (int64_t i = 0; i < numFrames; ++i)
            {
                left[i] = source[2 * i];
                right[i] = source[2 * i + 1];
            }

            return;
        }

        for (int ch = 0; ch < channels; ++ch)
        {
            auto* out = dest[ch] + offset;
            const auto* in = source + ch;

            for (int64_t i = 0; i < numFrames; ++i)
                out[i] = in[i * channels];
        }
    }
} // namespace

struct AudioFileReader::Impl
{
    detail::SndfilePtr file;
    int64_t position = 0; // where libsndfile's read pointer is; -1 when unknown after a failure
    std::vector<float> scratch;

    // Reads exactly numFrames frames, all inside the file, interleaved into dest.
    core::Status readFrames (const AudioFileInfo& info, int64_t startFrame, float* dest, int64_t numFrames)
    {
        if (position != startFrame)
        {
            if (sf_seek (file.get(), startFrame, SEEK_SET) != startFrame)
            {
                position = -1;
                return core::makeError (detail::describePath (info.path) + "cannot seek to frame " + std::to_string (startFrame)
                                        + " (" + sf_strerror (file.get()) + ")");
            }

            position = startFrame;
        }

        const auto got = sf_readf_float (file.get(), dest, numFrames);

        if (got != numFrames)
        {
            position = -1;
            const auto reached = startFrame + std::max<int64_t> (0, got);
            const std::string reason =
                sf_error (file.get()) != SF_ERR_NO_ERROR ? sf_strerror (file.get()) : "unexpected end of file";
            return core::makeError (detail::describePath (info.path) + "audio data ends at frame " + std::to_string (reached)
                                    + " of " + std::to_string (info.frames) + " (" + reason + ")");
        }

        position += got;
        return {};
    }
};

AudioFileReader::AudioFileReader (std::unique_ptr<Impl> i, AudioFileInfo info) : impl (std::move (i)), fileInfo (std::move (info))
{
}

AudioFileReader::~AudioFileReader() = default;

core::Result<std::unique_ptr<AudioFileReader>> AudioFileReader::open (const std::filesystem::path& path)
{
    auto opened = detail::openForReading (path);

    if (! opened)
        return opened.error();

    auto impl = std::make_unique<Impl>();
    impl->file = std::move (opened.value().file);
    return std::unique_ptr<AudioFileReader> (new AudioFileReader (std::move (impl), std::move (opened.value().info)));
}

core::Result<int64_t> AudioFileReader::readPlanar (int64_t startFrame, float* const* dest, int64_t numFrames)
{
    const int channels = fileInfo.channels;

    if (numFrames <= 0)
        return int64_t { 0 };

    const auto [fileStart, leading, inFile, trailing] = splitRequest (startFrame, numFrames, fileInfo.frames);

    clearPlanar (dest, channels, 0, leading);
    clearPlanar (dest, channels, leading + inFile, trailing);

    for (int64_t done = 0; done < inFile;)
    {
        const int64_t count = std::min (maxFramesPerRead, inFile - done);
        const int64_t offset = leading + done;

        if (channels == 1)
        {
            if (auto status = impl->readFrames (fileInfo, fileStart + done, dest[0] + offset, count); ! status)
                return status.error();
        }
        else
        {
            const auto needed = static_cast<size_t> (count * channels);

            if (impl->scratch.size() < needed)
                impl->scratch.resize (needed);

            if (auto status = impl->readFrames (fileInfo, fileStart + done, impl->scratch.data(), count); ! status)
                return status.error();

            deinterleave (impl->scratch.data(), dest, channels, offset, count);
        }

        done += count;
    }

    return inFile;
}

core::Result<int64_t> AudioFileReader::readInterleaved (int64_t startFrame, float* dest, int64_t numFrames)
{
    const int channels = fileInfo.channels;

    if (numFrames <= 0)
        return int64_t { 0 };

    const auto [fileStart, leading, inFile, trailing] = splitRequest (startFrame, numFrames, fileInfo.frames);

    std::fill_n (dest, leading * channels, 0.0f);
    std::fill_n (dest + (leading + inFile) * channels, trailing * channels, 0.0f);

    if (inFile > 0)
        if (auto status = impl->readFrames (fileInfo, fileStart, dest + leading * channels, inFile); ! status)
            return status.error();

    return inFile;
}
} // namespace sprocket::io
