#include "video/MovieInfo.h"

#include "video/FFmpegSupport.h"

#include <cmath>
#include <cstdlib>

namespace sprocket::video
{
namespace
{
    // The tags a timecode may hide in, in order of trust: the video stream's (QuickTime links the
    // tmcd track's value there), any other stream's (the tmcd track itself), the file's (MXF, Matroska).
    std::string findTimecode (const AVFormatContext& format, int videoStream)
    {
        const auto tag = [] (AVDictionary* dict) -> std::string {
            const AVDictionaryEntry* entry = av_dict_get (dict, "timecode", nullptr, 0);
            return entry != nullptr ? entry->value : "";
        };
        if (auto text = tag (format.streams[videoStream]->metadata); ! text.empty())
            return text;
        for (unsigned i = 0; i < format.nb_streams; ++i)
            if (auto text = tag (format.streams[i]->metadata); ! text.empty())
                return text;
        return tag (format.metadata);
    }

    std::string containerName (const AVFormatContext& format)
    {
        const std::string demuxer = format.iformat->name;
        if (demuxer.rfind ("mov,", 0) == 0)
        {
            // One demuxer reads both; the brand tells a QuickTime movie from an MP4.
            const AVDictionaryEntry* brand = av_dict_get (format.metadata, "major_brand", nullptr, 0);
            return brand != nullptr && std::string (brand->value).rfind ("qt", 0) == 0 ? "mov" : "mp4";
        }
        if (demuxer.rfind ("matroska", 0) == 0)
            return "mkv";
        return demuxer.substr (0, demuxer.find (','));
    }

    AVRational pictureRate (const AVStream& stream)
    {
        if (stream.avg_frame_rate.num > 0 && stream.avg_frame_rate.den > 0)
            return stream.avg_frame_rate;
        return stream.r_frame_rate;
    }

    int64_t countFrames (const AVFormatContext& format, const AVStream& stream, core::FrameRatio rate, bool& estimated)
    {
        estimated = false;
        if (stream.nb_frames > 0)
            return stream.nb_frames;
        estimated = true;
        // Round to the nearest picture: durations are stored in coarser or finer units than frames.
        if (stream.duration != AV_NOPTS_VALUE && stream.duration > 0)
            return av_rescale_q_rnd (stream.duration, stream.time_base,
                                     AVRational { int (rate.denominator), int (rate.numerator) }, AV_ROUND_NEAR_INF);
        if (format.duration != AV_NOPTS_VALUE && format.duration > 0)
        {
            int64_t duration = format.duration;
            if (stream.start_time != AV_NOPTS_VALUE)
                duration -=
                    av_rescale_q (stream.start_time, stream.time_base, AV_TIME_BASE_Q) - std::max<int64_t> (0, format.start_time);
            return av_rescale_q_rnd (duration, AV_TIME_BASE_Q, AVRational { int (rate.denominator), int (rate.numerator) },
                                     AV_ROUND_NEAR_INF);
        }
        return 0;
    }
} // namespace

std::optional<core::FrameRate> sessionFrameRateFor (core::FrameRatio ratio, bool dropFrame) noexcept
{
    if (ratio.numerator <= 0 || ratio.denominator <= 0)
        return std::nullopt;
    const double fps = double (ratio.numerator) / double (ratio.denominator);
    for (auto rate : core::allFrameRates)
    {
        const bool hasDropVariant = rate == core::FrameRate::fps29_97 || rate == core::FrameRate::fps29_97df
                                    || rate == core::FrameRate::fps59_94 || rate == core::FrameRate::fps59_94df;
        if (hasDropVariant && core::isDropFrame (rate) != dropFrame)
            continue;
        const auto exact = core::frameRatio (rate);
        if (exact.numerator * ratio.denominator == ratio.numerator * exact.denominator)
            return rate;
        // Matroska keeps frame durations in whole nanoseconds (and some muxers round to 1/1000 s),
        // so 24000/1001 can arrive as 2997/125 or similar: within 0.01 % is the rate (23.976
        // and 24 differ by 0.1 %).
        const double nominal = double (exact.numerator) / double (exact.denominator);
        if (std::abs (fps - nominal) < nominal * 1e-4)
            return rate;
    }
    return std::nullopt;
}

double MovieInfo::durationSeconds() const noexcept
{
    return frameRatio.numerator > 0 ? double (frameCount) * double (frameRatio.denominator) / double (frameRatio.numerator) : 0.0;
}

std::string MovieInfo::frameRateText() const
{
    if (frameRate)
        return std::string (core::frameRateName (*frameRate));
    return std::to_string (frameRatio.numerator) + "/" + std::to_string (frameRatio.denominator);
}

core::Result<MovieInfo> openMovie (const std::filesystem::path& path)
{
    auto format = detail::openContainer (path);
    if (! format.ok())
        return format.error();
    return detail::describeMovie (path, *format.value());
}

core::Result<MovieInfo> detail::describeMovie (const std::filesystem::path& path, const AVFormatContext& context)
{
    const int videoIndex = detail::findVideoStream (context);
    if (videoIndex < 0)
        return core::makeError (path.string() + ": no video stream (FFmpeg reads it as " + context.iformat->name + ")");
    const AVStream& video = *context.streams[videoIndex];

    MovieInfo info;
    info.path = path;
    info.container = containerName (context);
    info.codec = avcodec_get_name (video.codecpar->codec_id);
    info.width = video.codecpar->width;
    info.height = video.codecpar->height;
    info.videoStreamIndex = videoIndex;

    const AVRational rate = pictureRate (video);
    if (rate.num <= 0 || rate.den <= 0)
        return core::makeError (path.string() + ": the video stream has no frame rate");
    info.startTimecodeText = findTimecode (context, videoIndex);
    const bool dropFrame = info.startTimecodeText.find_first_of (";.") != std::string::npos;
    info.frameRate = sessionFrameRateFor ({ rate.num, rate.den }, dropFrame);
    // A recognised rate is stored exactly, whatever rounding the container applied.
    info.frameRatio = info.frameRate ? core::frameRatio (*info.frameRate) : core::FrameRatio { rate.num, rate.den };
    info.frameCount = countFrames (context, video, info.frameRatio, info.frameCountEstimated);

    if (info.frameRate && ! info.startTimecodeText.empty())
        if (auto tc = core::parseTimecode (info.startTimecodeText, *info.frameRate); tc.ok())
            info.startTimecode = tc.value();

    for (unsigned i = 0; i < context.nb_streams; ++i)
    {
        const AVCodecParameters& audio = *context.streams[i]->codecpar;
        if (audio.codec_type != AVMEDIA_TYPE_AUDIO)
            continue;
        info.audioStreams.push_back (
            { int (i), avcodec_get_name (audio.codec_id), audio.ch_layout.nb_channels, audio.sample_rate });
    }
    return info;
}
} // namespace sprocket::video
