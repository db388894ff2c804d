#include "TimelineComponent.h"

#include "AutomationLanePainter.h"
#include "Theme.h"
#include "WaveformCache.h"
#include "session/AutomationEdits.h"
#include "session/AutomationParameters.h"
#include "session/Playlists.h"

#include <algorithm>
#include <cmath>

namespace sprocket::app
{
namespace
{
    // An empty session still gets a readable ruler: one minute at 48 kHz.
    constexpr int64_t emptySessionLength = 48000 * 60;

    // Fit leaves 2 % after the last clip so its end and fade stay visible.
    constexpr double fitPadding = 1.02;

    // Trim zones: this many pixels inside each clip edge (never more than a third of the clip).
    constexpr float trimZone = 6.0f;
    // The gain line catches the mouse this far above and below it.
    constexpr float gainLineZone = 3.0f;
} // namespace

TimelineComponent::TimelineComponent()
{
    setOpaque (true);
    setWantsKeyboardFocus (true);
    addAndMakeVisible (ruler);
    // Clicks on the ruler locate the playhead: the timeline handles them.
    ruler.setInterceptsMouseClicks (false, false);
    for (auto* bar : { &scrollBar, &verticalScrollBar })
    {
        addAndMakeVisible (*bar);
        bar->setAutoHide (false);
        bar->addListener (this);
        bar->setColour (juce::ScrollBar::thumbColourId, juce::Colour (0xff5a5a62));
        bar->setColour (juce::ScrollBar::trackColourId, theme::windowBackground);
    }
    ruler.setTimebase (session.sampleRate, session.frameRate, session.startTimecode);
    ruler.setTempoMap (session.tempoMap);
}

TimelineComponent::~TimelineComponent()
{
    scrollBar.removeListener (this);
    verticalScrollBar.removeListener (this);
}

void TimelineComponent::setSession (const session::Session& newSession, std::set<std::string> offlineMediaIds)
{
    session = newSession;
    preview.reset();
    selection = {};
    offlineMedia = std::move (offlineMediaIds);
    ruler.setTimebase (session.sampleRate, session.frameRate, session.startTimecode);
    ruler.setTempoMap (session.tempoMap);
    verticalOffset = 0;
    trackHeightOverride = 0;
    alternatesShown.clear();
    auditions.clear();
    alternateSelection.reset();
    updateVerticalScroll();
    zoomToFit();
}

void TimelineComponent::updateSession (const session::Session& newSession, std::set<std::string> offlineMediaIds)
{
    session = newSession;
    preview.reset();
    offlineMedia = std::move (offlineMediaIds);
    ruler.setTimebase (session.sampleRate, session.frameRate, session.startTimecode);
    ruler.setTempoMap (session.tempoMap);
    dropMissingAlternates();
    updateVerticalScroll();
    clampAndApplyView(); // the scroll range follows the content; the zoom stays
}

void TimelineComponent::setPreview (std::optional<session::Session> newPreview)
{
    preview = std::move (newPreview);
    repaint();
}

void TimelineComponent::setSelection (const EditSelection& newSelection)
{
    if (newSelection == selection)
        return;
    selection = newSelection;
    repaint();
}

void TimelineComponent::setWaveforms (const WaveformCache* cache)
{
    waveforms = cache;
    repaint();
}

void TimelineComponent::setMeterLevels (std::vector<float> levels)
{
    if (levels == meterLevels)
        return;
    meterLevels = std::move (levels);
    // Only the meter strips: a full repaint 30 times a second would cost a 100-track session.
    const auto [first, last] = visibleTrackRange();
    for (size_t t = first; t < last; ++t)
        repaint (headerControls (t).meter);
}

juce::String TimelineComponent::channelFormatName (int channels)
{
    switch (channels)
    {
        case 1: return "Mono";
        case 2: return "Stereo";
        case 6: return "5.1";
        case 8: return "7.1";
        default: return juce::String (channels) + " ch";
    }
}

bool TimelineComponent::needsVerticalScroll() const
{
    const int available = getHeight() - rulerHeight - markerStripHeight - scrollBarHeight;
    return totalTracksHeight() > available;
}

int TimelineComponent::getRowHeight (size_t trackIndex) const
{
    if (trackIndex < session.tracks.size() && session.tracks[trackIndex].height > 0)
        return session.tracks[trackIndex].height;
    return getTrackHeight();
}

int TimelineComponent::rowTop (size_t trackIndex) const
{
    // Linear in the track count: a film session's hundred tracks cost nothing next to painting.
    int top = 0;
    const int shared = getTrackHeight();
    for (size_t t = 0; t < trackIndex && t < session.tracks.size(); ++t)
        top += (session.tracks[t].height > 0 ? session.tracks[t].height : shared) + alternatesHeight (t);
    if (trackIndex > session.tracks.size())
        top += int (trackIndex - session.tracks.size()) * shared;
    return top;
}

int TimelineComponent::totalTracksHeight() const
{
    return rowTop (session.tracks.size());
}

juce::Rectangle<int> TimelineComponent::getLaneArea() const
{
    const int right = needsVerticalScroll() ? scrollBarHeight : 0;
    return { headerWidth, rulerHeight + markerStripHeight, juce::jmax (0, getWidth() - headerWidth - right),
             juce::jmax (0, getHeight() - rulerHeight - markerStripHeight - scrollBarHeight) };
}

int TimelineComponent::getTrackHeight() const
{
    if (trackHeightOverride > 0)
        return trackHeightOverride;
    // Tracks with a stored height keep it; the others share what is left.
    int own = 0, shared = 0;
    for (auto& track : session.tracks)
    {
        if (track.height > 0)
            own += track.height;
        else
            ++shared;
    }
    const int available = getHeight() - rulerHeight - markerStripHeight - scrollBarHeight - own;
    return juce::jlimit (minTrackHeight, maxTrackHeight, available / juce::jmax (1, shared));
}

void TimelineComponent::setTrackHeight (int height)
{
    trackHeightOverride = juce::jlimit (smallestTrackHeight, largestTrackHeight, height);
    updateVerticalScroll();
    clampAndApplyView();
}

void TimelineComponent::zoomTracks (bool taller)
{
    // Steps of a quarter feel like Pro Tools' track-height presets without a menu.
    const int now = getTrackHeight();
    setTrackHeight (taller ? juce::jmax (now + 1, now * 5 / 4) : juce::jmin (now - 1, now * 4 / 5));
}

void TimelineComponent::fitTracks()
{
    trackHeightOverride = 0;
    verticalOffset = 0;
    updateVerticalScroll();
    clampAndApplyView();
}

void TimelineComponent::setVerticalOffset (int pixels)
{
    const int total = totalTracksHeight();
    const int visible = getLaneArea().getHeight();
    verticalOffset = juce::jlimit (0, juce::jmax (0, total - visible), pixels);
    verticalScrollBar.setCurrentRange (verticalOffset, visible, juce::dontSendNotification);
    repaint();
}

void TimelineComponent::updateVerticalScroll()
{
    const int total = totalTracksHeight();
    const auto lanes = getLaneArea();
    verticalScrollBar.setVisible (needsVerticalScroll());
    verticalScrollBar.setBounds (getWidth() - scrollBarHeight, lanes.getY(), scrollBarHeight, lanes.getHeight());
    verticalScrollBar.setRangeLimits (0.0, juce::jmax (total, lanes.getHeight()), juce::dontSendNotification);
    setVerticalOffset (verticalOffset);
}

juce::Rectangle<int> TimelineComponent::getTrackHeaderBounds (size_t trackIndex) const
{
    return { 0, getLaneArea().getY() + rowTop (trackIndex) - verticalOffset, headerWidth, getRowHeight (trackIndex) };
}

std::pair<size_t, size_t> TimelineComponent::visibleTrackRange() const
{
    const auto lanes = getLaneArea();
    const int first = trackAtY (float (lanes.getY()));
    const int last = trackAtY (float (lanes.getBottom() - 1)) + 1;
    return { size_t (std::clamp (first, 0, int (session.tracks.size()))),
             size_t (std::clamp (last, 0, int (session.tracks.size()))) };
}

int TimelineComponent::trackAtY (float y) const
{
    const float relative = y - float (getLaneArea().getY()) + float (verticalOffset);
    if (relative < 0.0f)
        return -1;
    int top = 0;
    const int shared = juce::jmax (1, getTrackHeight());
    for (size_t t = 0; t < session.tracks.size(); ++t)
    {
        top += (session.tracks[t].height > 0 ? session.tracks[t].height : shared) + alternatesHeight (t);
        if (relative < float (top))
            return int (t);
    }
    return int (session.tracks.size());
}

juce::Rectangle<float> TimelineComponent::getClipBounds (size_t trackIndex, size_t clipIndex) const
{
    const auto& shown = shownSession();
    if (trackIndex >= shown.tracks.size() || clipIndex >= shown.tracks[trackIndex].clips.size())
        return {};

    const auto& clip = shown.tracks[trackIndex].clips[clipIndex];
    const auto row = getTrackHeaderBounds (trackIndex).toFloat();
    const float x1 = scale.xForSample (clip.position.samples);
    const float x2 = std::max (x1 + 1.0f, scale.xForSample (clip.end().samples));
    return { x1, row.getY() + 3.0f, x2 - x1, row.getHeight() - 6.0f };
}

TimelineComponent::HeaderControls TimelineComponent::headerControls (size_t trackIndex) const
{
    const auto row = getTrackHeaderBounds (trackIndex);
    HeaderControls controls;
    controls.meter = { row.getRight() - 12, row.getY() + 5, 6, juce::jmax (4, row.getHeight() - 10) };
    // Short rows (Pro Tools' micro and mini) centre the buttons and shrink them to fit.
    const int buttonHeight = juce::jmin (18, row.getHeight() - 6);
    const int buttonTop = row.getHeight() >= 40 ? 9 : (row.getHeight() - buttonHeight) / 2;
    auto buttons =
        juce::Rectangle<int> (row.getRight() - 16 - 3 * 20 - 2 * 3, row.getY() + buttonTop, 3 * 20 + 2 * 3, buttonHeight);
    controls.record = buttons.removeFromLeft (20);
    buttons.removeFromLeft (3);
    controls.solo = buttons.removeFromLeft (20);
    buttons.removeFromLeft (3);
    controls.mute = buttons.removeFromLeft (20);
    controls.playlist = { row.getRight() - 16 - 74, row.getY() + 31, 74, 18 };
    if (controls.playlist.getBottom() > row.getBottom() - 2)
        controls.playlist = {}; // a short row has no room for it (nor a click on it)
    // The automation selectors take a third line where the row has room for it.
    if (row.getHeight() >= automationSelectorsMinHeight)
    {
        controls.automationView = { row.getX() + 12, row.getY() + 53, 108, 18 };
        controls.automationMode = { controls.automationView.getRight() + 4, row.getY() + 53,
                                    row.getRight() - 16 - controls.automationView.getRight() - 4, 18 };
    }
    return controls;
}

TimelineComponent::Hit TimelineComponent::hitTest (juce::Point<float> p) const
{
    Hit hit;
    hit.sample = scale.sampleForX (p.x);
    const auto lanes = getLaneArea();
    if (p.y < float (rulerHeight + markerStripHeight))
    {
        hit.part = p.x >= float (headerWidth) ? Hit::Part::ruler : Hit::Part::nothing;
        return hit;
    }
    if (p.y >= float (lanes.getBottom()))
        return hit;

    const int track = trackAtY (p.y);
    if (track < 0 || track >= int (session.tracks.size()))
    {
        hit.part = p.x >= float (headerWidth) ? Hit::Part::lane : Hit::Part::nothing;
        hit.track = track;
        return hit;
    }
    hit.track = track;
    if (p.y >= float (getTrackHeaderBounds (size_t (track)).getBottom()))
        return hitAlternates (p, track, hit);

    if (p.x < float (headerWidth))
    {
        const auto controls = headerControls (size_t (track));
        const auto point = p.toInt();
        hit.part = controls.record.contains (point)     ? Hit::Part::headerRecord
                   : controls.solo.contains (point)     ? Hit::Part::headerSolo
                   : controls.mute.contains (point)     ? Hit::Part::headerMute
                   : controls.playlist.contains (point) ? Hit::Part::headerPlaylist
                   : controls.automationView.contains (point) ? Hit::Part::headerAutomationView
                   : controls.automationMode.contains (point) ? Hit::Part::headerAutomationMode
                                                              : Hit::Part::header;
        return hit;
    }

    hit.part = Hit::Part::lane;
    // A track showing automation: the mouse edits its breakpoints, not the clips under them.
    const auto& trackShown = session.tracks[size_t (track)];
    if (const auto key = automationViewOf (trackShown.id); ! key.empty())
    {
        const auto strip = session::StripRef::track (trackShown.id);
        if (const auto parameter = session::findAutomatableParameter (session, strip, key))
        {
            const auto* lane = session::findLane (session, strip, key);
            hit.point = lane != nullptr ? AutomationLanePainter::pointNear (*lane, *parameter, getAutomationArea (size_t (track)),
                                                                            scale, p)
                                        : -1;
            hit.part = hit.point >= 0 ? Hit::Part::automationPoint : Hit::Part::automationLane;
            return hit;
        }
    }
    const auto& clips = session.tracks[size_t (track)].clips;
    // The topmost (last drawn) clip wins where clips overlap.
    for (int c = int (clips.size()) - 1; c >= 0; --c)
    {
        const auto bounds = getClipBounds (size_t (track), size_t (c));
        if (! bounds.contains (p))
            continue;
        hit.clip = c;
        const auto& clip = clips[size_t (c)];
        const float zone = std::min (trimZone, bounds.getWidth() / 3.0f);
        const auto body = ClipPainter::bodyOf (bounds);
        if (p.y < bounds.getY() + ClipPainter::handleSize + 2.0f && bounds.getWidth() >= 3.0f * ClipPainter::handleSize)
        {
            const float in = ClipPainter::fadeInHandleX (clip, bounds, scale);
            const float out = ClipPainter::fadeOutHandleX (clip, bounds, scale);
            if (std::abs (p.x - in) <= ClipPainter::handleSize)
                hit.part = Hit::Part::clipFadeIn;
            else if (std::abs (p.x - out) <= ClipPainter::handleSize)
                hit.part = Hit::Part::clipFadeOut;
        }
        if (hit.part != Hit::Part::lane)
            return hit;
        if (p.x < bounds.getX() + zone)
            hit.part = Hit::Part::clipTrimStart;
        else if (p.x > bounds.getRight() - zone)
            hit.part = Hit::Part::clipTrimEnd;
        else if (body.getHeight() >= 12.0f && std::abs (p.y - ClipPainter::gainLineY (clip.gainDb, body)) <= gainLineZone)
            hit.part = Hit::Part::clipGainLine;
        else
            hit.part = Hit::Part::clipBody;
        return hit;
    }
    return hit;
}

int64_t TimelineComponent::sessionLength() const
{
    auto end = session.endOfLastClip().samples;
    for (auto& marker : session.markers)
        end = std::max (end, marker.position.samples);
    return end > 0 ? end : emptySessionLength;
}

double TimelineComponent::contentLength() const
{
    return double (sessionLength()) * fitPadding;
}

void TimelineComponent::zoomToFit()
{
    fitToWidth = true;
    const int width = juce::jmax (1, getLaneArea().getWidth());
    scale.samplesPerPixel = contentLength() / double (width);
    scale.viewStart = 0.0;
    clampAndApplyView();
}

void TimelineComponent::zoomToRange (core::SampleRange range)
{
    if (range.isEmpty())
        return;
    const int width = juce::jmax (1, getLaneArea().getWidth());
    // A little room each side so the edges of the selection stay visible.
    const double length = double (range.length().samples) * 1.04;
    const double spp = length / double (width);
    setView (spp, double (range.start.samples) - 0.02 * double (range.length().samples));
}

void TimelineComponent::setView (double samplesPerPixel, double viewStart)
{
    fitToWidth = false;
    scale.samplesPerPixel = samplesPerPixel;
    scale.viewStart = viewStart;
    clampAndApplyView();
}

void TimelineComponent::zoomAround (float x, double factor)
{
    const double anchor = scale.viewStart + double (x) * scale.samplesPerPixel;
    const double newSpp = scale.samplesPerPixel * factor;
    setView (newSpp, anchor - double (x) * newSpp);
}

void TimelineComponent::zoomStep (bool zoomIn)
{
    const auto lanes = getLaneArea();
    const float playheadLaneX = scale.xForSample (playhead) - float (lanes.getX());
    const float anchor = playheadLaneX >= 0.0f && playheadLaneX <= float (lanes.getWidth()) ? playheadLaneX
                                                                                             : float (lanes.getWidth()) * 0.5f;
    zoomAround (anchor, zoomIn ? 0.5 : 2.0);
}

void TimelineComponent::clampAndApplyView()
{
    const int width = juce::jmax (1, getLaneArea().getWidth());

    // A few samples per pixel is as close as the peaks can show (their finest level is 256
    // samples a column anyway); zooming out stops at four times the fitted view.
    const double maxSpp = juce::jmax (1.0, 4.0 * contentLength() / double (width));
    scale.samplesPerPixel = juce::jlimit (1.0, maxSpp, scale.samplesPerPixel);

    const double visible = double (width) * scale.samplesPerPixel;
    const double total = juce::jmax (contentLength(), visible);
    scale.viewStart = juce::jlimit (0.0, total - visible, scale.viewStart);
    scale.originX = float (headerWidth);

    scrollBar.setRangeLimits (0.0, total, juce::dontSendNotification);
    scrollBar.setCurrentRange (scale.viewStart, visible, juce::dontSendNotification);
    ruler.setView (scale.viewStart, scale.samplesPerPixel);
    repaint();
}

void TimelineComponent::resized()
{
    const auto lanes = getLaneArea();
    ruler.setBounds (headerWidth, 0, juce::jmax (0, getWidth() - headerWidth), rulerHeight);
    scrollBar.setBounds (headerWidth, getHeight() - scrollBarHeight, lanes.getWidth(), scrollBarHeight);
    updateVerticalScroll();
    if (fitToWidth)
        zoomToFit();
    else
        clampAndApplyView();
}

void TimelineComponent::scrollBarMoved (juce::ScrollBar* bar, double newRangeStart)
{
    if (bar == &verticalScrollBar)
    {
        setVerticalOffset (int (newRangeStart));
        return;
    }
    scale.viewStart = newRangeStart;
    fitToWidth = false;
    clampAndApplyView();
}

void TimelineComponent::mouseWheelMove (const juce::MouseEvent& event, const juce::MouseWheelDetails& wheel)
{
    const float laneX = float (event.getPosition().x - headerWidth);
    if (event.mods.isCommandDown() || event.mods.isCtrlDown())
    {
        // One wheel notch (~0.2 on Linux) zooms by about a third.
        zoomAround (juce::jmax (0.0f, laneX), std::exp (-2.0 * double (wheel.deltaY)));
        return;
    }
    if (event.mods.isShiftDown() || event.x < headerWidth)
    {
        // Over the headers, or with shift: the tracks scroll, a third of a screen a notch.
        setVerticalOffset (verticalOffset - int (double (wheel.deltaY) * 5.0 * getLaneArea().getHeight() / 3.0));
        return;
    }

    const float delta = wheel.deltaX != 0.0f ? wheel.deltaX : wheel.deltaY;
    const double pixels = -double (delta) * 400.0;
    setView (scale.samplesPerPixel, scale.viewStart + pixels * scale.samplesPerPixel);
}

void TimelineComponent::mouseDown (const juce::MouseEvent& e)
{
    grabKeyboardFocus();
    if (mouseHandler != nullptr)
        mouseHandler->mouseDown (e);
}

void TimelineComponent::mouseDrag (const juce::MouseEvent& e)
{
    if (mouseHandler != nullptr)
        mouseHandler->mouseDrag (e);
}

void TimelineComponent::mouseUp (const juce::MouseEvent& e)
{
    if (mouseHandler != nullptr)
        mouseHandler->mouseUp (e);
}

void TimelineComponent::mouseDoubleClick (const juce::MouseEvent& e)
{
    if (mouseHandler != nullptr)
        mouseHandler->mouseDoubleClick (e);
}

void TimelineComponent::mouseMove (const juce::MouseEvent& e)
{
    if (mouseHandler != nullptr)
        mouseHandler->mouseMove (e);
}

void TimelineComponent::paint (juce::Graphics& g)
{
    const auto lanes = getLaneArea();
    // The track rows cover the lanes and headers; only what lies below the last track (and the
    // scroll bars' corner) needs the background. A full-window fill costs ~1 ms at 1920x1080.
    {
        const int rowsEnd = getTrackHeaderBounds (session.tracks.size()).getY();
        g.setColour (theme::windowBackground);
        g.fillRect (0, juce::jmax (lanes.getY(), rowsEnd), getWidth(), getHeight() - juce::jmax (lanes.getY(), rowsEnd));
        g.fillRect (lanes.getRight(), 0, getWidth() - lanes.getRight(), lanes.getY());
    }

    g.setColour (theme::markerStripBackground);
    g.fillRect (headerWidth, rulerHeight, lanes.getWidth(), markerStripHeight);

    const auto& shown = shownSession();
    const auto [first, last] = visibleTrackRange();
    {
        juce::Graphics::ScopedSaveState state (g);
        g.reduceClipRegion (0, lanes.getY(), getWidth(), lanes.getHeight());
        for (size_t t = first; t < last; ++t)
        {
            paintLaneBackground (g, t);
            paintTrackHeader (g, session.tracks[t], t);
            paintAlternateHeaders (g, t);
        }
    }

    {
        juce::Graphics::ScopedSaveState state (g);
        g.reduceClipRegion (lanes);

        ClipPainter::Look look;
        look.sessionRate = shown.sampleRate;
        look.visibleLeft = float (lanes.getX());
        const auto visible = scale.visibleRange (lanes.getWidth());
        for (size_t t = first; t < std::min (last, shown.tracks.size()); ++t)
        {
            const auto& track = shown.tracks[t];
            look.colour = theme::colourForTrack (shown, track);
            for (size_t c = 0; c < track.clips.size(); ++c)
            {
                const auto& clip = track.clips[c];
                if (clip.end() < visible.start || clip.position > visible.end)
                    continue;
                const auto bounds = getClipBounds (t, c);
                look.offline = offlineMedia.count (clip.mediaId) > 0;
                look.selected = selection.contains ({ track.id, clip.id });
                look.peaks = waveforms != nullptr ? waveforms->peaksFor (clip.mediaId) : nullptr;
                ClipPainter::paint (g, track, clip, bounds, scale, look);
            }
            paintAutomation (g, track, t);
            paintAlternateClips (g, t, look);
        }
        // Over the clips, translucent, as Pro Tools shows a selection across them.
        paintSelection (g);
    }

    paintCorner (g);
    paintMarkers (g);

    g.setColour (theme::laneSeparator);
    g.fillRect (headerWidth - 1, 0, 1, getHeight());

    if (session.tracks.empty())
    {
        g.setColour (theme::textSecondary);
        g.setFont (theme::uiFont (15.0f));
        g.drawText ("No tracks. Use File > Import Audio... or Track > New..., or drop audio files here.", lanes,
                    juce::Justification::centred);
    }
}

void TimelineComponent::paintSelection (juce::Graphics& g) const
{
    if (selection.trackIds.empty())
        return;
    const float x1 = scale.xForSample (selection.range.start.samples);
    const float x2 = scale.xForSample (selection.range.end.samples);
    for (size_t t = 0; t < session.tracks.size(); ++t)
    {
        if (! selection.containsTrack (session.tracks[t].id))
            continue;
        const auto row = getTrackHeaderBounds (t).toFloat();
        if (selection.range.isEmpty())
        {
            // The edit cursor: a thin line, not the playhead's red.
            g.setColour (juce::Colours::white.withAlpha (0.85f));
            g.fillRect (juce::Rectangle<float> (x1 - 0.5f, row.getY(), 1.0f, row.getHeight()));
        }
        else
        {
            g.setColour (juce::Colour (0x40a0c8ff));
            g.fillRect (juce::Rectangle<float> (x1, row.getY(), x2 - x1, row.getHeight()));
        }
    }
}

void TimelineComponent::paintCorner (juce::Graphics& g) const
{
    const juce::Rectangle<int> corner (0, 0, headerWidth, rulerHeight + markerStripHeight);
    g.setColour (theme::headerBackground);
    g.fillRect (corner);

    auto text = corner.reduced (12, 4);
    g.setColour (theme::textPrimary);
    g.setFont (theme::uiFont (14.0f, true));
    g.drawText (juce::String (session.name), text.removeFromTop (20), juce::Justification::centredLeft, true);
    g.setColour (theme::textSecondary);
    g.setFont (theme::uiFont (12.0f));
    const auto timebase = juce::String (std::string (core::frameRateName (session.frameRate))) + " fps  "
                          + juce::String (double (session.sampleRate) / 1000.0, 1) + " kHz";
    g.drawText (timebase, text, juce::Justification::centredLeft, true);

    g.setColour (theme::laneSeparator);
    g.drawHorizontalLine (corner.getBottom() - 1, 0.0f, float (corner.getRight()));
}

void TimelineComponent::paintLaneBackground (juce::Graphics& g, size_t index) const
{
    const auto lanes = getLaneArea();
    const auto row = getTrackHeaderBounds (index);
    juce::Rectangle<int> lane (lanes.getX(), row.getY(), lanes.getWidth(), row.getHeight());
    g.setColour (index % 2 == 0 ? theme::laneBackground : theme::laneBackgroundAlt);
    g.fillRect (lane);
    g.setColour (theme::laneSeparator);
    g.fillRect (lane.removeFromBottom (1));
}

void TimelineComponent::paintTrackHeader (juce::Graphics& g, const session::Track& track, size_t index) const
{
    auto row = getTrackHeaderBounds (index);
    g.setColour (index % 2 == 0 ? theme::headerBackground : theme::headerBackgroundAlt);
    g.fillRect (row);
    g.setColour (theme::laneSeparator);
    g.fillRect (row.withTop (row.getBottom() - 1));

    // The stripe repeats the clip colour (the track's own, else its bus's) so a track's
    // department reads from the header too.
    g.setColour (theme::colourForTrack (session, track));
    g.fillRect (row.withWidth (6).reduced (0, 1));

    const auto controls = headerControls (index);
    auto text = row.reduced (14, row.getHeight() >= 40 ? 9 : 1).withRight (controls.record.getX() - 4);

    g.setColour (theme::textPrimary);
    g.setFont (theme::uiFont (row.getHeight() >= 40 ? 15.0f : 13.0f, true));
    g.drawText (juce::String (track.name), text.removeFromTop (juce::jmin (22, text.getHeight())),
                juce::Justification::centredLeft, true);

    const auto* bus = session.findBus (track.output);
    const auto output = track.output == session::masterOutputId ? juce::String ("Master")
                                                                 : juce::String (bus != nullptr ? bus->id : track.output);
    g.setColour (theme::textSecondary);
    g.setFont (theme::uiFont (12.5f));
    g.drawText (
        channelFormatName (track.channels) + juce::String::fromUTF8 ("  \xe2\x86\x92  ") + output,
        text.removeFromTop (20).withRight ((controls.playlist.isEmpty() ? controls.record : controls.playlist).getX() - 4),
        juce::Justification::centredLeft, true);

    // Record, solo, mute: lit when on, outlined when off, as on a console.
    const auto drawButton = [&g] (juce::Rectangle<int> area, const char* letter, bool on, juce::Colour colour) {
        if (on)
        {
            g.setColour (colour);
            g.fillRoundedRectangle (area.toFloat(), 3.0f);
            g.setColour (juce::Colours::black);
        }
        else
        {
            g.setColour (theme::textSecondary.withAlpha (0.6f));
            g.drawRoundedRectangle (area.toFloat().reduced (0.5f), 3.0f, 1.0f);
            g.setColour (theme::textSecondary);
        }
        g.setFont (theme::uiFont (12.0f, true));
        g.drawText (letter, area, juce::Justification::centred);
    };
    drawButton (controls.record, "R", track.recordArm, juce::Colour (0xffe04848));
    drawButton (controls.solo, "S", track.solo, juce::Colour (0xffe8c547));
    if (track.soloSafe)
        theme::drawSoloSafe (g, controls.solo);
    drawButton (controls.mute, "M", track.mute, juce::Colour (0xffe0a040));

    if (! controls.playlist.isEmpty())
    {
        // The playlist selector: the playing playlist's name; a click opens the menu.
        const auto box = controls.playlist.toFloat();
        g.setColour (juce::Colour (0xff1f1f23));
        g.fillRoundedRectangle (box, 3.0f);
        g.setColour (theme::textSecondary);
        g.setFont (theme::uiFont (11.5f));
        const auto name = track.playlistName.empty() ? juce::String (session::firstPlaylistName)
                                                     : juce::String (track.playlistName);
        const auto count = track.alternatePlaylists.size() + 1;
        g.drawText (name + (count > 1 ? " (" + juce::String (count) + ")" : juce::String()),
                    controls.playlist.reduced (5, 0).withTrimmedRight (10), juce::Justification::centredLeft, true);
        juce::Path arrow;
        const float ax = box.getRight() - 10.0f, ay = box.getCentreY();
        arrow.addTriangle (ax - 3.5f, ay - 2.0f, ax + 3.5f, ay - 2.0f, ax, ay + 2.5f);
        g.fillPath (arrow);
    }

    paintAutomationSelectors (g, track, controls);

    // The level meter: post-fader peak, green to -6 dBFS, yellow to -1, red above.
    auto meter = controls.meter;
    g.setColour (juce::Colour (0xff151517));
    g.fillRect (meter);
    if (index < meterLevels.size() && meterLevels[index] > 0.0f)
    {
        const float db = 20.0f * std::log10 (std::max (meterLevels[index], 1.0e-6f));
        // -60 dBFS at the bottom to 0 at the top: dialogue lives between -30 and -10.
        const float fraction = std::clamp ((db + 60.0f) / 60.0f, 0.0f, 1.0f);
        const auto lit = meter.toFloat().removeFromBottom (fraction * float (meter.getHeight()));
        g.setColour (db > -1.0f ? juce::Colour (0xffe04848) : db > -6.0f ? juce::Colour (0xffe8c547)
                                                                       : juce::Colour (0xff5bb85d));
        g.fillRect (lit);
    }
}

void TimelineComponent::paintMarkers (juce::Graphics& g) const
{
    const auto lanes = getLaneArea();
    const juce::Rectangle<int> strip (headerWidth, rulerHeight, lanes.getWidth(), markerStripHeight);

    auto markers = session.markers;
    std::sort (markers.begin(), markers.end(), [] (auto& a, auto& b) { return a.position < b.position; });

    juce::Graphics::ScopedSaveState state (g);
    g.reduceClipRegion (strip.getUnion (lanes));
    g.setFont (theme::uiFont (12.0f));

    for (size_t i = 0; i < markers.size(); ++i)
    {
        const float x = scale.xForSample (markers[i].position.samples);
        if (x < float (lanes.getX()) - 200.0f || x > float (lanes.getRight()))
            continue;

        g.setColour (theme::marker.withAlpha (0.45f));
        g.drawLine (x, float (lanes.getY()), x, float (lanes.getBottom()), 1.0f);

        juce::Path flag;
        const float top = float (strip.getY()) + 3.0f;
        flag.addTriangle (x, top, x + 7.0f, top + 6.0f, x, top + 12.0f);
        g.setColour (theme::marker);
        g.fillPath (flag);
        g.drawLine (x, top, x, float (strip.getBottom()), 1.0f);

        // A name stops before the next marker so close markers never print over each other.
        const float next = i + 1 < markers.size() ? scale.xForSample (markers[i + 1].position.samples)
                                                  : float (lanes.getRight());
        const float room = next - x - 14.0f;
        if (room > 16.0f)
            g.drawText (juce::String (markers[i].name),
                        juce::Rectangle<float> (x + 10.0f, float (strip.getY()), room, float (markerStripHeight)),
                        juce::Justification::centredLeft, true);
    }
}

void TimelineComponent::setAutomationView (const std::string& trackId, const std::string& key)
{
    if (key.empty())
        automationViews.erase (trackId);
    else
        automationViews[trackId] = key;
    repaint();
}

std::string TimelineComponent::automationViewOf (const std::string& trackId) const
{
    const auto view = automationViews.find (trackId);
    return view != automationViews.end() ? view->second : std::string();
}

juce::Rectangle<float> TimelineComponent::getAutomationArea (size_t trackIndex) const
{
    const auto row = getTrackHeaderBounds (trackIndex).toFloat();
    const auto lanes = getLaneArea().toFloat();
    // Room above and below, so a breakpoint at either end of the range can still be grabbed.
    return { lanes.getX(), row.getY() + 6.0f, lanes.getWidth(), juce::jmax (4.0f, row.getHeight() - 12.0f) };
}

void TimelineComponent::setWritingLanes (std::set<std::pair<std::string, std::string>> lanes)
{
    if (lanes != writingLanes)
    {
        writingLanes = std::move (lanes);
        repaint();
    }
}

void TimelineComponent::paintAutomation (juce::Graphics& g, const session::Track& track, size_t index) const
{
    const auto key = automationViewOf (track.id);
    if (key.empty())
        return;
    const auto& shown = shownSession();
    const auto strip = session::StripRef::track (track.id);
    const auto parameter = session::findAutomatableParameter (shown, strip, key);
    if (! parameter)
        return;
    const auto row = getTrackHeaderBounds (index).toFloat();
    // The clips stay visible, dimmed, under the line (Pro Tools' automation view).
    g.setColour (juce::Colours::black.withAlpha (0.45f));
    g.fillRect (juce::Rectangle<float> (float (getLaneArea().getX()), row.getY(), float (getLaneArea().getWidth()),
                                        row.getHeight() - 1.0f));
    const auto* lane = session::findLane (shown, strip, key);
    const bool off = track.automationMode == session::AutomationMode::off;
    const bool writing = writingLanes.contains ({ track.id, key });
    juce::Graphics::ScopedSaveState state (g);
    if (off)
        g.setOpacity (0.4f); // kept, not played
    AutomationLanePainter::paint (g, lane != nullptr ? *lane : session::AutomationLane {}, *parameter,
                                  getAutomationArea (index), scale, writing);
}

void TimelineComponent::paintAutomationSelectors (juce::Graphics& g, const session::Track& track,
                                                  const HeaderControls& controls) const
{
    if (controls.automationView.isEmpty())
        return;
    const auto key = automationViewOf (track.id);
    juce::String viewName = "waveform";
    if (! key.empty())
        if (const auto parameter = session::findAutomatableParameter (session, session::StripRef::track (track.id), key))
            viewName = juce::String (parameter->name);
    const auto mode = juce::String (std::string (session::automationModeName (track.automationMode)));
    const bool writes = track.automationMode != session::AutomationMode::off
                        && track.automationMode != session::AutomationMode::read;
    const auto drawBox = [&g] (juce::Rectangle<int> area, const juce::String& text, juce::Colour textColour) {
        const auto box = area.toFloat();
        g.setColour (juce::Colour (0xff1f1f23));
        g.fillRoundedRectangle (box, 3.0f);
        g.setColour (textColour);
        g.setFont (theme::uiFont (11.5f));
        g.drawText (text, area.reduced (5, 0).withTrimmedRight (10), juce::Justification::centredLeft, true);
        juce::Path arrow;
        const float ax = box.getRight() - 10.0f, ay = box.getCentreY();
        arrow.addTriangle (ax - 3.5f, ay - 2.0f, ax + 3.5f, ay - 2.0f, ax, ay + 2.5f);
        g.setColour (theme::textSecondary);
        g.fillPath (arrow);
    };
    drawBox (controls.automationView, viewName, key.empty() ? theme::textSecondary : juce::Colour (0xffffd34d));
    // Writing modes in red, as Pro Tools colours its automation mode selector.
    drawBox (controls.automationMode, mode, writes ? juce::Colour (0xffff6a6a) : theme::textSecondary);
}

float TimelineComponent::playheadX (int64_t position) const
{
    const auto lanes = getLaneArea();
    return std::max (scale.xForSample (position), float (lanes.getX()) + 1.0f);
}

juce::Rectangle<int> TimelineComponent::getPlayheadArea (int64_t position) const
{
    // The head is 12 px wide; one more pixel each side covers anti-aliasing.
    const int x = int (std::floor (playheadX (position)));
    return { x - 7, 0, 15, getLaneArea().getBottom() };
}

void TimelineComponent::setPlayhead (int64_t position, bool follow)
{
    if (position == playhead)
        return;

    const auto lanes = getLaneArea();
    if (follow && ! fitToWidth && lanes.getWidth() > 0)
    {
        const float x = scale.xForSample (position);
        if (x >= float (lanes.getRight()) || x < float (lanes.getX()))
        {
            // Turn the page: the playhead lands a twentieth of the width in from the left.
            playhead = position;
            setView (scale.samplesPerPixel,
                     double (position) - 0.05 * double (lanes.getWidth()) * scale.samplesPerPixel);
            return;
        }
    }

    const auto before = getPlayheadArea (playhead);
    playhead = position;
    const auto after = getPlayheadArea (playhead);
    if (before == after)
        return;
    repaint (before);
    repaint (after);
}

void TimelineComponent::paintOverChildren (juce::Graphics& g)
{
    const auto lanes = getLaneArea();
    const float x = scale.xForSample (playhead);
    if (x > float (lanes.getRight()) || x < float (lanes.getX()) - 1.0f)
        return;

    const float px = playheadX (playhead);
    g.setColour (theme::playhead);
    g.fillRect (juce::Rectangle<float> (px - 1.0f, 0.0f, 2.0f, float (lanes.getBottom())));
    juce::Path head;
    head.addTriangle (px - 6.0f, 0.0f, px + 6.0f, 0.0f, px, 8.0f);
    g.fillPath (head);
}
} // namespace sprocket::app
