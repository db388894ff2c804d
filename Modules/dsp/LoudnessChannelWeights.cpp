#include "dsp/LoudnessChannelWeights.h"

#include <algorithm>

namespace sprocket::dsp
{
std::vector<double> loudnessChannelWeights (int channels)
{
    constexpr double s = surroundChannelWeight;
    switch (channels)
    {
        case 4: return { 1.0, 1.0, s, s };
        case 5: return { 1.0, 1.0, 1.0, s, s };
        case 6: return { 1.0, 1.0, 1.0, 0.0, s, s };
        case 8: return { 1.0, 1.0, 1.0, 0.0, s, s, 1.0, 1.0 };
        default: return std::vector<double> ((size_t) std::max (channels, 0), 1.0);
    }
}
} // namespace sprocket::dsp
