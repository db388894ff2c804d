#pragma once

#include "core/Error.h"
#include "video/MovieInfo.h"
#include "video/VideoFrame.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>

namespace sprocket::video
{
enum class PlayDirection
{
    still, // parked or scrubbing: keep a few frames either side
    forward,
    backward
};

struct PrefetchSettings
{
    /** One decoder thread by default: a locate is latency-bound, and frame threading adds a
        picture of delay per thread and restarts on every seek (video_bench, 1080p H.264 GOP 24:
        median locate 180 ms on one thread, 260 ms on two), while one thread still decodes 1080p
        H.264 at 2.7x real time for playback. */
    DecoderOptions decoder { {}, 1 };
    /** Frames kept decoded ahead of the requested one in the play direction (at 24 fps, 12 is half
        a second of slack against a slow decode). */
    int ahead = 12;
    /** Frames kept behind it when parked, for stepping back and forth. */
    int behind = 3;
    /** Decoded frames are dropped, least recently used first, beyond this. 1080p BGRA is 8 MB a
        frame, so the default holds about 30 of them. */
    size_t memoryBudgetBytes = size_t (256) << 20;
};

/** Keeps decoded frames around a requested position, on its own thread.

    The message thread says where the picture is (`request`) and takes what is ready
    (`frameIfReady`); neither waits for decoding, which runs on the prefetcher's thread with its
    own FrameDecoder. The thread decodes the requested frame first, then the frames ahead in the
    play direction, then (when still) the few behind, skipping what is cached; a new request
    re-plans after the frame being decoded. Frames come out shared and immutable, so a painter
    can hold one while the cache drops it. Never used from the audio thread (the app maps the
    audio clock to a frame with movieFrameAt and requests that). */
class FramePrefetcher
{
public:
    static core::Result<std::unique_ptr<FramePrefetcher>> open (const std::filesystem::path& path,
                                                                const PrefetchSettings& settings = {});

    ~FramePrefetcher(); // stops and joins the thread
    FramePrefetcher (const FramePrefetcher&) = delete;
    FramePrefetcher& operator= (const FramePrefetcher&) = delete;

    const MovieInfo& info() const noexcept;

    /** Says which frame is needed now; frames outside the movie are ignored.
        [[message thread]] (any thread; never blocks on decoding). */
    void request (int64_t frame, PlayDirection direction = PlayDirection::still);

    struct Lookup
    {
        std::shared_ptr<const VideoFrame> frame; // null if nothing suitable is cached
        bool exact = false;                      // false: the nearest earlier cached frame
    };

    /** The frame if decoded, otherwise the nearest earlier cached frame (not exact), otherwise
        nothing. [[any thread]] except audio: it takes a mutex held only for map operations. */
    Lookup frameIfReady (int64_t frame) const;

    /** Blocks until the frame is decoded or the timeout passes. For tests, benchmarks and
        command-line tools; the UI polls frameIfReady instead. */
    std::shared_ptr<const VideoFrame> waitForFrame (int64_t frame, std::chrono::milliseconds timeout) const;

    size_t cachedBytes() const;
    size_t cachedFrames() const;
    int64_t framesDecoded() const;

private:
    struct Impl;
    explicit FramePrefetcher (std::unique_ptr<Impl>);
    std::unique_ptr<Impl> impl;
};
} // namespace sprocket::video
