#include "VideoView.h"

#include "SessionMovie.h"
#include "Theme.h"

#include <cstring>

#include "session/TimelineGrid.h"

namespace sprocket::app
{
VideoView::VideoView()
{
    setOpaque (true);
}

VideoView::~VideoView() = default;

void VideoView::setSession (const session::Session& newSession)
{
    session = newSession;
    if (! session.video)
    {
        prefetcher.reset();
        openPath.clear();
        shown.reset();
        problem = "No movie: File > Import Movie...";
        repaint();
        return;
    }
    const auto path = session.resolvePath (session.video->path);
    if (path != openPath)
    {
        openPath = path;
        prefetcher.reset();
        shown.reset();
        auto opened = video::FramePrefetcher::open (path);
        if (! opened)
        {
            problem = "Movie offline: " + juce::String (opened.error().message);
            repaint();
            return;
        }
        prefetcher = std::move (*opened);
    }
    if (prefetcher == nullptr)
        return;
    auto placed = placeSessionMovie (prefetcher->info(), session, true);
    if (! placed)
    {
        problem = juce::String (placed.error().message);
        prefetcher.reset();
        repaint();
        return;
    }
    placement = *placed;
    problem.clear();
    repaint();
}

void VideoView::showPosition (int64_t newPosition, bool playing)
{
    const bool moved = newPosition != position;
    position = newPosition;
    if (prefetcher == nullptr)
    {
        if (moved)
            repaint();
        return;
    }
    wantedFrame = video::movieFrameAt ({ position }, placement);
    if (! video::isInMovie (wantedFrame, placement))
    {
        if (shown != nullptr || moved)
        {
            shown.reset();
            repaint();
        }
        return;
    }
    prefetcher->request (wantedFrame, playing ? video::PlayDirection::forward : video::PlayDirection::still);
    auto lookup = prefetcher->frameIfReady (wantedFrame);
    if (lookup.frame != nullptr && lookup.frame != shown)
    {
        shown = lookup.frame;
        image = juce::Image (juce::Image::ARGB, shown->width, shown->height, false);
        juce::Image::BitmapData bitmap (image, juce::Image::BitmapData::writeOnly);
        // The decoder writes BGRA bytes, which is JUCE's ARGB on a little-endian machine.
        for (int y = 0; y < shown->height; ++y)
            std::memcpy (bitmap.getLinePointer (y), shown->pixel (0, y), size_t (shown->stride()));
        repaint();
    }
    else if (moved)
        repaint(); // burn-in and streamer follow the position even on a held frame
}

juce::Rectangle<float> VideoView::pictureArea() const
{
    const auto bounds = getLocalBounds().toFloat();
    const float aspect = shown != nullptr && shown->height > 0 ? float (shown->width) / float (shown->height) : 16.0f / 9.0f;
    auto picture = bounds.withSizeKeepingCentre (bounds.getWidth(), bounds.getWidth() / aspect);
    if (picture.getHeight() > bounds.getHeight())
        picture = bounds.withSizeKeepingCentre (bounds.getHeight() * aspect, bounds.getHeight());
    return picture;
}

void VideoView::paint (juce::Graphics& g)
{
    g.fillAll (juce::Colours::black);
    const auto picture = pictureArea();
    if (! problem.isEmpty())
    {
        g.setColour (theme::textSecondary);
        g.setFont (theme::uiFont (16.0f));
        g.drawFittedText (problem, getLocalBounds().reduced (24), juce::Justification::centred, 4);
        return;
    }
    if (shown != nullptr && ! shown->corrupt)
        g.drawImage (image, picture, juce::RectanglePlacement::stretchToFit);
    else if (shown != nullptr)
    {
        // A damaged picture is never passed off as a good one: blank, crossed and labelled.
        g.setColour (theme::offlineBody);
        g.fillRect (picture);
        g.setColour (theme::offlineHatch);
        g.drawLine ({ picture.getTopLeft(), picture.getBottomRight() }, 2.0f);
        g.drawLine ({ picture.getBottomLeft(), picture.getTopRight() }, 2.0f);
        g.setColour (theme::textPrimary);
        g.setFont (theme::uiFont (18.0f, true));
        g.drawText ("Damaged frame " + juce::String (shown->index), picture, juce::Justification::centred);
    }
    if (session.video && session.video->burnIn)
        paintBurnIn (g, picture);
    paintStreamer (g, picture);
}

void VideoView::paintBurnIn (juce::Graphics& g, juce::Rectangle<float> picture) const
{
    const auto text = juce::String (core::formatTimecode (session::timecodeAt (session, { position }), session.frameRate));
    const auto font = theme::monoFont (std::max (14.0f, picture.getHeight() / 14.0f));
    g.setFont (font);
    const float width = float (font.getStringWidth (text)) + 16.0f, height = font.getHeight() + 8.0f;
    const auto box = juce::Rectangle<float> (width, height).withCentre ({ picture.getCentreX(), picture.getBottom() - height });
    g.setColour (juce::Colours::black.withAlpha (0.8f));
    g.fillRect (box);
    g.setColour (juce::Colours::white);
    g.drawText (text, box, juce::Justification::centred);
}

void VideoView::paintStreamer (juce::Graphics& g, juce::Rectangle<float> picture) const
{
    const auto streamer = streamerAt (session, position, streamerSettings);
    if (! streamer)
        return;
    if (streamer->punch)
    {
        // The punch: a white disc in the middle of the picture, a third of its height.
        const float size = picture.getHeight() / 3.0f;
        g.setColour (juce::Colours::white.withAlpha (0.85f));
        g.fillEllipse (juce::Rectangle<float> (size, size).withCentre (picture.getCentre()));
    }
    else
    {
        const float x = picture.getX() + float (streamer->progress) * picture.getWidth();
        const float width = std::max (4.0f, picture.getWidth() / 80.0f);
        g.setColour (juce::Colour (0xffffe14d).withAlpha (0.9f));
        g.fillRect (juce::Rectangle<float> (x - width, picture.getY(), width, picture.getHeight()));
    }
    // The cue's name on a dark plate, readable over any picture.
    const auto font = theme::uiFont (15.0f, true);
    const auto label = juce::String (streamer->cue);
    const auto plate = juce::Rectangle<float> (float (font.getStringWidth (label)) + 12.0f, 22.0f)
                           .withPosition (picture.getX() + 8.0f, picture.getBottom() - 30.0f);
    g.setColour (juce::Colours::black.withAlpha (0.8f));
    g.fillRect (plate);
    g.setColour (juce::Colours::white);
    g.setFont (font);
    g.drawText (label, plate, juce::Justification::centred);
}
} // namespace sprocket::app
