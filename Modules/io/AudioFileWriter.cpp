#include "io/AudioFileWriter.h"

#include "io/SndfileSupport.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace sprocket::io
{
namespace
{
    constexpr int64_t maxFramesPerWrite = 65536;

    // A RIFF size field is 32 bits. Keep 1 MiB clear of it for the header, bext, iXML and padding.
    constexpr uint64_t riffLimitBytes = 0xffffffffull - (1ull << 20);

    int bytesPerSample (SampleFormat format)
    {
        switch (format)
        {
            case SampleFormat::pcm16:
                return 2;
            case SampleFormat::pcm24:
                return 3;
            case SampleFormat::pcm32:
            case SampleFormat::float32:
                return 4;
            case SampleFormat::float64:
                return 8;
        }

        return 8;
    }

    int sndfileSubtype (SampleFormat format)
    {
        switch (format)
        {
            case SampleFormat::pcm16:
                return SF_FORMAT_PCM_16;
            case SampleFormat::pcm24:
                return SF_FORMAT_PCM_24;
            case SampleFormat::pcm32:
                return SF_FORMAT_PCM_32;
            case SampleFormat::float32:
                return SF_FORMAT_FLOAT;
            case SampleFormat::float64:
                return SF_FORMAT_DOUBLE;
        }

        return 0;
    }

    // 16, 24 or 32 for integer formats, 0 for float ones.
    int integerBits (SampleFormat format)
    {
        switch (format)
        {
            case SampleFormat::pcm16:
                return 16;
            case SampleFormat::pcm24:
                return 24;
            case SampleFormat::pcm32:
                return 32;
            case SampleFormat::float32:
            case SampleFormat::float64:
                return 0;
        }

        return 0;
    }

    /** Float to integer PCM, done here rather than by libsndfile: its clipping float-to-int path
        scales to 32 bits and then drops the low bits for 16/24-bit WAV and AIFF, which rounds toward
        minus infinity - a -0.5 LSB DC offset that would undo dither (FLAC's path rounds correctly).
        We round to nearest, saturate at full scale (an over never wraps), map NaN to silence, and
        hand libsndfile 32-bit left-justified integers, which it narrows by dropping zero bits. */
    class PcmConverter
    {
    public:
        explicit PcmConverter (int bits) : scale (std::ldexp (1.0, bits - 1)), largest (scale - 1.0), shift (32 - bits) {}

        int32_t operator() (float sample) const noexcept
        {
            double scaled = static_cast<double> (sample) * scale;
            scaled = scaled == scaled ? std::clamp (scaled, -scale, largest) : 0.0;
            return static_cast<int32_t> (static_cast<int64_t> (std::lrint (scaled)) << shift);
        }

    private:
        double scale;
        double largest;
        int shift;
    };

    template <typename Sample, typename Convert>
    void interleave (const float* const* channels, int64_t offset, int64_t numFrames, int numChannels, Sample* out,
                     const Convert& convert)
    {
        for (int ch = 0; ch < numChannels; ++ch)
        {
            const auto* in = channels[ch] + offset;

            for (int64_t i = 0; i < numFrames; ++i)
                out[i * numChannels + ch] = convert (in[i]);
        }
    }

    int sndfileMajor (const WriteSpec& spec, bool fitsPlainWav)
    {
        switch (spec.container)
        {
            case ContainerFormat::wav:
                return fitsPlainWav ? SF_FORMAT_WAV : SF_FORMAT_RF64;
            case ContainerFormat::rf64:
                return SF_FORMAT_RF64;
            case ContainerFormat::aiff:
                return SF_FORMAT_AIFF;
            case ContainerFormat::flac:
                return SF_FORMAT_FLAC;
        }

        return 0;
    }

    // Flushes a closed file's data and, best effort, its folder entry, so the rename that follows
    // cannot leave an empty file under the final name after a power cut.
    bool syncToDisk (const std::filesystem::path& path, bool isDirectory)
    {
        const int fd = ::open (path.c_str(), isDirectory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);

        if (fd < 0)
            return false;

        const bool synced = ::fsync (fd) == 0;
        ::close (fd);
        return synced;
    }
} // namespace

struct AudioFileWriter::Impl
{
    std::filesystem::path finalPath;
    std::filesystem::path temporaryPath;
    WriteSpec spec;
    detail::SndfilePtr file;
    std::string ixmlText; // libsndfile keeps a pointer to chunk data until the file is closed
    std::vector<float> scratch;
    std::vector<int32_t> pcmScratch;
    std::optional<PcmConverter> pcm; // set for integer formats
    int64_t frames = 0;
    bool plainWav = false;
    bool finished = false;
    std::optional<core::Error> failure;

    ~Impl() { discard(); }

    void discard()
    {
        file.reset();

        if (! finished)
        {
            std::error_code ec;
            std::filesystem::remove (temporaryPath, ec);
        }
    }

    core::Error fail (const std::string& reason)
    {
        failure = core::makeError (detail::describePath (finalPath) + reason);
        discard();
        return *failure;
    }

    core::Status checkWritable (int64_t numFrames)
    {
        if (failure)
            return *failure;

        if (finished)
            return core::makeError (detail::describePath (finalPath) + "write after finish()");

        if (numFrames < 0)
            return core::makeError (detail::describePath (finalPath) + "cannot write " + std::to_string (numFrames) + " frames");

        if (plainWav)
        {
            const auto bytes = static_cast<uint64_t> (frames + numFrames) * static_cast<uint64_t> (spec.channels)
                               * static_cast<uint64_t> (bytesPerSample (spec.sampleFormat));

            if (bytes > riffLimitBytes)
                return fail ("more audio than a WAV file can hold (4 GiB); leave WriteSpec::expectedFrames "
                             "unset or use rf64");
        }

        return {};
    }

    core::Status writeFrames (const int32_t* interleaved, int64_t numFrames)
    {
        return checkWritten (sf_writef_int (file.get(), interleaved, numFrames), numFrames);
    }

    core::Status writeFrames (const float* interleaved, int64_t numFrames)
    {
        return checkWritten (sf_writef_float (file.get(), interleaved, numFrames), numFrames);
    }

    core::Status checkWritten (sf_count_t written, int64_t numFrames)
    {
        if (written != numFrames)
            return fail ("write failed after " + std::to_string (frames + std::max<int64_t> (0, written)) + " frames ("
                         + sf_strerror (file.get()) + ")");

        frames += written;
        return {};
    }
};

AudioFileWriter::AudioFileWriter (std::unique_ptr<Impl> i) : impl (std::move (i)) {}

AudioFileWriter::~AudioFileWriter() = default;

std::filesystem::path AudioFileWriter::temporaryPathFor (const std::filesystem::path& finalPath)
{
    return finalPath.parent_path() / ("." + finalPath.filename().string() + ".partial");
}

core::Result<std::unique_ptr<AudioFileWriter>> AudioFileWriter::create (const std::filesystem::path& finalPath,
                                                                        const WriteSpec& spec)
{
    const auto where = detail::describePath (finalPath);
    const auto containerName = std::string (containerFormatName (spec.container));

    if (spec.channels < 1)
        return core::makeError (where + "cannot write " + std::to_string (spec.channels) + " channels");

    if (spec.sampleRate < 1 || spec.sampleRate > 0x7fffffff)
        return core::makeError (where + "cannot write at sample rate " + std::to_string (spec.sampleRate));

    const bool canHoldMetadata = spec.container == ContainerFormat::wav || spec.container == ContainerFormat::rf64;

    if (! canHoldMetadata && (spec.bext || spec.ixml))
        return core::makeError (where + containerName + " files cannot carry bext or iXML (use wav or rf64)");

    const auto bytesPerFrame = static_cast<uint64_t> (spec.channels) * static_cast<uint64_t> (bytesPerSample (spec.sampleFormat));
    const bool plainWav = spec.container == ContainerFormat::wav && spec.expectedFrames && *spec.expectedFrames >= 0
                          && static_cast<uint64_t> (*spec.expectedFrames) <= riffLimitBytes / bytesPerFrame;

    SF_INFO sfInfo {};
    sfInfo.channels = spec.channels;
    sfInfo.samplerate = static_cast<int> (spec.sampleRate);
    sfInfo.format = sndfileMajor (spec, plainWav) | sndfileSubtype (spec.sampleFormat);

    if (sf_format_check (&sfInfo) == SF_FALSE)
        return core::makeError (where + containerName + " cannot hold " + std::string (sampleFormatName (spec.sampleFormat))
                                + " samples");

    std::error_code ec;
    const auto folder = finalPath.parent_path().empty() ? std::filesystem::path (".") : finalPath.parent_path();
    const auto folderStatus = std::filesystem::status (folder, ec);

    if (! std::filesystem::exists (folderStatus))
        return core::makeError (where + "cannot create, folder " + folder.string() + " does not exist");

    if (! std::filesystem::is_directory (folderStatus))
        return core::makeError (where + "cannot create, " + folder.string() + " is not a folder");

    auto impl = std::make_unique<Impl>();
    impl->finalPath = finalPath;
    impl->temporaryPath = temporaryPathFor (finalPath);
    impl->spec = spec;
    impl->plainWav = plainWav;
    impl->file.reset (sf_open (impl->temporaryPath.c_str(), SFM_WRITE, &sfInfo));

    if (impl->file == nullptr)
        return core::makeError (where + "cannot create (" + sf_strerror (nullptr) + ")");

    auto* file = impl->file.get();

    if (const int bits = integerBits (spec.sampleFormat); bits > 0)
        impl->pcm.emplace (bits);

    // Integer formats go through PcmConverter, which saturates. Clipping stays on as a second
    // guard: without it libsndfile turns an over like 1.01 into an integer that wraps round to
    // near negative full scale, a loud click instead of a flat top.
    sf_command (file, SFC_SET_CLIPPING, nullptr, SF_TRUE);

    if (spec.container == ContainerFormat::wav && ! plainWav)
        sf_command (file, SFC_RF64_AUTO_DOWNGRADE, nullptr, SF_TRUE);

    // Both chunks go into the header, so they must be set before the first frame.
    if (spec.bext)
    {
        SF_BROADCAST_INFO raw;
        std::memset (&raw, 0, sizeof raw);
        detail::toSndfile (*spec.bext, raw);

        if (sf_command (file, SFC_SET_BROADCAST_INFO, &raw, sizeof raw) != SF_TRUE)
            return impl->fail (std::string ("cannot write bext chunk (") + sf_strerror (file) + ")");
    }

    if (spec.ixml)
    {
        impl->ixmlText = formatIxml (*spec.ixml);

        SF_CHUNK_INFO chunk {};
        std::memcpy (chunk.id, "iXML", 4);
        chunk.id_size = 4;
        chunk.datalen = static_cast<unsigned> (impl->ixmlText.size());
        chunk.data = impl->ixmlText.data();

        if (const int err = sf_set_chunk (file, &chunk); err != SF_ERR_NO_ERROR)
            return impl->fail (std::string ("cannot write iXML chunk (") + sf_error_number (err) + ")");
    }

    return std::unique_ptr<AudioFileWriter> (new AudioFileWriter (std::move (impl)));
}

core::Status AudioFileWriter::writePlanar (const float* const* channels, int64_t numFrames)
{
    if (auto status = impl->checkWritable (numFrames); ! status)
        return status;

    const int numChannels = impl->spec.channels;

    if (numFrames == 0)
        return {};

    if (numChannels == 1 && ! impl->pcm)
        return impl->writeFrames (channels[0], numFrames);

    for (int64_t done = 0; done < numFrames;)
    {
        const int64_t count = std::min (maxFramesPerWrite, numFrames - done);
        const auto needed = static_cast<size_t> (count * numChannels);
        core::Status status;

        if (impl->pcm)
        {
            if (impl->pcmScratch.size() < needed)
                impl->pcmScratch.resize (needed);

            interleave (channels, done, count, numChannels, impl->pcmScratch.data(), *impl->pcm);
            status = impl->writeFrames (impl->pcmScratch.data(), count);
        }
        else
        {
            if (impl->scratch.size() < needed)
                impl->scratch.resize (needed);

            interleave (channels, done, count, numChannels, impl->scratch.data(), [] (float x) { return x; });
            status = impl->writeFrames (impl->scratch.data(), count);
        }

        if (! status)
            return status;

        done += count;
    }

    return {};
}

core::Status AudioFileWriter::writeInterleaved (const float* data, int64_t numFrames)
{
    if (auto status = impl->checkWritable (numFrames); ! status)
        return status;

    if (numFrames == 0)
        return {};

    if (! impl->pcm)
        return impl->writeFrames (data, numFrames);

    const int numChannels = impl->spec.channels;

    for (int64_t done = 0; done < numFrames;)
    {
        const int64_t count = std::min (maxFramesPerWrite, numFrames - done);
        const auto samples = static_cast<size_t> (count * numChannels);

        if (impl->pcmScratch.size() < samples)
            impl->pcmScratch.resize (samples);

        std::transform (data + done * numChannels, data + done * numChannels + samples, impl->pcmScratch.data(), *impl->pcm);

        if (auto status = impl->writeFrames (impl->pcmScratch.data(), count); ! status)
            return status;

        done += count;
    }

    return {};
}

core::Status AudioFileWriter::finish()
{
    if (impl->failure)
        return *impl->failure;

    if (impl->finished)
        return core::makeError (detail::describePath (impl->finalPath) + "finish() called twice");

    // sf_close rewrites the header (sizes, RF64 downgrade); its error is the last word on the data.
    const int closeError = sf_close (impl->file.release());

    if (closeError != SF_ERR_NO_ERROR)
        return impl->fail (std::string ("cannot complete file (") + sf_error_number (closeError) + ")");

    if (! syncToDisk (impl->temporaryPath, false))
        return impl->fail ("cannot flush " + impl->temporaryPath.filename().string() + " to disk");

    std::error_code ec;
    std::filesystem::rename (impl->temporaryPath, impl->finalPath, ec);

    if (ec)
        return impl->fail ("cannot move " + impl->temporaryPath.filename().string() + " into place (" + ec.message() + ")");

    impl->finished = true;
    syncToDisk (impl->finalPath.parent_path().empty() ? "." : impl->finalPath.parent_path(), true);
    return {};
}

int64_t AudioFileWriter::framesWritten() const noexcept
{
    return impl->frames;
}
} // namespace sprocket::io
