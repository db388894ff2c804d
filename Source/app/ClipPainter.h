#pragma once

#include "TimelineScale.h"
#include "io/PeakData.h"
#include "session/Session.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace sprocket::app
{
struct SampleWindow;

/** Draws one clip on the timeline: body in its bus colour, name bar, waveform (from peaks, one
    lane per channel, scaled by the clip gain; zoomed in past the finest peak level, from the
    media's samples: ClipPainterSamples.cpp), fade curves with their handles, the clip-gain
    line, and the selected/muted/offline looks. Also the geometry the mouse shares with the
    drawing (where the gain line and fade handles are). [[message thread]] */
struct ClipPainter
{
    struct Look
    {
        bool offline = false;
        bool selected = false;
        bool showGainLine = true;
        const io::PeakData* peaks = nullptr; // null: no waveform yet
        /** The media's samples around what is shown (null: not read yet, the peaks are drawn);
            used only when `drawsSamples`. */
        const SampleWindow* samples = nullptr;
        int64_t sessionRate = 48000;
        float visibleLeft = 0.0f; // the lanes' left edge: names stay in view
        juce::Colour colour {};   // the track's colour (theme::colourForTrack); transparent: its bus's
    };

    static void paint (juce::Graphics&, const session::Track&, const session::Clip&, juce::Rectangle<float> bounds,
                       const TimelineScale&, const Look&);

    static constexpr float nameBarHeight = 17.0f;
    /** Fade handles are squares this wide at the top of the clip, at the end of each fade. */
    static constexpr float handleSize = 8.0f;

    /** The clip body under the name bar (where waveform, fades and gain line live). */
    static juce::Rectangle<float> bodyOf (juce::Rectangle<float> bounds);

    /** Clip gain from -48 dB (bottom of the body) to +12 dB (top): 0 dB sits 80 % up, so the
        line is visible and there is room to raise it. */
    static constexpr double minGainDb = -48.0;
    static constexpr double maxGainDb = 12.0;
    static float gainLineY (double gainDb, juce::Rectangle<float> body);
    static double gainForY (float y, juce::Rectangle<float> body);

    /** The x where each fade ends (its handle), in the same coordinates as `bounds`. */
    static float fadeInHandleX (const session::Clip&, juce::Rectangle<float> bounds, const TimelineScale&);
    static float fadeOutHandleX (const session::Clip&, juce::Rectangle<float> bounds, const TimelineScale&);

    /** Media frames per session sample (peaks and samples count the media's own frames; media at
        another rate are resampled by the engine, and drawn by mapping positions by this ratio). */
    static double rateRatio (const io::PeakData& peaks, int64_t sessionRate);
    /** Zoomed in past the finest peak level (PeakData::samplesPerPeak (0) media frames a
        column): the waveform is drawn from samples. */
    static bool drawsSamples (const TimelineScale&, double ratio);
    /** The media frames a clip shows between x0 and x1, a frame more each side (from frame 0):
        what the timeline asks the SampleWindowCache for, and what the painter draws. */
    static core::SampleRange mediaFramesShown (const session::Clip&, float x0, float x1, const TimelineScale&, double ratio);
    /** From this many pixels a sample, each sample gets a dot. */
    static constexpr double minPixelsPerSampleForDots = 6.0;

private:
    static void paintSamples (juce::Graphics&, const session::Clip&, juce::Rectangle<float> body, const TimelineScale&,
                              const Look&, juce::Colour colour, int x0, int x1);
    static void paintWaveform (juce::Graphics&, const session::Clip&, juce::Rectangle<float> body,
                               const TimelineScale&, const Look&, juce::Colour colour);
    static void paintFades (juce::Graphics&, const session::Clip&, juce::Rectangle<float> body, const TimelineScale&);
    static void paintName (juce::Graphics&, const session::Clip&, juce::Rectangle<float> bounds, const Look&);
};
} // namespace sprocket::app
