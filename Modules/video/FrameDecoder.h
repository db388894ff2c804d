#pragma once

#include "core/Error.h"
#include "video/MovieInfo.h"
#include "video/VideoFrame.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>

namespace sprocket::video
{
/** Decodes any frame of a movie by number, exactly.

    Frame n is the picture whose presentation time is the first picture's plus n frame
    durations; times map to numbers with the stream's time base in integer rational math, so
    there is no drift over a feature's length. A request just ahead of the last decoded picture
    decodes forward (a sequential read never seeks); any other seeks back to the keyframe at or
    before the target and decodes forward to it, which handles B-frames and long GOPs. Where the
    stream has no picture for a number (variable frame rate, a dropped frame) the picture showing
    at that time is returned.

    A picture that fails to decode comes back as a black frame flagged `corrupt`; decoding never
    throws. Frame numbers outside [0, frameCount) are an error ("no frame").

    Not thread-safe: one decoder per thread. Never on the audio thread. */
class FrameDecoder
{
public:
    /** Fails, naming the file and FFmpeg's reason, like openMovie(), or when no decoder exists
        for the video codec. */
    static core::Result<std::unique_ptr<FrameDecoder>> open (const std::filesystem::path& path,
                                                             const DecoderOptions& options = {});

    ~FrameDecoder();
    FrameDecoder (const FrameDecoder&) = delete;
    FrameDecoder& operator= (const FrameDecoder&) = delete;

    const MovieInfo& info() const noexcept;
    FrameSize outputSize() const noexcept;

    core::Result<VideoFrame> decodeFrame (int64_t frameIndex);

    /** While *flag is true, decodeFrame gives up between pictures and fails ("abandoned"),
        keeping its position, so a background decoder can drop work a locate made useless. The
        flag is read from the decoding thread; any thread may set it. Null: never abandon. */
    void setAbandonFlag (const std::atomic<bool>* flag) noexcept;

    /** Seeks made so far (a sequential read makes none). */
    int64_t seekCount() const noexcept;
    /** Pictures the codec has produced so far, including those decoded only to reach a target. */
    int64_t picturesDecoded() const noexcept;

private:
    struct Impl;
    explicit FrameDecoder (std::unique_ptr<Impl>);
    std::unique_ptr<Impl> impl;
};
} // namespace sprocket::video
