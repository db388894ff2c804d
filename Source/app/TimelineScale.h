#pragma once

#include "core/SampleTime.h"

#include <cmath>
#include <cstdint>

namespace sprocket::app
{
/** Maps timeline samples to horizontal pixels and back. The model stays in samples;
    this is the only place the view turns them into floating point. */
struct TimelineScale
{
    double samplesPerPixel = 1000.0;
    double viewStart = 0.0; // the sample shown at originX
    float originX = 0.0f;   // x of the lanes' left edge, in the owner's coordinates

    float xForSample (int64_t sample) const noexcept
    {
        return originX + float ((double (sample) - viewStart) / samplesPerPixel);
    }

    double sampleForX (float x) const noexcept
    {
        return viewStart + double (x - originX) * samplesPerPixel;
    }

    /** The samples covered by `width` pixels from originX. */
    core::SampleRange visibleRange (int width) const noexcept
    {
        const auto start = (int64_t) std::floor (viewStart);
        const auto end = (int64_t) std::ceil (viewStart + double (width) * samplesPerPixel);
        return { { start }, { end } };
    }
};
} // namespace sprocket::app
