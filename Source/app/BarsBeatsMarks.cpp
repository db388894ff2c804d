#include "BarsBeatsMarks.h"

#include <algorithm>
#include <cmath>

namespace sprocket::app
{
BarsBeatsMarks barsBeatsMarks (const core::TempoMap& map, int64_t sampleRate, double firstSample, double lastSample,
                               double samplesPerPixel, float minLabelSpacing, float minTickSpacing)
{
    BarsBeatsMarks marks;
    if (! (samplesPerPixel > 0.0) || lastSample < firstSample)
        return marks;

    const auto first = core::SamplePosition { int64_t (std::floor (firstSample)) };
    const auto last = core::SamplePosition { int64_t (std::ceil (lastSample)) };
    const auto firstBar = map.barsBeatsAt (map.tickContaining (first, sampleRate)).bar;
    const auto lastBar = map.barsBeatsAt (map.tickContaining (last, sampleRate)).bar;
    const auto pixelsBetween = [&] (int64_t fromTick, int64_t toTick) {
        return double ((map.positionOfTick (toTick, sampleRate) - map.positionOfTick (fromTick, sampleRate)).samples)
               / samplesPerPixel;
    };

    // The narrowest bar and beat in view decide the spacing, so labels never collide.
    double barPixels = INFINITY, beatPixels = INFINITY;
    for (auto bar = firstBar; bar <= lastBar && bar - firstBar < 100000; ++bar)
    {
        const auto start = map.tickOfBar (bar);
        const auto& meter = map.meterAtBar (bar);
        barPixels = std::min (barPixels, pixelsBetween (start, start + meter.ticksPerBar()));
        beatPixels = std::min (beatPixels, pixelsBetween (start, start + meter.ticksPerBeat()));
    }
    const bool labelBeats = beatPixels >= minLabelSpacing;
    int64_t barsPerLabel = 1;
    while (! labelBeats && barsPerLabel < (int64_t (1) << 20) && double (barsPerLabel) * barPixels < minLabelSpacing)
        barsPerLabel *= 2;
    const int subdivisions = labelBeats && beatPixels / 4.0 >= minTickSpacing ? 4 : (beatPixels >= minTickSpacing ? 1 : 0);

    const auto inView = [&] (core::SamplePosition p) { return p >= first && p <= last; };
    for (auto bar = firstBar; bar <= lastBar && bar - firstBar < 100000; ++bar)
    {
        const auto barTick = map.tickOfBar (bar);
        const auto& meter = map.meterAtBar (bar);
        const bool labelled = (bar - 1) % barsPerLabel == 0;
        if (const auto at = map.positionOfTick (barTick, sampleRate); inView (at))
        {
            if (labelled)
                marks.labels.push_back ({ at.samples, labelBeats ? std::to_string (bar) + "|1" : std::to_string (bar) });
            else if (barPixels >= minTickSpacing)
                marks.ticks.push_back (at.samples);
        }
        if (subdivisions == 0)
            continue;
        const int64_t steps = meter.numerator * int64_t (subdivisions);
        for (int64_t i = 1; i < steps; ++i)
        {
            const auto tick = barTick + i * meter.ticksPerBar() / steps;
            const auto at = map.positionOfTick (tick, sampleRate);
            if (! inView (at))
                continue;
            if (labelBeats && i % subdivisions == 0)
                marks.labels.push_back ({ at.samples, std::to_string (bar) + "|" + std::to_string (1 + i / subdivisions) });
            else
                marks.ticks.push_back (at.samples);
        }
    }
    return marks;
}
} // namespace sprocket::app
