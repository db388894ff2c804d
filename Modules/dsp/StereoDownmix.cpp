#include "dsp/StereoDownmix.h"

#include <algorithm>
#include <cmath>

namespace sprocket::dsp
{
StereoDownmixGains stereoDownmixGains (int sourceChannels, DownmixMode mode) noexcept
{
    constexpr float minus3dB = 0.70710678f;
    constexpr int lfe = 3;
    StereoDownmixGains g;
    const int n = std::clamp (sourceChannels, 0, 8);
    if (n == 1)
    {
        g.left[0] = g.right[0] = 1.0f;
        return g;
    }
    if (n >= 2)
    {
        g.left[0] = 1.0f;
        g.right[1] = 1.0f;
    }
    if (n >= 3)
        g.left[2] = g.right[2] = minus3dB;
    for (int c = 4; c < n; ++c)
    {
        if (c == lfe)
            continue;
        if (mode == DownmixMode::loRo)
            (c % 2 == 0 ? g.left : g.right)[(size_t) c] = minus3dB;
        else
        {
            // S = 0.707 (sum of surrounds), to Lt at -0.707 and to Rt at +0.707: 0.5 each.
            g.left[(size_t) c] = -minus3dB * minus3dB;
            g.right[(size_t) c] = minus3dB * minus3dB;
        }
    }
    return g;
}
} // namespace sprocket::dsp
