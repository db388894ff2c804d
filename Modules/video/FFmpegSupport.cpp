#include "video/FFmpegSupport.h"

namespace sprocket::video::detail
{
std::string errorText (int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror (code, text, sizeof text);
    return text;
}

core::Result<FormatPtr> openContainer (const std::filesystem::path& path)
{
    std::error_code ec;
    if (! std::filesystem::exists (path, ec))
        return core::makeError (path.string() + ": no such file");
    if (std::filesystem::is_directory (path, ec))
        return core::makeError (path.string() + ": is a directory");

    AVFormatContext* raw = nullptr;
    if (const int rc = avformat_open_input (&raw, path.c_str(), nullptr, nullptr); rc < 0)
        return core::makeError (path.string() + ": not a movie FFmpeg can open (" + errorText (rc) + ")");
    FormatPtr format (raw);
    if (const int rc = avformat_find_stream_info (format.get(), nullptr); rc < 0)
        return core::makeError (path.string() + ": cannot read the movie's streams (" + errorText (rc) + ")");
    return format;
}

core::Result<CodecPtr> openDecoder (const std::filesystem::path& path, const AVStream& stream, int threads)
{
    const AVCodec* codec = avcodec_find_decoder (stream.codecpar->codec_id);
    if (codec == nullptr)
        return core::makeError (path.string() + ": no decoder for " + avcodec_get_name (stream.codecpar->codec_id));
    CodecPtr context (avcodec_alloc_context3 (codec));
    if (context == nullptr)
        return core::makeError (path.string() + ": out of memory");
    if (const int rc = avcodec_parameters_to_context (context.get(), stream.codecpar); rc < 0)
        return core::makeError (path.string() + ": " + errorText (rc));
    context->pkt_timebase = stream.time_base;
    context->thread_count = threads;
    if (const int rc = avcodec_open2 (context.get(), codec, nullptr); rc < 0)
        return core::makeError (path.string() + ": cannot open the " + codec->name + " decoder (" + errorText (rc) + ")");
    return context;
}

int findVideoStream (const AVFormatContext& format)
{
    for (unsigned i = 0; i < format.nb_streams; ++i)
    {
        const AVStream& stream = *format.streams[i];
        if (stream.codecpar->codec_type == AVMEDIA_TYPE_VIDEO && (stream.disposition & AV_DISPOSITION_ATTACHED_PIC) == 0)
            return int (i);
    }
    return -1;
}
} // namespace sprocket::video::detail
