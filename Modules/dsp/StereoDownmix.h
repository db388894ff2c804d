#pragma once

#include <array>

namespace sprocket::dsp
{
/** How a 5.1 or 7.1 programme folds to two channels.
    - loRo: ITU-R BS.775 "Lo/Ro": Lo = L + 0.707 C + 0.707 Ls (+ 0.707 Lrs), Ro likewise on the
      right; the LFE is dropped. What a stereo listener hears of the surround mix.
    - ltRt: matrix-encoded "Lt/Rt" for a Pro Logic style decoder: the surrounds are summed
      (S = 0.707 (Ls + Rs [+ Lrs + Rrs])) and added to Lt in antiphase and to Rt in phase, so a
      decoder can steer them back to the rear: Lt = L + 0.707 C - 0.707 S,
      Rt = R + 0.707 C + 0.707 S; LFE dropped. Without the 90 degree phase shift a hardware
      encoder adds (so also what ffmpeg's "dolby" matrix encoding gives). */
enum class DownmixMode
{
    loRo,
    ltRt
};

/** Channel order L R C LFE Ls Rs [Lrs Rrs]; up to 8 channels. */
struct StereoDownmixGains
{
    std::array<float, 8> left {}, right {};
};

/** The gains of each source channel in the left and right outputs. Mono and stereo sources pass
    (mono to both sides at unity); 3 to 5 channels take the 5.1 positions they have. */
StereoDownmixGains stereoDownmixGains (int sourceChannels, DownmixMode mode) noexcept;
} // namespace sprocket::dsp
