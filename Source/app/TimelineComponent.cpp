#include "TimelineComponent.h"

#include "Theme.h"
#include "dsp/FadeCurve.h"

#include <algorithm>
#include <cmath>

namespace sprocket::app
{
namespace
{
    constexpr float clipCorner = 4.0f;
    constexpr float nameBarHeight = 17.0f;

    // An empty session still gets a readable ruler: one minute at 48 kHz.
    constexpr int64_t emptySessionLength = 48000 * 60;

    // Fit leaves 2 % after the last clip so its end and fade stay visible.
    constexpr double fitPadding = 1.02;
} // namespace

TimelineComponent::TimelineComponent()
{
    setOpaque (true);
    addAndMakeVisible (ruler);
    addAndMakeVisible (scrollBar);
    scrollBar.setAutoHide (false);
    scrollBar.addListener (this);
    scrollBar.setColour (juce::ScrollBar::thumbColourId, juce::Colour (0xff5a5a62));
    scrollBar.setColour (juce::ScrollBar::trackColourId, theme::windowBackground);
    ruler.setTimebase (session.sampleRate, session.frameRate, session.startTimecode);
}

TimelineComponent::~TimelineComponent()
{
    scrollBar.removeListener (this);
}

void TimelineComponent::setSession (const session::Session& newSession, std::set<std::string> offlineMediaIds)
{
    session = newSession;
    offlineMedia = std::move (offlineMediaIds);
    ruler.setTimebase (session.sampleRate, session.frameRate, session.startTimecode);
    zoomToFit();
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

juce::Rectangle<int> TimelineComponent::getLaneArea() const
{
    return { headerWidth, rulerHeight + markerStripHeight, juce::jmax (0, getWidth() - headerWidth),
             juce::jmax (0, getHeight() - rulerHeight - markerStripHeight - scrollBarHeight) };
}

int TimelineComponent::getTrackHeight() const
{
    const int tracks = juce::jmax (1, int (session.tracks.size()));
    return juce::jlimit (minTrackHeight, maxTrackHeight, getLaneArea().getHeight() / tracks);
}

juce::Rectangle<int> TimelineComponent::getTrackHeaderBounds (size_t trackIndex) const
{
    const int height = getTrackHeight();
    return { 0, getLaneArea().getY() + int (trackIndex) * height, headerWidth, height };
}

juce::Rectangle<float> TimelineComponent::getClipBounds (size_t trackIndex, size_t clipIndex) const
{
    if (trackIndex >= session.tracks.size() || clipIndex >= session.tracks[trackIndex].clips.size())
        return {};

    const auto& clip = session.tracks[trackIndex].clips[clipIndex];
    const auto row = getTrackHeaderBounds (trackIndex).toFloat();
    const float x1 = scale.xForSample (clip.position.samples);
    const float x2 = std::max (x1 + 1.0f, scale.xForSample (clip.end().samples));
    return { x1, row.getY() + 3.0f, x2 - x1, row.getHeight() - 6.0f };
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

void TimelineComponent::clampAndApplyView()
{
    const int width = juce::jmax (1, getLaneArea().getWidth());

    // One sample per pixel is as close as a timeline without waveforms needs to go;
    // zooming out stops at four times the fitted view.
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
    ruler.setBounds (headerWidth, 0, juce::jmax (0, getWidth() - headerWidth), rulerHeight);
    scrollBar.setBounds (headerWidth, getHeight() - scrollBarHeight, juce::jmax (0, getWidth() - headerWidth),
                         scrollBarHeight);
    if (fitToWidth)
        zoomToFit();
    else
        clampAndApplyView();
}

void TimelineComponent::scrollBarMoved (juce::ScrollBar*, double newRangeStart)
{
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

    const float delta = wheel.deltaX != 0.0f ? wheel.deltaX : wheel.deltaY;
    const double pixels = -double (delta) * 400.0;
    setView (scale.samplesPerPixel, scale.viewStart + pixels * scale.samplesPerPixel);
}

void TimelineComponent::paint (juce::Graphics& g)
{
    g.fillAll (theme::windowBackground);
    paintCorner (g);

    const auto lanes = getLaneArea();
    g.setColour (theme::markerStripBackground);
    g.fillRect (headerWidth, rulerHeight, lanes.getWidth(), markerStripHeight);

    for (size_t t = 0; t < session.tracks.size(); ++t)
    {
        paintLaneBackground (g, t);
        paintTrackHeader (g, session.tracks[t], t);
    }

    {
        juce::Graphics::ScopedSaveState state (g);
        g.reduceClipRegion (lanes);
        for (size_t t = 0; t < session.tracks.size(); ++t)
            for (size_t c = 0; c < session.tracks[t].clips.size(); ++c)
            {
                const auto bounds = getClipBounds (t, c);
                if (bounds.getRight() >= float (lanes.getX()) && bounds.getX() <= float (lanes.getRight()))
                    paintClip (g, session.tracks[t], session.tracks[t].clips[c], bounds);
            }
    }

    paintMarkers (g);

    g.setColour (theme::laneSeparator);
    g.fillRect (headerWidth - 1, 0, 1, getHeight());

    if (session.tracks.empty())
    {
        g.setColour (theme::textSecondary);
        g.setFont (theme::uiFont (15.0f));
        g.drawText ("No session open. Use File > Open...", lanes, juce::Justification::centred);
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

    // The stripe repeats the clip colour so a track's department reads from the header too.
    g.setColour (theme::colourForBus (track.output));
    g.fillRect (row.withWidth (4).reduced (0, 1));

    auto text = row.reduced (14, 9).withTrimmedRight (6);
    auto badges = text.removeFromRight (44);

    g.setColour (theme::textPrimary);
    g.setFont (theme::uiFont (15.0f, true));
    g.drawText (juce::String (track.name), text.removeFromTop (22), juce::Justification::centredLeft, true);

    const auto* bus = session.findBus (track.output);
    const auto output = track.output == session::masterOutputId ? juce::String ("Master")
                                                                 : juce::String (bus != nullptr ? bus->id : track.output);
    g.setColour (theme::textSecondary);
    g.setFont (theme::uiFont (12.5f));
    g.drawText (channelFormatName (track.channels) + juce::String::fromUTF8 ("  \xe2\x86\x92  ") + output,
                text.removeFromTop (20), juce::Justification::centredLeft, true);

    const auto drawBadge = [&g] (juce::Rectangle<int> area, const char* letter, juce::Colour colour) {
        g.setColour (colour);
        g.fillRoundedRectangle (area.toFloat(), 3.0f);
        g.setColour (juce::Colours::black);
        g.setFont (theme::uiFont (12.0f, true));
        g.drawText (letter, area, juce::Justification::centred);
    };
    auto badgeRow = badges.removeFromTop (20);
    if (track.solo)
        drawBadge (badgeRow.removeFromRight (20), "S", juce::Colour (0xffe8c547));
    badgeRow.removeFromRight (4);
    if (track.mute)
        drawBadge (badgeRow.removeFromRight (20), "M", juce::Colour (0xffe0a040));
}

void TimelineComponent::paintClip (juce::Graphics& g, const session::Track& track, const session::Clip& clip,
                                   juce::Rectangle<float> bounds) const
{
    const bool offline = offlineMedia.count (clip.mediaId) > 0;
    const auto busColour = theme::colourForBus (track.output);
    const auto body = offline ? theme::offlineBody : clip.mute ? theme::mutedBody : theme::clipBodyFor (busColour);
    const auto accent = offline ? theme::offlineHatch : clip.mute ? juce::Colour (0xff66666c) : busColour;

    juce::Path outline;
    outline.addRoundedRectangle (bounds, clipCorner);
    g.setColour (body);
    g.fillPath (outline);

    const auto nameBar = bounds.withHeight (std::min (nameBarHeight, bounds.getHeight()));
    {
        juce::Graphics::ScopedSaveState state (g);
        g.reduceClipRegion (outline);
        g.setColour (accent.withMultipliedBrightness (0.8f));
        g.fillRect (nameBar);

        if (offline)
        {
            // Hatching, as in every DAW's "media offline" look: readable even in greyscale.
            g.setColour (theme::offlineHatch.withAlpha (0.55f));
            const auto area = bounds.withTrimmedTop (nameBar.getHeight());
            for (float x = area.getX() - area.getHeight(); x < area.getRight(); x += 9.0f)
                g.drawLine (x, area.getBottom(), x + area.getHeight(), area.getY(), 1.5f);
        }
        else
        {
            paintFades (g, clip, bounds.withTrimmedTop (nameBar.getHeight()));
        }
    }

    g.setColour (accent.brighter (0.25f).withAlpha (0.9f));
    g.strokePath (outline, juce::PathStrokeType (1.0f));

    if (bounds.getWidth() < 24.0f)
        return;

    g.setColour (clip.mute && ! offline ? theme::textSecondary : theme::textPrimary);
    g.setFont (theme::uiFont (12.5f));
    const auto name = clip.mute ? "(muted)  " + juce::String (clip.name) : juce::String (clip.name);
    // A clip running off the left edge keeps its name in view, as in any DAW.
    const float visibleLeft = std::max (bounds.getX(), float (getLaneArea().getX()));
    const auto textArea = bounds.withLeft (visibleLeft).reduced (6.0f, 1.0f).toNearestInt();

    if (offline)
    {
        g.drawText (name, nameBar.withLeft (visibleLeft).reduced (6.0f, 0.0f), juce::Justification::centredLeft, true);
        const auto label = bounds.withTrimmedTop (nameBar.getHeight()).withSizeKeepingCentre (64.0f, 18.0f);
        if (bounds.getWidth() > 70.0f && bounds.getHeight() > 44.0f)
        {
            g.setColour (theme::offlineBody);
            g.fillRoundedRectangle (label, 3.0f);
            g.setColour (juce::Colour (0xffff8a80));
            g.setFont (theme::uiFont (12.0f, true));
            g.drawText ("OFFLINE", label, juce::Justification::centred, false);
        }
        return;
    }

    // A long name (a dialogue line, say) wraps from the name bar into the body rather than
    // vanishing behind an ellipsis: on a dialogue track the clip names are the script.
    // Wrapping is at spaces only; whatever does not fit is cut at the clip's edge, and only
    // whole lines are shown.
    const auto font = g.getCurrentFont();
    const int lines = juce::jmax (1, int (float (textArea.getHeight()) / font.getHeight()));
    juce::GlyphArrangement glyphs;
    glyphs.addJustifiedText (font, name, float (textArea.getX()), float (textArea.getY()) + font.getAscent() + 1.0f,
                             float (textArea.getWidth()), juce::Justification::left);
    juce::Graphics::ScopedSaveState state (g);
    g.reduceClipRegion (textArea.withHeight (int (float (lines) * font.getHeight()) + 2));
    glyphs.draw (g);
}

void TimelineComponent::paintFades (juce::Graphics& g, const session::Clip& clip, juce::Rectangle<float> body) const
{
    const auto paintFade = [&] (const session::Fade& fade, bool isFadeIn) {
        const float width = std::min (body.getWidth(), float (double (fade.length.samples) / scale.samplesPerPixel));
        if (width < 3.0f)
            return;

        // The curve is the fade's gain g(x) from dsp::fadeGain, drawn from silence at the
        // bottom to unity at the top, so what the eye sees is what the engine plays.
        const int steps = juce::jlimit (8, 128, int (width / 2.0f));
        juce::Path curve, shade;
        for (int i = 0; i <= steps; ++i)
        {
            const double progress = double (i) / double (steps);
            const double gain = dsp::fadeGain (fade.shape, isFadeIn ? progress : 1.0 - progress);
            const float x = (isFadeIn ? body.getX() : body.getRight() - width) + float (progress) * width;
            const float y = body.getBottom() - float (gain) * body.getHeight();
            if (i == 0)
                curve.startNewSubPath (x, y);
            else
                curve.lineTo (x, y);
        }

        shade = curve;
        if (isFadeIn)
        {
            shade.lineTo (body.getX() + width, body.getY());
            shade.lineTo (body.getX(), body.getY());
        }
        else
        {
            shade.lineTo (body.getRight(), body.getY());
            shade.lineTo (body.getRight() - width, body.getY());
        }
        shade.closeSubPath();

        g.setColour (juce::Colours::black.withAlpha (0.35f));
        g.fillPath (shade);
        g.setColour (juce::Colours::white.withAlpha (0.8f));
        g.strokePath (curve, juce::PathStrokeType (1.3f));
    };

    paintFade (clip.fadeIn, true);
    paintFade (clip.fadeOut, false);
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
