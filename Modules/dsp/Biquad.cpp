#include "dsp/Biquad.h"

#include <algorithm>

namespace sprocket::dsp
{
void Biquad::prepare (int channels)
{
    states.assign ((size_t) std::max (channels, 0), State {});
}

void Biquad::reset() noexcept
{
    std::fill (states.begin(), states.end(), State {});
}

float Biquad::processSample (float x, int channel) noexcept
{
    auto& st = states[(size_t) channel];
    const auto& c = coefficients;
    const double in = x;
    const double y = c.b0 * in + st.s1;
    st.s1 = c.b1 * in - c.a1 * y + st.s2;
    st.s2 = c.b2 * in - c.a2 * y;
    return (float) y;
}

void Biquad::process (float* samples, int n, int channel) noexcept
{
    auto& st = states[(size_t) channel];
    const auto c = coefficients;
    double s1 = st.s1, s2 = st.s2;

    for (int i = 0; i < n; ++i)
    {
        const double in = samples[i];
        const double y = c.b0 * in + s1;
        s1 = c.b1 * in - c.a1 * y + s2;
        s2 = c.b2 * in - c.a2 * y;
        samples[i] = (float) y;
    }

    st.s1 = s1;
    st.s2 = s2;
}
} // namespace sprocket::dsp
