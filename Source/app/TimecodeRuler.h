#pragma once

#include "Timebase.h"
#include "core/FrameRate.h"
#include "core/SampleTime.h"
#include "core/TempoMap.h"
#include "core/Timecode.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <string>
#include <vector>

namespace sprocket::app
{
/** The timecode ruler above the lanes: labels at a "round" timecode interval chosen from
    the zoom (frames, seconds, minutes), minor ticks down to single frames when zoomed in.
    Labels sit on whole timecode values (01:00:10:00, not start + 10 s), which is what an
    editor reads against a picture burn-in; with the usual 01:00:00:00 start the first
    label is the start timecode. [[message thread]] */
class TimecodeRuler final : public juce::Component
{
public:
    struct Label
    {
        float x = 0.0f; // pixels from the left of the range
        std::string text;
    };

    TimecodeRuler();

    void setTimebase (int64_t sampleRate, core::FrameRate rate, core::Timecode start);
    /** The session's tempo map, for the bars|beats units. */
    void setTempoMap (const core::TempoMap& map);

    /** The units of the labels: timecode (the default), feet+frames, samples or min:sec, all
        counted from the session start, or bars|beats on the tempo map (the main timebase,
        switched with the counter). */
    void setUnits (Timebase units);
    Timebase getUnits() const noexcept { return units; }

    /** What the ruler shows: `samplesPerPixel` from timeline sample `viewStart` at x = 0. */
    void setView (double viewStart, double samplesPerPixel);

    /** The labels for `range` drawn across `width` pixels. */
    std::vector<Label> labelsFor (core::SampleRange range, int width) const;

    /** Where timeline sample `sample` is, in the units, down to a sample's precision: timecode
        with hundredths of a frame (Pro Tools' subframes, "01:00:01:12.47"), the other units
        as their labels. Drawn at the left when the view is zoomed in so far that no label
        falls inside it (a frame can be thousands of pixels wide at sample level). */
    std::string positionLabel (int64_t sample) const;

    /** The x of the minor ticks for the same view (labels excluded). */
    std::vector<float> ticksFor (core::SampleRange range, int width) const;

    /** Labels closer than this would collide: "00:00:00:00" at 12 px is ~80 px wide. */
    static constexpr float minLabelSpacing = 120.0f;
    static constexpr float minTickSpacing = 10.0f;

    void paint (juce::Graphics&) override;

private:
    struct Step
    {
        int64_t labels = 1; // in timecode labels (frames as counted by the label)
        bool isSubSecond = false;
    };

    std::vector<Step> candidateSteps() const;
    Step majorStepFor (double samplesPerPixel) const;
    Step minorStepFor (Step major, double samplesPerPixel) const;
    double pixelsPerStep (Step step, double samplesPerPixel) const;

    /** The timeline sample of every label on the `step` grid inside [first, last]. */
    std::vector<std::pair<int64_t, std::string>> gridPoints (Step step, double firstSample, double lastSample,
                                                             bool withText) const;

    // Feet+frames, samples and min:sec: a plain count of units (frames, samples, milliseconds)
    // from the session start, with labels at "round" multiples.
    int64_t sampleOfUnit (int64_t unit) const;
    int64_t unitAt (int64_t sample) const;
    std::vector<int64_t> unitSteps() const;
    std::string unitLabel (int64_t unit) const;
    std::vector<std::pair<int64_t, std::string>> unitPoints (int64_t step, double first, double last, bool withText) const;
    int64_t unitStepFor (double samplesPerPixel, float minimumPixels, int64_t mustDivide) const;

    int64_t labelIndexFromFrameCount (int64_t frameCount) const;
    int64_t frameCountFromLabelIndex (int64_t labelIndex) const;

    int64_t sampleRate = 48000;
    core::FrameRate frameRate = core::FrameRate::fps24;
    int64_t startFrameCount = 0;
    double viewStart = 0.0;
    double samplesPerPixel = 1000.0;
    Timebase units = Timebase::timecode;
    core::TempoMap tempoMap;
};
} // namespace sprocket::app
