#pragma once

#include "core/TempoMap.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sprocket::app
{
/** Where the bars|beats ruler puts its labels and ticks for a view: bar numbers every 1, 2, 4,
    8... bars (as many as fit), "bar|beat" labels when beats are wide enough to read, and ticks
    at beats (or at sixteenths when zoomed in, or at bars when zoomed out). Bars follow every
    tempo and meter change, so the spacing is uneven where the music changes. */
struct BarsBeatsMarks
{
    struct Label
    {
        int64_t sample = 0;
        std::string text;
    };
    std::vector<Label> labels;
    std::vector<int64_t> ticks; // samples, labels excluded
};

BarsBeatsMarks barsBeatsMarks (const core::TempoMap& map, int64_t sampleRate, double firstSample, double lastSample,
                               double samplesPerPixel, float minLabelSpacing, float minTickSpacing);
} // namespace sprocket::app
