#include "engine/FileMediaSource.h"

#include "dsp/MixKernels.h"
#include "io/AudioFileReader.h"
#include "io/ResamplingReader.h"

namespace sprocket::engine
{
/** Either a direct reader or a resampling one, behind one call. */
class FileMediaSource::Reader
{
public:
    static core::Result<std::unique_ptr<Reader>> open (const std::filesystem::path& file, int64_t sessionRate)
    {
        auto reader = std::make_unique<Reader>();
        auto direct = io::AudioFileReader::open (file);
        if (! direct.ok())
            return direct.error();
        if (direct.value()->info().sampleRate == sessionRate)
        {
            reader->direct = std::move (direct.value());
            return reader;
        }
        auto resampling = io::ResamplingReader::open (file, sessionRate);
        if (! resampling.ok())
            return resampling.error();
        reader->resampling = std::move (resampling.value());
        return reader;
    }

    core::Result<int64_t> readPlanar (int64_t start, float* const* dest, int64_t n)
    {
        return direct ? direct->readPlanar (start, dest, n) : resampling->readPlanar (start, dest, n);
    }

    std::unique_ptr<io::AudioFileReader> direct;
    std::unique_ptr<io::ResamplingReader> resampling;
};

FileMediaSource::FileMediaSource (const RenderPlan& p) : plan (&p) {}
FileMediaSource::~FileMediaSource() = default;

FileMediaSource::Reader* FileMediaSource::readerFor (int trackIndex, int mediaIndex)
{
    if (mediaIndex < 0 || mediaIndex >= int (plan->media.size()))
        return nullptr;
    const auto& file = plan->media[size_t (mediaIndex)].file;
    auto key = std::make_pair (trackIndex, file.string());
    if (auto found = readers.find (key); found != readers.end())
        return found->second.get();
    auto opened = Reader::open (file, plan->sampleRate);
    if (! opened.ok())
    {
        if (! error)
            error = opened.error();
        readers.emplace (std::move (key), nullptr); // remember the failure: no retry every block
        return nullptr;
    }
    return (readers[std::move (key)] = std::move (opened.value())).get();
}

core::Status FileMediaSource::openAll()
{
    for (int t = 0; t < int (plan->tracks.size()); ++t)
        for (auto& clip : plan->tracks[size_t (t)].clips)
            if (readerFor (t, clip.mediaIndex) == nullptr)
                return error ? *error : core::makeError ("track '" + plan->tracks[size_t (t)].id + "': clip has no media");
    return {};
}

int64_t FileMediaSource::read (int trackIndex, int mediaIndex, int64_t startFrame, float* const* dest, int channels,
                               int numFrames) noexcept
{
    auto* reader = (error && stopOnError) ? nullptr : readerFor (trackIndex, mediaIndex);
    if (reader != nullptr)
    {
        auto result = reader->readPlanar (startFrame, dest, numFrames);
        if (result.ok())
            return result.value();
        if (! error)
            error = result.error();
    }
    ++failures;
    for (int c = 0; c < channels; ++c)
        dsp::clear (dest[c], numFrames);
    return 0;
}
} // namespace sprocket::engine
