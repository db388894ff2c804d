#include "dsp/PanLaw.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sprocket::dsp
{
StereoGains monoPanGains (double pan) noexcept
{
    const double angle = (std::clamp (pan, -1.0, 1.0) + 1.0) * std::numbers::pi / 4.0;
    return { std::cos (angle), std::sin (angle) };
}

StereoGains stereoBalanceGains (double pan) noexcept
{
    pan = std::clamp (pan, -1.0, 1.0);
    return { pan > 0.0 ? 1.0 - pan : 1.0, pan < 0.0 ? 1.0 + pan : 1.0 };
}
} // namespace sprocket::dsp
