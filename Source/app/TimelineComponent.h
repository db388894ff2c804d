#pragma once

#include "TimecodeRuler.h"
#include "TimelineScale.h"
#include "session/Session.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <set>
#include <string>

namespace sprocket::app
{
/** The edit window's timeline: a fixed header column (track name, channel format, output
    bus), the timecode ruler and marker strip on top, and one lane per track with its clips.
    It fits the whole session into its width until the user zooms (ctrl/cmd + wheel);
    the wheel alone and the scroll bar move it horizontally.
    It draws a copy of the session: the model is a plain value and edits will arrive through
    the command layer, not by the view reaching into a shared document. [[message thread]] */
class TimelineComponent final : public juce::Component,
                                private juce::ScrollBar::Listener
{
public:
    TimelineComponent();
    ~TimelineComponent() override;

    /** Shows `session`; clips whose media id is in `offlineMediaIds` are drawn offline. */
    void setSession (const session::Session& session, std::set<std::string> offlineMediaIds = {});
    const session::Session& getSession() const noexcept { return session; }

    /** Fits the session into the lanes' width and keeps it fitted on resize. */
    void zoomToFit();

    /** Sets the zoom explicitly (leaves fit mode). */
    void setView (double samplesPerPixel, double viewStart);

    /** Zooms by `factor` (> 1 zooms out) keeping the sample under lane-relative `x` in place. */
    void zoomAround (float x, double factor);

    const TimelineScale& getScale() const noexcept { return scale; }
    bool isFittedToWidth() const noexcept { return fitToWidth; }

    juce::Rectangle<int> getLaneArea() const;
    juce::Rectangle<int> getTrackHeaderBounds (size_t trackIndex) const;

    /** Tracks share the lanes' height, between min- and maxTrackHeight each. */
    int getTrackHeight() const;
    juce::Rectangle<float> getClipBounds (size_t trackIndex, size_t clipIndex) const;
    const TimecodeRuler& getRuler() const noexcept { return ruler; }

    /** Moves the playhead to timeline sample `position`, repainting only the strips it left
        and entered. With `follow` (while playing) a zoomed-in view turns the page when the
        playhead runs off either edge, putting it near the left, as Pro Tools' page scrolling
        does; a fitted view never needs to. */
    void setPlayhead (int64_t position, bool follow = false);
    int64_t getPlayhead() const noexcept { return playhead; }

    /** The area the playhead at `position` paints: its line and the head on the ruler. */
    juce::Rectangle<int> getPlayheadArea (int64_t position) const;

    /** "Mono", "Stereo", "5.1", "7.1", or "N ch". */
    static juce::String channelFormatName (int channels);

    static constexpr int headerWidth = 210;
    static constexpr int rulerHeight = 28;
    static constexpr int markerStripHeight = 20;
    static constexpr int minTrackHeight = 56;
    static constexpr int maxTrackHeight = 110;
    static constexpr int scrollBarHeight = 14;

    void paint (juce::Graphics&) override;
    void paintOverChildren (juce::Graphics&) override;
    void resized() override;
    void mouseWheelMove (const juce::MouseEvent&, const juce::MouseWheelDetails&) override;

private:
    void scrollBarMoved (juce::ScrollBar*, double newRangeStart) override;

    int64_t sessionLength() const;
    double contentLength() const;
    void clampAndApplyView();

    void paintCorner (juce::Graphics&) const;
    void paintTrackHeader (juce::Graphics&, const session::Track&, size_t index) const;
    void paintLaneBackground (juce::Graphics&, size_t index) const;
    void paintClip (juce::Graphics&, const session::Track&, const session::Clip&, juce::Rectangle<float>) const;
    void paintFades (juce::Graphics&, const session::Clip&, juce::Rectangle<float> body) const;
    void paintMarkers (juce::Graphics&) const;

    /** The playhead's x, kept inside the lanes so it stays visible at the session start. */
    float playheadX (int64_t position) const;

    session::Session session;
    std::set<std::string> offlineMedia;
    int64_t playhead = 0;
    TimelineScale scale;
    bool fitToWidth = true;

    TimecodeRuler ruler;
    juce::ScrollBar scrollBar { false };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (TimelineComponent)
};
} // namespace sprocket::app
