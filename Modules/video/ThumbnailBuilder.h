#pragma once

#include "core/Error.h"
#include "video/MovieInfo.h"
#include "video/VideoFrame.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

namespace sprocket::video
{
/** Which thumbnails to make: every `spacing`-th frame from firstFrame up to lastFrame
    (inclusive, clamped to the movie), `height` pixels high, width from the picture's shape. */
struct ThumbnailRequest
{
    int64_t firstFrame = 0;
    int64_t lastFrame = -1; // -1: the movie's last frame
    int64_t spacing = 24;
    int height = 96;
    int threads = 1; // decoder threads; one keeps the other cores for audio and the UI
};

/** Makes small pictures for a video track's strip, on its own thread, in frame order.

    Thumbnails appear as they are made (`thumbnailAt`), with progress from 0 to 1; cancel()
    or destruction stops the thread after the thumbnail in hand. Damaged frames come through
    flagged corrupt, like FrameDecoder's. Not for the audio thread. */
class ThumbnailBuilder
{
public:
    /** Opens the movie (same errors as FrameDecoder::open) and starts building. */
    static core::Result<std::unique_ptr<ThumbnailBuilder>> start (const std::filesystem::path& path,
                                                                  const ThumbnailRequest& request);

    ~ThumbnailBuilder();
    ThumbnailBuilder (const ThumbnailBuilder&) = delete;
    ThumbnailBuilder& operator= (const ThumbnailBuilder&) = delete;

    const MovieInfo& info() const noexcept;

    /** The thumbnail made for the nearest planned frame at or before `frame`, or null if that
        one is not made yet. [[any thread]] */
    std::shared_ptr<const VideoFrame> thumbnailAt (int64_t frame) const;

    /** The frames thumbnails are planned for, in order. */
    const std::vector<int64_t>& plannedFrames() const noexcept;

    double progress() const noexcept; // made / planned, 0..1
    bool finished() const noexcept;   // all made, or cancelled
    void cancel() noexcept;
    /** Blocks until finished (tests, benchmarks, the CLI). */
    void waitUntilFinished() const;

private:
    struct Impl;
    explicit ThumbnailBuilder (std::unique_ptr<Impl>);
    std::unique_ptr<Impl> impl;
};
} // namespace sprocket::video
