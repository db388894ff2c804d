#include "io/AudioFileInfo.h"

#include "io/SndfileSupport.h"

namespace sprocket::io
{
double AudioFileInfo::durationSeconds() const
{
    return sampleRate > 0 ? static_cast<double> (frames) / static_cast<double> (sampleRate) : 0.0;
}

core::Result<AudioFileInfo> probeAudioFile (const std::filesystem::path& path)
{
    auto opened = detail::openForReading (path);

    if (! opened)
        return opened.error();

    return std::move (opened.value().info);
}
} // namespace sprocket::io
