#pragma once

// Internal to Modules/video: FFmpeg plumbing shared by the decoders. No public header includes it.

#include "core/Error.h"
#include "video/MovieInfo.h"

extern "C"
{
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
}

#include <filesystem>
#include <memory>
#include <string>

namespace sprocket::video::detail
{
struct FormatCloser
{
    void operator() (AVFormatContext* context) const noexcept { avformat_close_input (&context); }
};
struct CodecFreer
{
    void operator() (AVCodecContext* context) const noexcept { avcodec_free_context (&context); }
};
struct PacketFreer
{
    void operator() (AVPacket* packet) const noexcept { av_packet_free (&packet); }
};
struct FrameFreer
{
    void operator() (AVFrame* frame) const noexcept { av_frame_free (&frame); }
};

using FormatPtr = std::unique_ptr<AVFormatContext, FormatCloser>;
using CodecPtr = std::unique_ptr<AVCodecContext, CodecFreer>;
using PacketPtr = std::unique_ptr<AVPacket, PacketFreer>;
using FramePtr = std::unique_ptr<AVFrame, FrameFreer>;

/** FFmpeg's text for an error code (av_strerror). */
std::string errorText (int code);

/** Opens a container and reads its stream headers. Errors name the file and say why. */
core::Result<FormatPtr> openContainer (const std::filesystem::path& path);

/** A decoder for one stream, opened with `threads` threads (0: FFmpeg chooses). */
core::Result<CodecPtr> openDecoder (const std::filesystem::path& path, const AVStream& stream, int threads);

/** openMovie's facts from a container already open (defined in MovieInfo.cpp). */
core::Result<MovieInfo> describeMovie (const std::filesystem::path& path, const AVFormatContext& context);

/** The first video stream that is not a cover picture, or -1. */
int findVideoStream (const AVFormatContext& format);
} // namespace sprocket::video::detail
