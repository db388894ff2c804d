#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sprocket::video
{
/** One decoded picture, owned. Pixels are 8-bit BGRA in memory order (B, G, R, A per pixel,
    alpha 255), rows top to bottom, `width * 4` bytes per row: on a little-endian machine that
    is JUCE's Image::ARGB layout, so the app copies rows straight into a BitmapData. */
struct VideoFrame
{
    int64_t index = -1; // the movie's frame number, 0 = its first picture
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;

    /** The picture could not be decoded (damaged or missing data): pixels are black, for the
        UI to mark rather than to show a wrong picture. */
    bool corrupt = false;

    int stride() const noexcept { return width * 4; }
    size_t bytes() const noexcept { return pixels.size(); }
    const uint8_t* pixel (int x, int y) const noexcept { return pixels.data() + size_t (y) * size_t (stride()) + size_t (x) * 4; }
};

/** The size pictures are scaled to. Zero width and height: the movie's own size. Only a
    height: the width follows the picture's display aspect ratio (rounded to even). */
struct FrameSize
{
    int width = 0;
    int height = 0;
};

struct DecoderOptions
{
    FrameSize outputSize;
    /** Decoder threads; 0 lets FFmpeg choose (one per core). */
    int threads = 0;
};
} // namespace sprocket::video
