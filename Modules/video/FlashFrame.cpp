#include "video/FlashFrame.h"

#include "video/FrameDecoder.h"

#include <algorithm>
#include <vector>

namespace sprocket::video
{
namespace
{
    double meanBrightness (const VideoFrame& frame)
    {
        double sum = 0.0;
        for (size_t i = 0; i + 3 < frame.pixels.size(); i += 4)
            sum += (double (frame.pixels[i]) + double (frame.pixels[i + 1]) + double (frame.pixels[i + 2])) / 3.0;
        return frame.pixels.empty() ? 0.0 : sum / double (frame.pixels.size() / 4);
    }

    /** Brightness around a picture: the median of the 12 either side, so the flash itself and
        a fade do not lift it. */
    double surroundingMedian (const std::vector<double>& brightness, size_t at)
    {
        std::vector<double> around;
        for (size_t i = at >= 12 ? at - 12 : 0; i < std::min (brightness.size(), at + 13); ++i)
            if (i + 2 < at || i > at + 2)
                around.push_back (brightness[i]);
        if (around.empty())
            return 0.0;
        std::nth_element (around.begin(), around.begin() + std::ptrdiff_t (around.size() / 2), around.end());
        return around[around.size() / 2];
    }
} // namespace

core::Result<std::optional<int64_t>> findFlashFrame (const std::filesystem::path& movie, int64_t firstFrame, int64_t lastFrame,
                                                     double minimumJump)
{
    DecoderOptions options;
    options.outputSize = { 0, 36 };
    options.threads = 1;
    auto decoder = FrameDecoder::open (movie, options);
    if (! decoder)
        return decoder.error();
    const auto count = (*decoder)->info().frameCount;
    firstFrame = std::max<int64_t> (0, firstFrame);
    lastFrame = std::min (lastFrame, count - 1);

    std::vector<double> brightness;
    for (int64_t frame = firstFrame; frame <= lastFrame; ++frame)
    {
        auto picture = (*decoder)->decodeFrame (frame);
        if (! picture)
            break; // the movie ends early (an estimated frame count)
        brightness.push_back (picture->corrupt ? 0.0 : meanBrightness (*picture));
    }

    const auto isBright = [&] (size_t i) { return brightness[i] >= surroundingMedian (brightness, i) + minimumJump; };
    for (size_t i = 0; i < brightness.size(); ++i)
    {
        if (! isBright (i))
            continue;
        size_t run = 1;
        while (i + run < brightness.size() && isBright (i + run))
            ++run;
        if (run <= 2)
            return std::optional<int64_t> (firstFrame + int64_t (i));
        i += run;
    }
    return std::optional<int64_t> {};
}
} // namespace sprocket::video
