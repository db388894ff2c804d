#include "ClipPainter.h"

#include "Theme.h"
#include "dsp/FadeCurve.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace sprocket::app
{
namespace
{
    constexpr float clipCorner = 4.0f;
} // namespace

juce::Rectangle<float> ClipPainter::bodyOf (juce::Rectangle<float> bounds)
{
    return bounds.withTrimmedTop (std::min (nameBarHeight, bounds.getHeight()));
}

float ClipPainter::gainLineY (double gainDb, juce::Rectangle<float> body)
{
    const double clamped = std::clamp (gainDb, minGainDb, maxGainDb);
    const double fraction = (clamped - minGainDb) / (maxGainDb - minGainDb);
    return body.getBottom() - float (fraction) * body.getHeight();
}

double ClipPainter::gainForY (float y, juce::Rectangle<float> body)
{
    if (body.getHeight() <= 0.0f)
        return 0.0;
    const double fraction = double (body.getBottom() - y) / double (body.getHeight());
    const double db = minGainDb + std::clamp (fraction, 0.0, 1.0) * (maxGainDb - minGainDb);
    return std::round (db * 10.0) / 10.0; // tenths of a dB: what the dialog shows
}

float ClipPainter::fadeInHandleX (const session::Clip& clip, juce::Rectangle<float> bounds, const TimelineScale& scale)
{
    return std::min (bounds.getRight(), bounds.getX() + float (double (clip.fadeIn.length.samples) / scale.samplesPerPixel));
}

float ClipPainter::fadeOutHandleX (const session::Clip& clip, juce::Rectangle<float> bounds, const TimelineScale& scale)
{
    return std::max (bounds.getX(), bounds.getRight() - float (double (clip.fadeOut.length.samples) / scale.samplesPerPixel));
}

void ClipPainter::paint (juce::Graphics& g, const session::Track& track, const session::Clip& clip,
                         juce::Rectangle<float> exactBounds, const TimelineScale& scale, const Look& look)
{
    // Whole pixels: a rectangle on pixel boundaries fills without anti-aliasing, which in
    // JUCE's software renderer is several times cheaper than one with fractional edges.
    const float left = std::round (exactBounds.getX());
    const float right = std::max (left + 1.0f, std::round (exactBounds.getRight()));
    const float upper = std::round (exactBounds.getY());
    const juce::Rectangle<float> bounds (left, upper, right - left, std::round (exactBounds.getBottom()) - upper);
    const auto busColour = look.colour.isTransparent() ? theme::colourForBus (track.output) : look.colour;
    const auto body = look.offline ? theme::offlineBody : clip.mute ? theme::mutedBody : theme::clipBodyFor (busColour);
    const auto accent = look.offline ? theme::offlineHatch : clip.mute ? juce::Colour (0xff66666c) : busColour;

    // Paths are what costs in JUCE's software renderer (each becomes an edge table), so a
    // clip uses at most three: its rounded body, its name bar's rounded top and its outline;
    // small clips (a zoomed-out reel has hundreds) use none, and everything inside the body is
    // clipped to a plain rectangle, which keeps the waveform's thousand bars on the fast path.
    const bool rounded = bounds.getWidth() >= 12.0f * clipCorner && bounds.getHeight() >= 4.0f * clipCorner;
    g.setColour (body);
    if (rounded)
        g.fillRoundedRectangle (bounds, clipCorner);
    else
        g.fillRect (bounds);

    const auto nameBar = bounds.withHeight (std::min (nameBarHeight, bounds.getHeight()));
    const auto inner = bodyOf (bounds);
    g.setColour (look.selected ? accent.brighter (0.3f) : accent.withMultipliedBrightness (0.8f));
    if (rounded)
    {
        juce::Path bar;
        bar.addRoundedRectangle (nameBar.getX(), nameBar.getY(), nameBar.getWidth(), nameBar.getHeight(), clipCorner,
                                 clipCorner, true, true, false, false);
        g.fillPath (bar);
    }
    else
    {
        g.fillRect (nameBar);
    }
    {
        juce::Graphics::ScopedSaveState state (g);
        // Inside the rounded bottom corners by a pixel, so nothing pokes out of them.
        g.reduceClipRegion (inner.reduced (rounded ? 1.0f : 0.0f, 0.0f).withTrimmedBottom (rounded ? 1.0f : 0.0f).getSmallestIntegerContainer());

        if (look.offline)
        {
            // Hatching, as in every DAW's "media offline" look: readable even in greyscale.
            g.setColour (theme::offlineHatch.withAlpha (0.55f));
            for (float x = inner.getX() - inner.getHeight(); x < inner.getRight(); x += 9.0f)
                g.drawLine (x, inner.getBottom(), x + inner.getHeight(), inner.getY(), 1.5f);
        }
        else
        {
            if (look.peaks != nullptr)
                paintWaveform (g, clip, inner, scale, look,
                               clip.mute ? juce::Colour (0xff8a8a90) : busColour.brighter (0.55f));
            paintFades (g, clip, inner, scale);
            if (look.showGainLine && inner.getHeight() >= 12.0f && (look.selected || clip.gainDb != 0.0))
            {
                // The clip-gain line: on clips with gain, and dimly at 0 dB on selected clips (it
                // can be grabbed on any clip; the cursor shows where).
                const float y = gainLineY (clip.gainDb, inner);
                g.setColour (clip.gainDb == 0.0 ? juce::Colour (0x50ffffff) : juce::Colour (0xd0f0e060));
                g.fillRect (juce::Rectangle<int> (int (inner.getX()), int (y), int (inner.getWidth()), 1));
            }
        }
    }

    const auto outlineColour = look.selected ? juce::Colours::white : accent.brighter (0.25f).withAlpha (0.9f);
    const float thickness = look.selected ? 2.0f : 1.0f;
    g.setColour (outlineColour);
    if (rounded)
        g.drawRoundedRectangle (bounds.reduced (thickness * 0.5f), clipCorner, thickness);
    else
        g.drawRect (bounds, thickness);

    if (! look.offline && bounds.getWidth() >= 3.0f * handleSize && bounds.getHeight() >= 30.0f)
    {
        // Fade handles sit on the top edge where each fade ends, small enough to leave the name.
        g.setColour (juce::Colours::white.withAlpha (look.selected ? 0.9f : 0.45f));
        const float top = bounds.getY() + 1.0f;
        g.fillRect (juce::Rectangle<float> (fadeInHandleX (clip, bounds, scale), top, handleSize * 0.5f, handleSize * 0.5f));
        g.fillRect (juce::Rectangle<float> (fadeOutHandleX (clip, bounds, scale) - handleSize * 0.5f, top,
                                            handleSize * 0.5f, handleSize * 0.5f));
    }

    if (bounds.getWidth() >= 24.0f)
        paintName (g, clip, bounds, look);
}

void ClipPainter::paintName (juce::Graphics& g, const session::Clip& clip, juce::Rectangle<float> bounds, const Look& look)
{
    g.setColour (clip.mute && ! look.offline ? theme::textSecondary : theme::textPrimary);
    g.setFont (theme::uiFont (12.5f));
    const auto name = clip.mute ? "(muted)  " + juce::String (clip.name) : juce::String (clip.name);
    // A clip running off the left edge keeps its name in view, as in any DAW.
    const float visibleLeft = std::max (bounds.getX(), look.visibleLeft);
    const auto nameBar = bounds.withHeight (std::min (nameBarHeight, bounds.getHeight()));

    if (look.offline)
    {
        g.drawText (name, nameBar.withLeft (visibleLeft).reduced (6.0f, 0.0f), juce::Justification::centredLeft, true);
        const auto label = bodyOf (bounds).withSizeKeepingCentre (64.0f, 18.0f);
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

    if (look.peaks != nullptr)
    {
        // With a waveform the name stays in its bar: text over the wave is hard to read.
        g.drawText (name, nameBar.withLeft (visibleLeft).reduced (6.0f, 0.0f), juce::Justification::centredLeft, true);
        return;
    }

    // Without one, a long name (a dialogue line, say) wraps from the name bar into the body
    // rather than vanishing behind an ellipsis: on a dialogue track the clip names are the
    // script. Wrapping is at spaces only; only whole lines are shown.
    const auto textArea = bounds.withLeft (visibleLeft).reduced (6.0f, 1.0f).toNearestInt();
    const auto font = g.getCurrentFont();
    const int lines = juce::jmax (1, int (float (textArea.getHeight()) / font.getHeight()));
    juce::GlyphArrangement glyphs;
    glyphs.addJustifiedText (font, name, float (textArea.getX()), float (textArea.getY()) + font.getAscent() + 1.0f,
                             float (textArea.getWidth()), juce::Justification::left);
    juce::Graphics::ScopedSaveState state (g);
    g.reduceClipRegion (textArea.withHeight (int (float (lines) * font.getHeight()) + 2));
    glyphs.draw (g);
}

void ClipPainter::paintWaveform (juce::Graphics& g, const session::Clip& clip, juce::Rectangle<float> body,
                                 const TimelineScale& scale, const Look& look, juce::Colour colour)
{
    const auto& peaks = *look.peaks;
    const int channels = peaks.channels();
    if (channels <= 0 || body.getHeight() < 4.0f)
        return;

    // Only the columns that will show: the clip inside the current clip region.
    const auto visible = g.getClipBounds().toFloat().getIntersection (body);
    const int x0 = int (std::floor (visible.getX()));
    const int x1 = int (std::ceil (visible.getRight()));
    const int pixels = x1 - x0;
    if (pixels <= 0)
        return;

    // Peaks count media frames at the media's rate; the clip counts session samples.
    const double ratio = rateRatio (peaks, look.sessionRate);
    if (look.samples != nullptr && drawsSamples (scale, ratio))
    {
        paintSamples (g, clip, body, scale, look, colour, x0, x1);
        return;
    }
    const double timelineAtX0 = scale.sampleForX (float (x0));
    const double mediaStart = (double (clip.sourceOffset.samples) + timelineAtX0 - double (clip.position.samples)) * ratio;
    const double mediaSpp = scale.samplesPerPixel * ratio;
    const float gain = float (std::pow (10.0, clip.gainDb / 20.0));

    std::vector<io::PeakPair> columns (static_cast<size_t> (pixels));
    juce::RectangleList<int> bars;
    bars.ensureStorageAllocated (pixels * channels);
    const float laneHeight = body.getHeight() / float (channels);
    for (int channel = 0; channel < channels; ++channel)
    {
        peaks.overview (channel, mediaStart, mediaSpp, pixels, columns.data());
        const float centre = body.getY() + laneHeight * (float (channel) + 0.5f);
        const float half = laneHeight * 0.5f - 1.0f;
        for (int i = 0; i < pixels; ++i)
        {
            const float top = std::clamp (float (columns[size_t (i)].max) / 32767.0f * gain, -1.0f, 1.0f);
            const float bottom = std::clamp (float (columns[size_t (i)].min) / 32767.0f * gain, -1.0f, 1.0f);
            const int y1 = int (std::floor (centre - top * half));
            const int y2 = int (std::ceil (centre - bottom * half));
            bars.addWithoutMerging ({ x0 + i, y1, 1, std::max (1, y2 - y1) });
        }
    }
    g.setColour (colour.withAlpha (0.85f));
    g.fillRectList (bars);
}

void ClipPainter::paintFades (juce::Graphics& g, const session::Clip& clip, juce::Rectangle<float> body,
                              const TimelineScale& scale)
{
    const auto paintFade = [&] (const session::Fade& fade, bool isFadeIn) {
        const float width = std::min (body.getWidth(), float (double (fade.length.samples) / scale.samplesPerPixel));
        if (width < 3.0f)
            return;

        // The curve is the fade's gain g(x) from dsp::fadeGain, drawn from silence at the
        // bottom to unity at the top, so what the eye sees is what the engine plays.
        const int steps = juce::jlimit (8, 128, int (width / 2.0f));
        juce::Path curve;
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

        auto shade = curve;
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
} // namespace sprocket::app
