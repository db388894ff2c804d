#pragma once

#include "ClipPainter.h"
#include "EditSelection.h"
#include "TimecodeRuler.h"
#include "TimelineScale.h"
#include "session/Session.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace sprocket::app
{
class WaveformCache;

/** The edit window's timeline: a fixed header column (track name, channel format, output bus,
    record/solo/mute, playlist, a level meter), the ruler and marker strip on top, and one lane
    per track with its clips (waveforms once their peaks are built). It fits the whole session
    into its width until the user zooms (ctrl/cmd + wheel, or the zoom commands); the wheel
    alone and the scroll bars move it, shift + wheel scrolls the tracks.
    It draws a copy of the session: the model is a plain value and edits arrive through the
    Document; while a drag is in progress it draws the drag's preview instead. Mouse events go
    to the `mouseHandler` (TimelineGestures) when one is set. [[message thread]] */
class TimelineComponent final : public juce::Component,
                                private juce::ScrollBar::Listener
{
public:
    TimelineComponent();
    ~TimelineComponent() override;

    /** Shows a newly opened `session` fitted to the width; clips whose media id is in
        `offlineMediaIds` are drawn offline. */
    void setSession (const session::Session& session, std::set<std::string> offlineMediaIds = {});
    /** Shows an edited version of the same session, keeping the view. */
    void updateSession (const session::Session& session, std::set<std::string> offlineMediaIds);
    const session::Session& getSession() const noexcept { return session; }

    /** A drag's result drawn instead of the session until cleared (nullopt). */
    void setPreview (std::optional<session::Session> preview);
    const session::Session& shownSession() const noexcept { return preview ? *preview : session; }

    void setSelection (const EditSelection& selection);
    const EditSelection& getSelection() const noexcept { return selection; }

    /** Where waveforms come from (may be null: clips are drawn plain). Not owned. Zoomed in
        past the finest peak level, each paint asks it for the shown clips' samples (read on its
        thread; the peaks are drawn until they arrive). */
    void setWaveforms (WaveformCache* cache);

    /** Per-track meter levels (linear peak, 0..1+), in track order; empty: no meters. */
    void setMeterLevels (std::vector<float> levels);

    /** Fits the session into the lanes' width and keeps it fitted on resize. */
    void zoomToFit();
    /** Fits [start, end) into the lanes' width. */
    void zoomToRange (core::SampleRange range);

    /** Sets the zoom explicitly (leaves fit mode). */
    void setView (double samplesPerPixel, double viewStart);

    /** Zooms by `factor` (> 1 zooms out) keeping the sample under lane-relative `x` in place. */
    void zoomAround (float x, double factor);
    /** Zooms keeping the playhead in place when it is in view, else the view's centre. */
    void zoomStep (bool zoomIn);

    /** Track height: fitted to the lanes (between min- and maxTrackHeight) until set. */
    void setTrackHeight (int height);
    void zoomTracks (bool taller);
    void fitTracks();
    /** The first track row's offset: vertical scroll in pixels. */
    void setVerticalOffset (int pixels);
    int getVerticalOffset() const noexcept { return verticalOffset; }

    const TimelineScale& getScale() const noexcept { return scale; }
    bool isFittedToWidth() const noexcept { return fitToWidth; }

    juce::Rectangle<int> getLaneArea() const;
    juce::Rectangle<int> getTrackHeaderBounds (size_t trackIndex) const;

    /** The shared height: tracks without a stored `height` share what the others leave of
        the lanes, between min- and maxTrackHeight each, until zoomed. */
    int getTrackHeight() const;
    /** A track's row: its stored `height`, else the shared one. */
    int getRowHeight (size_t trackIndex) const;
    juce::Rectangle<float> getClipBounds (size_t trackIndex, size_t clipIndex) const;
    const TimecodeRuler& getRuler() const noexcept { return ruler; }
    /** The ruler's units follow the main timebase. */
    void setRulerUnits (Timebase units) { ruler.setUnits (units); }

    /** What lies under a point: the mouse's view of the timeline. */
    struct Hit
    {
        enum class Part
        {
            nothing,
            ruler,
            lane,
            clipBody,
            clipTrimStart,
            clipTrimEnd,
            clipFadeIn,
            clipFadeOut,
            clipGainLine,
            header,
            headerRecord,
            headerSolo,
            headerMute,
            headerPlaylist,
            headerAutomationView,
            headerAutomationMode,
            automationLane, // a lane showing automation, off its breakpoints
            automationPoint,
            alternateHeader, // the playlists view: an alternate lane's name in the header column
            alternateAudition,
            alternateCopy,
            alternateLane
        };
        Part part = Part::nothing;
        int track = -1; // index into the session's tracks
        int clip = -1;  // index into that track's clips
        int point = -1; // index into the shown automation lane (automationPoint)
        int lane = -1;  // index into the track's alternatePlaylists (alternate* parts)
        double sample = 0.0;
    };
    Hit hitTest (juce::Point<float> point) const;
    /** The track row at y (-1 above the first, tracks.size() below the last). */
    int trackAtY (float y) const;

    /** The record, solo, mute and playlist controls of a header row, and (on rows tall enough,
        else empty) the automation view and mode selectors. */
    struct HeaderControls
    {
        juce::Rectangle<int> record, solo, mute, playlist, meter, automationView, automationMode;
    };
    HeaderControls headerControls (size_t trackIndex) const;

    /** What a track shows over its clips: "" the waveform, else an automation lane's key
        ("gain_db", "pan", "mute", "send.<id>.gain_db", "inserts[<n>].<param-id>"), as Pro Tools'
        track view. A view state, not saved. */
    void setAutomationView (const std::string& trackId, const std::string& key);
    std::string automationViewOf (const std::string& trackId) const;
    /** Where track `trackIndex`'s automation line is drawn (inside its lane). */
    juce::Rectangle<float> getAutomationArea (size_t trackIndex) const;
    /** Lanes being written by a playback pass (track id, key): drawn red. */
    void setWritingLanes (std::set<std::pair<std::string, std::string>> lanes);

    // Playlists view (TimelineAlternates.cpp) ------------------------------------------------
    /** Pro Tools' playlists view: a track showing its alternates grows one lane per alternate
        playlist under its row (AlternateLanePainter). A view state, not saved. */
    void setShowingAlternates (const std::string& trackId, bool show);
    bool isShowingAlternates (const std::string& trackId) const;
    /** The alternate auditioned on a track ("" none): it plays in place of the main playlist
        while set (MainComponent::playedSession). A view and playback state, not an edit. */
    void setAuditioning (const std::string& trackId, const std::string& playlist);
    std::string auditioningOf (const std::string& trackId) const;
    const std::map<std::string, std::string>& getAuditions() const noexcept { return auditions; }
    /** A range selected on one alternate lane: what its ▲ copies to the main playlist. */
    struct AlternateSelection
    {
        std::string trackId, playlist;
        core::SampleRange range;
        bool operator== (const AlternateSelection&) const = default;
    };
    void setAlternateSelection (std::optional<AlternateSelection> selected);
    const std::optional<AlternateSelection>& getAlternateSelection() const noexcept { return alternateSelection; }
    /** Alternate lane `lane` of a track: the whole width, header column included. */
    juce::Rectangle<int> getAlternateLaneBounds (size_t trackIndex, size_t lane) const;
    juce::Rectangle<float> getAlternateClipBounds (size_t trackIndex, size_t lane, size_t clipIndex) const;

    /** How the view follows a playing playhead, as Pro Tools' Edit Window Scrolling options. */
    enum class Scrolling
    {
        none,      // the view stays where the user put it
        page,      // when the playhead runs off either edge, it turns the page (the default)
        continuous // the view moves under a playhead held at the middle of the lanes
    };
    void setScrolling (Scrolling mode) noexcept { scrolling = mode; }
    Scrolling getScrolling() const noexcept { return scrolling; }

    /** Moves the playhead to timeline sample `position`, repainting only the strips it left
        and entered. With `follow` (while playing) a zoomed-in view follows it as getScrolling()
        says: page scrolling puts it near the left edge when it runs off either edge; continuous
        scrolling keeps it in the middle (nearer the left at the session start, nearer the right
        at its end, where the view stops). A fitted view shows the whole session and never
        scrolls. */
    void setPlayhead (int64_t position, bool follow = false);
    int64_t getPlayhead() const noexcept { return playhead; }

    /** The area the playhead at `position` paints: its line and the head on the ruler. */
    juce::Rectangle<int> getPlayheadArea (int64_t position) const;

    /** "Mono", "Stereo", "5.1", "7.1", or "N ch". */
    static juce::String channelFormatName (int channels);

    /** Receives the mouse (TimelineGestures). Not owned. */
    void setMouseHandler (juce::MouseListener* handler) noexcept { mouseHandler = handler; }

    /** The closest zoom: 16 pixels a sample, where each sample is a dot on the line
        (ClipPainter's sample level), close enough to cut on a zero crossing. */
    static constexpr double minSamplesPerPixel = 1.0 / 16.0;
    static constexpr int headerWidth = 210;
    static constexpr int rulerHeight = 28;
    static constexpr int markerStripHeight = 20;
    static constexpr int minTrackHeight = 56;
    static constexpr int maxTrackHeight = 110;
    static constexpr int smallestTrackHeight = 24;
    static constexpr int largestTrackHeight = 400;
    static constexpr int scrollBarHeight = 14;
    /** Rows at least this tall show the automation view and mode selectors in their header. */
    static constexpr int automationSelectorsMinHeight = 76;

    void paint (juce::Graphics&) override;
    void paintOverChildren (juce::Graphics&) override;
    void resized() override;
    void mouseWheelMove (const juce::MouseEvent&, const juce::MouseWheelDetails&) override;
    void mouseDown (const juce::MouseEvent&) override;
    void mouseDrag (const juce::MouseEvent&) override;
    void mouseUp (const juce::MouseEvent&) override;
    void mouseDoubleClick (const juce::MouseEvent&) override;
    void mouseMove (const juce::MouseEvent&) override;

private:
    void scrollBarMoved (juce::ScrollBar*, double newRangeStart) override;

    int64_t sessionLength() const;
    double contentLength() const;
    void clampAndApplyView();
    void updateVerticalScroll();
    bool needsVerticalScroll() const;
    /** The top of a track's row from the first row's, in pixels (rows differ in height). */
    int rowTop (size_t trackIndex) const;
    int totalTracksHeight() const;
    /** The height of a track's alternate lanes (0 unless it shows them). */
    int alternatesHeight (size_t trackIndex) const;
    /** hitTest below a track's row: its alternate lanes. */
    Hit hitAlternates (juce::Point<float> point, int track, Hit hit) const;
    void paintAlternateHeaders (juce::Graphics&, size_t trackIndex) const;
    void paintAlternateClips (juce::Graphics&, size_t trackIndex, const ClipPainter::Look&) const;
    /** Forgets shown lanes, auditions and the alternate selection whose track or playlist is gone. */
    void dropMissingAlternates();

    /** The samples to draw `clip` (at `bounds`) from at this zoom, or null: peaks. */
    const SampleWindow* samplesFor (const session::Clip& clip, juce::Rectangle<float> bounds, const io::PeakData* peaks) const;

    void paintCorner (juce::Graphics&) const;
    void paintTrackHeader (juce::Graphics&, const session::Track&, size_t index) const;
    void paintLaneBackground (juce::Graphics&, size_t index) const;
    void paintSelection (juce::Graphics&) const;
    void paintMarkers (juce::Graphics&) const;
    void paintAutomation (juce::Graphics&, const session::Track&, size_t index) const;
    void paintAutomationSelectors (juce::Graphics&, const session::Track&, const HeaderControls&) const;
    std::pair<size_t, size_t> visibleTrackRange() const;

    /** The playhead's x, kept inside the lanes so it stays visible at the session start. */
    float playheadX (int64_t position) const;

    session::Session session;
    std::optional<session::Session> preview;
    std::set<std::string> offlineMedia;
    EditSelection selection;
    WaveformCache* waveforms = nullptr;
    std::map<std::string, std::string> automationViews; // track id -> shown lane key
    std::set<std::pair<std::string, std::string>> writingLanes;
    std::set<std::string> alternatesShown;
    std::map<std::string, std::string> auditions; // track id -> auditioned playlist
    std::optional<AlternateSelection> alternateSelection;
    std::vector<float> meterLevels;
    juce::MouseListener* mouseHandler = nullptr;
    int64_t playhead = 0;
    TimelineScale scale;
    bool fitToWidth = true;
    Scrolling scrolling = Scrolling::page;
    int trackHeightOverride = 0; // 0: fitted
    int verticalOffset = 0;

    TimecodeRuler ruler;
    juce::ScrollBar scrollBar { false };
    juce::ScrollBar verticalScrollBar { true };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (TimelineComponent)
};
} // namespace sprocket::app
