#pragma once

#include <vector>

namespace sprocket::app
{
/** What one mixer strip's meter receives each refresh, per channel, as linear gains
    (1 = full scale): the highest sample and the highest true peak (BS.1770-4, 4x oversampled)
    since the last refresh. `truePeak` may be empty (the sample peaks stand in for it). */
struct StripLevels
{
    std::vector<float> peak, truePeak;
};

/** One refresh of every strip: tracks and buses in session order, then the master. */
struct MixerLevels
{
    std::vector<StripLevels> tracks, buses;
    StripLevels master;
};
} // namespace sprocket::app
