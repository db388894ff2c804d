#include "TimecodeRuler.h"

#include "BarsBeatsMarks.h"
#include "Theme.h"

#include "core/FeetFrames.h"
#include "core/IntegerMath.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace sprocket::app
{
using core::ceilDiv;
using core::floorDiv;

TimecodeRuler::TimecodeRuler()
{
    setOpaque (true);
}

void TimecodeRuler::setTimebase (int64_t newSampleRate, core::FrameRate rate, core::Timecode start)
{
    sampleRate = newSampleRate > 0 ? newSampleRate : 48000;
    frameRate = rate;
    startFrameCount = core::frameCountFromTimecode (start, rate);
    repaint();
}

void TimecodeRuler::setTempoMap (const core::TempoMap& map)
{
    if (map == tempoMap)
        return;
    tempoMap = map;
    repaint();
}

void TimecodeRuler::setUnits (Timebase newUnits)
{
    units = newUnits;
    repaint();
}

int64_t TimecodeRuler::sampleOfUnit (int64_t unit) const
{
    switch (units)
    {
        case Timebase::feetFrames:
            return core::samplesFromFrameCount (startFrameCount + unit, frameRate, sampleRate)
                   - core::samplesFromFrameCount (startFrameCount, frameRate, sampleRate);
        case Timebase::minSec:
            return ceilDiv (unit * sampleRate, int64_t (1000));
        default:
            return unit;
    }
}

int64_t TimecodeRuler::unitAt (int64_t sample) const
{
    switch (units)
    {
        case Timebase::feetFrames:
            return core::frameCountFromSamples (sample + core::samplesFromFrameCount (startFrameCount, frameRate, sampleRate),
                                                frameRate, sampleRate)
                   - startFrameCount;
        case Timebase::minSec:
            return floorDiv (sample * 1000, sampleRate);
        default:
            return sample;
    }
}

std::vector<int64_t> TimecodeRuler::unitSteps() const
{
    switch (units)
    {
        case Timebase::feetFrames: // frames: a foot is 16
            return { 1, 2, 4, 8, 16, 32, 80, 160, 320, 800, 1600, 3200, 8000, 16000, 32000, 80000, 160000, 320000 };
        case Timebase::minSec: // milliseconds
            return { 1,     2,     5,     10,    20,     50,     100,    200,    500,     1000,    2000,   5000,
                     10000, 15000, 30000, 60000, 120000, 300000, 600000, 900000, 1800000, 3600000, 7200000 };
        default:
        {
            std::vector<int64_t> steps;
            for (int64_t decade = 1; decade <= 10000000000; decade *= 10)
                for (int64_t m : { 1, 2, 5 })
                    steps.push_back (m * decade);
            return steps;
        }
    }
}

std::string TimecodeRuler::unitLabel (int64_t unit) const
{
    switch (units)
    {
        case Timebase::feetFrames:
            return core::formatFeetFrames (core::feetFramesFromFrameCount (unit));
        case Timebase::minSec:
        {
            char text[48];
            std::snprintf (text, sizeof text, "%lld:%02d.%03d", (long long) (unit / 60000), int (unit / 1000 % 60),
                           int (unit % 1000));
            return text;
        }
        default:
            return std::to_string (unit);
    }
}

int64_t TimecodeRuler::unitStepFor (double spp, float minimumPixels, int64_t mustDivide) const
{
    const auto steps = unitSteps();
    for (auto step : steps)
    {
        if (mustDivide > 0 && (step >= mustDivide || mustDivide % step != 0))
            continue;
        const double pixels = double (sampleOfUnit (step) - sampleOfUnit (0)) / spp;
        if (pixels >= double (minimumPixels))
            return step;
    }
    return mustDivide > 0 ? mustDivide : steps.back();
}

std::vector<std::pair<int64_t, std::string>> TimecodeRuler::unitPoints (int64_t step, double firstSample, double lastSample,
                                                                        bool withText) const
{
    std::vector<std::pair<int64_t, std::string>> points;
    const auto first = (int64_t) std::floor (firstSample);
    const auto last = (int64_t) std::ceil (lastSample);
    for (auto unit = ceilDiv (std::max<int64_t> (0, unitAt (first)), step) * step; sampleOfUnit (unit) <= last; unit += step)
        if (const auto sample = sampleOfUnit (unit); sample >= first)
            points.emplace_back (sample, withText ? unitLabel (unit) : std::string());
    return points;
}

void TimecodeRuler::setView (double newViewStart, double newSamplesPerPixel)
{
    viewStart = newViewStart;
    samplesPerPixel = newSamplesPerPixel > 0.0 ? newSamplesPerPixel : 1.0;
    repaint();
}

std::vector<TimecodeRuler::Step> TimecodeRuler::candidateSteps() const
{
    const int64_t fps = core::nominalFramesPerSecond (frameRate);
    std::vector<Step> steps;
    // Sub-second steps divide the second, so every whole second gets a label and the
    // spacing stays even (10 frames at 24 fps would leave a 4-frame gap before :00).
    for (int64_t frames : { 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 25, 30 })
        if (frames < fps && fps % frames == 0)
            steps.push_back ({ frames, true });
    for (int64_t seconds : { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200 })
        steps.push_back ({ seconds * fps, false });
    return steps;
}

double TimecodeRuler::pixelsPerStep (Step step, double spp) const
{
    // A label step of n frames lasts n real frames (drop-frame only skips label numbers).
    const auto ratio = core::frameRatio (frameRate);
    const double samplesPerFrame = double (sampleRate) * double (ratio.denominator) / double (ratio.numerator);
    return double (step.labels) * samplesPerFrame / spp;
}

TimecodeRuler::Step TimecodeRuler::majorStepFor (double spp) const
{
    const auto steps = candidateSteps();
    for (auto& step : steps)
        if (pixelsPerStep (step, spp) >= minLabelSpacing)
            return step;
    return steps.back();
}

TimecodeRuler::Step TimecodeRuler::minorStepFor (Step major, double spp) const
{
    const int64_t fps = core::nominalFramesPerSecond (frameRate);
    for (auto& step : candidateSteps())
    {
        if (step.labels >= major.labels)
            break;
        // Minor ticks must land on the labels' grid, or the ruler reads as two rulers.
        const bool divides = major.labels % step.labels == 0
                             && (step.labels < fps ? (major.isSubSecond || fps % step.labels == 0) : step.labels % fps == 0);
        if (divides && pixelsPerStep (step, spp) >= minTickSpacing)
            return step;
    }
    return major;
}

int64_t TimecodeRuler::labelIndexFromFrameCount (int64_t frameCount) const
{
    const int64_t fps = core::nominalFramesPerSecond (frameRate);
    const int64_t perDay = core::framesPerDay (frameRate);
    const int64_t day = floorDiv (frameCount, perDay);
    const auto tc = core::timecodeFromFrameCount (frameCount - day * perDay, frameRate);
    return day * 86400 * fps + (int64_t (tc.hours) * 3600 + tc.minutes * 60 + tc.seconds) * fps + tc.frames;
}

int64_t TimecodeRuler::frameCountFromLabelIndex (int64_t labelIndex) const
{
    const int64_t fps = core::nominalFramesPerSecond (frameRate);
    const int64_t labelsPerDay = 86400 * fps;
    const int64_t day = floorDiv (labelIndex, labelsPerDay);
    const int64_t rest = labelIndex - day * labelsPerDay;

    core::Timecode tc;
    tc.hours = int (rest / (3600 * fps));
    tc.minutes = int ((rest / (60 * fps)) % 60);
    tc.seconds = int ((rest / fps) % 60);
    tc.frames = int (rest % fps);

    // Drop-frame has no ;00 and ;01 at most minute starts: the grid point moves to ;02.
    const int drop = core::droppedFramesPerMinute (frameRate);
    if (drop > 0 && tc.seconds == 0 && tc.minutes % 10 != 0 && tc.frames < drop)
        tc.frames = drop;

    return day * core::framesPerDay (frameRate) + core::frameCountFromTimecode (tc, frameRate);
}

std::vector<std::pair<int64_t, std::string>> TimecodeRuler::gridPoints (Step step, double firstSample, double lastSample,
                                                                        bool withText) const
{
    const int64_t fps = core::nominalFramesPerSecond (frameRate);
    const auto first = (int64_t) std::floor (firstSample);
    const auto last = (int64_t) std::ceil (lastSample);
    const int64_t firstLabel =
        labelIndexFromFrameCount (startFrameCount + core::frameCountFromSamples (first, frameRate, sampleRate));
    const int64_t lastLabel =
        labelIndexFromFrameCount (startFrameCount + core::frameCountFromSamples (last, frameRate, sampleRate) + 1);

    std::vector<std::pair<int64_t, std::string>> points;
    int64_t previousFrame = std::numeric_limits<int64_t>::min();

    const auto emit = [&] (int64_t labelIndex) {
        const int64_t frame = frameCountFromLabelIndex (labelIndex);
        if (frame == previousFrame)
            return;
        previousFrame = frame;
        const int64_t sample = core::samplesFromFrameCount (frame - startFrameCount, frameRate, sampleRate);
        if (sample < first || sample > last)
            return;
        points.emplace_back (sample, withText ? core::formatTimecode (core::timecodeFromFrameCount (frame, frameRate), frameRate)
                                              : std::string());
    };

    if (step.isSubSecond)
    {
        // Sub-second steps restart at frame 0 of every second: 5-frame labels at 24 fps are
        // :00 :05 :10 :15 :20, then :00 again.
        for (int64_t second = floorDiv (firstLabel, fps); second <= floorDiv (lastLabel, fps); ++second)
            for (int64_t frame = 0; frame < fps; frame += step.labels)
                if (const auto index = second * fps + frame; index >= firstLabel && index <= lastLabel)
                    emit (index);
    }
    else
    {
        for (auto index = ceilDiv (firstLabel, step.labels) * step.labels; index <= lastLabel; index += step.labels)
            emit (index);
    }
    return points;
}

std::vector<TimecodeRuler::Label> TimecodeRuler::labelsFor (core::SampleRange range, int width) const
{
    if (width <= 0 || range.isEmpty())
        return {};

    const double spp = double (range.length().samples) / double (width);
    const auto start = double (range.start.samples);
    std::vector<Label> labels;
    if (units == Timebase::barsBeats)
    {
        for (auto& mark :
             barsBeatsMarks (tempoMap, sampleRate, start, start + width * spp, spp, minLabelSpacing, minTickSpacing).labels)
            labels.push_back ({ float ((double (mark.sample) - start) / spp), mark.text });
        return labels;
    }
    const auto points = units == Timebase::timecode
                            ? gridPoints (majorStepFor (spp), start, start + width * spp, true)
                            : unitPoints (unitStepFor (spp, minLabelSpacing, 0), start, start + width * spp, true);
    for (auto& [sample, text] : points)
    {
        // A drop-frame minute start moves its label two frames later, which can bring it
        // within a label's width of the previous one: leave that label out rather than overlap.
        const auto x = float ((double (sample) - start) / spp);
        if (labels.empty() || x - labels.back().x >= 0.75f * minLabelSpacing)
            labels.push_back ({ x, std::move (text) });
    }
    return labels;
}

std::vector<float> TimecodeRuler::ticksFor (core::SampleRange range, int width) const
{
    if (width <= 0 || range.isEmpty())
        return {};

    const double spp = double (range.length().samples) / double (width);
    if (units == Timebase::barsBeats)
    {
        const auto start = double (range.start.samples);
        std::vector<float> ticks;
        for (auto sample :
             barsBeatsMarks (tempoMap, sampleRate, start, start + width * spp, spp, minLabelSpacing, minTickSpacing).ticks)
            ticks.push_back (float ((double (sample) - start) / spp));
        return ticks;
    }
    if (units != Timebase::timecode)
    {
        const auto major = unitStepFor (spp, minLabelSpacing, 0);
        const auto minor = unitStepFor (spp, minTickSpacing, major);
        std::vector<float> ticks;
        if (minor == major)
            return ticks;
        const auto start = double (range.start.samples);
        for (auto& point : unitPoints (minor, start, start + width * spp, false))
            if ((unitAt (point.first) % major) != 0)
                ticks.push_back (float ((double (point.first) - start) / spp));
        return ticks;
    }
    const auto major = majorStepFor (spp);
    const auto minor = minorStepFor (major, spp);
    if (minor.labels == major.labels)
        return {};

    const auto start = double (range.start.samples);
    const auto end = start + width * spp;
    const auto majors = gridPoints (major, start, end, false);
    std::vector<float> ticks;
    size_t nextMajor = 0;
    for (auto& point : gridPoints (minor, start, end, false))
    {
        while (nextMajor < majors.size() && majors[nextMajor].first < point.first)
            ++nextMajor;
        if (nextMajor < majors.size() && majors[nextMajor].first == point.first)
            continue;
        ticks.push_back (float ((double (point.first) - start) / spp));
    }
    return ticks;
}

std::string TimecodeRuler::positionLabel (int64_t sample) const
{
    if (units != Timebase::timecode)
        return unitLabel (unitAt (sample));
    const int64_t frames = core::frameCountFromSamples (sample, frameRate, sampleRate);
    const int64_t frameStart = core::samplesFromFrameCount (frames, frameRate, sampleRate);
    const int64_t frameLength = core::samplesFromFrameCount (frames + 1, frameRate, sampleRate) - frameStart;
    const int64_t subframes = std::clamp<int64_t> ((sample - frameStart) * 100 / std::max<int64_t> (1, frameLength), 0, 99);
    const int64_t perDay = core::framesPerDay (frameRate);
    const int64_t count = startFrameCount + frames;
    char hundredths[4];
    std::snprintf (hundredths, sizeof hundredths, ".%02d", int (subframes));
    return core::formatTimecode (core::timecodeFromFrameCount (count - floorDiv (count, perDay) * perDay, frameRate), frameRate)
           + hundredths;
}

void TimecodeRuler::paint (juce::Graphics& g)
{
    const auto bounds = getLocalBounds().toFloat();
    g.fillAll (theme::rulerBackground);

    const int width = getWidth();
    const auto range = core::SampleRange { { (int64_t) std::floor (viewStart) },
                                           { (int64_t) std::floor (viewStart + width * samplesPerPixel) } };
    const float bottom = bounds.getBottom();

    g.setColour (theme::tick.withAlpha (0.7f));
    for (auto x : ticksFor (range, width))
        g.drawVerticalLine (juce::roundToInt (x), bottom - 6.0f, bottom);

    const auto font = theme::monoFont (13.0f);
    g.setFont (font);
    const auto labels = labelsFor (range, width);
    if (labels.empty() && width > 0)
    {
        // Zoomed in past the labels: say where the left edge is, to the subframe.
        g.setColour (theme::textSecondary);
        g.drawText (juce::String (positionLabel (range.start.samples)), 5, 3, 200, 18, juce::Justification::centredLeft, false);
    }
    for (auto& label : labels)
    {
        const int x = juce::roundToInt (label.x);
        // A label cut by the right edge reads as a wrong time; leave it to the next scroll.
        if (x + 5 + font.getStringWidth (juce::String (label.text)) > width)
            continue;
        g.setColour (theme::tick);
        g.drawVerticalLine (x, bounds.getY() + 4.0f, bottom);
        g.setColour (theme::textPrimary);
        g.drawText (juce::String (label.text), x + 5, 3, 120, 18, juce::Justification::centredLeft, false);
    }

    g.setColour (theme::laneSeparator);
    g.drawHorizontalLine (getHeight() - 1, 0.0f, bounds.getRight());
}
} // namespace sprocket::app
