#pragma once

// Internal to Modules/video: decoded pictures to owned BGRA VideoFrames (libswscale).

#include "video/VideoFrame.h"

extern "C"
{
#include <libavutil/frame.h>
}

struct SwsContext;

namespace sprocket::video::detail
{
/** The output size for a picture of width x height with sample aspect sarNum:sarDen. */
FrameSize resolveOutputSize (FrameSize requested, int width, int height, int sarNum, int sarDen) noexcept;

class FrameConverter
{
public:
    explicit FrameConverter (FrameSize outputSize) : size (outputSize) {}
    ~FrameConverter();
    FrameConverter (const FrameConverter&) = delete;
    FrameConverter& operator= (const FrameConverter&) = delete;

    FrameSize outputSize() const noexcept { return size; }

    /** Scales and converts a decoded picture. A picture swscale cannot take comes back blank
        and flagged corrupt. */
    VideoFrame convert (const AVFrame& picture, int64_t index);

    /** A black picture flagged corrupt, for a frame that could not be decoded. */
    VideoFrame blank (int64_t index) const;

private:
    FrameSize size;
    SwsContext* scaler = nullptr;
};
} // namespace sprocket::video::detail
