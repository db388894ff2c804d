#pragma once

namespace sprocket::dsp
{
struct StereoGains
{
    double left = 1.0;
    double right = 1.0;
};

/** Mono to stereo, -3 dB constant power: left = cos((pan+1)pi/4), right = sin((pan+1)pi/4),
    pan -1 (left) .. +1 (right). At centre both are 1/sqrt(2), so the power sum is constant. */
StereoGains monoPanGains (double pan) noexcept;

/** Stereo balance: 0 leaves both channels untouched; towards +1 the left channel is
    attenuated linearly to silence, towards -1 the right. */
StereoGains stereoBalanceGains (double pan) noexcept;
} // namespace sprocket::dsp
