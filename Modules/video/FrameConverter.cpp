#include "video/FrameConverter.h"

extern "C"
{
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cmath>

namespace sprocket::video::detail
{
FrameSize resolveOutputSize (FrameSize requested, int width, int height, int sarNum, int sarDen) noexcept
{
    if (requested.width > 0 && requested.height > 0)
        return requested;
    if (requested.height <= 0)
        return { width, height };
    // Thumbnails keep the picture's display shape: stored width x sample aspect ratio.
    const double aspect = double (width) * (sarNum > 0 && sarDen > 0 ? double (sarNum) / double (sarDen) : 1.0) / double (height);
    const int evenWidth = std::max (2, int (std::lround (requested.height * aspect / 2.0)) * 2);
    return { evenWidth, requested.height };
}

FrameConverter::~FrameConverter()
{
    sws_freeContext (scaler);
}

VideoFrame FrameConverter::blank (int64_t index) const
{
    VideoFrame frame;
    frame.index = index;
    frame.width = size.width;
    frame.height = size.height;
    frame.pixels.assign (size_t (size.width) * size_t (size.height) * 4, 0);
    for (size_t alpha = 3; alpha < frame.pixels.size(); alpha += 4)
        frame.pixels[alpha] = 255;
    frame.corrupt = true;
    return frame;
}

VideoFrame FrameConverter::convert (const AVFrame& picture, int64_t index)
{
    // Area averaging when shrinking (thumbnails) avoids aliasing; bilinear otherwise.
    const bool shrinking = size.width < picture.width || size.height < picture.height;
    scaler = sws_getCachedContext (scaler, picture.width, picture.height, AVPixelFormat (picture.format), size.width, size.height,
                                   AV_PIX_FMT_BGRA, shrinking ? SWS_AREA : SWS_BILINEAR, nullptr, nullptr, nullptr);
    if (scaler == nullptr)
        return blank (index);

    VideoFrame frame;
    frame.index = index;
    frame.width = size.width;
    frame.height = size.height;
    frame.pixels.resize (size_t (size.width) * size_t (size.height) * 4);
    uint8_t* destination[4] = { frame.pixels.data(), nullptr, nullptr, nullptr };
    const int destinationStride[4] = { frame.stride(), 0, 0, 0 };
    if (sws_scale (scaler, picture.data, picture.linesize, 0, picture.height, destination, destinationStride) != size.height)
        return blank (index);
    return frame;
}
} // namespace sprocket::video::detail
