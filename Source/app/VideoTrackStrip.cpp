#include "VideoTrackStrip.h"

#include "SessionMovie.h"
#include "Theme.h"

#include <cstring>

namespace sprocket::app
{
VideoTrackStrip::VideoTrackStrip (const TimelineComponent& timelineToFollow) : timeline (timelineToFollow)
{
    setOpaque (true);
}

VideoTrackStrip::~VideoTrackStrip()
{
    stopTimer();
}

void VideoTrackStrip::setSession (const session::Session& newSession)
{
    session = newSession;
    if (! session.video)
    {
        thumbnails.reset();
        placement.reset();
        openPath.clear();
        images.clear();
        stopTimer();
        return;
    }
    const auto path = session.resolvePath (session.video->path);
    if (path != openPath)
    {
        openPath = path;
        thumbnails.reset();
        images.clear();
        problem.clear();
        // One picture a second of movie is what an editor reads at the usual zooms; a long reel
        // is thinned to 2,000 (about 16 MB of 48-pixel pictures).
        auto info = video::openMovie (path);
        if (! info)
            problem = juce::String (info.error().message);
        else
        {
            video::ThumbnailRequest request;
            request.height = preferredHeight - 10;
            const auto fps = std::max<int64_t> (1, (info->frameRatio.numerator + info->frameRatio.denominator - 1)
                                                       / info->frameRatio.denominator);
            request.spacing = std::max<int64_t> (fps, info->frameCount / 2000);
            auto started = video::ThumbnailBuilder::start (path, request);
            if (started)
                thumbnails = std::move (*started);
            else
                problem = juce::String (started.error().message);
        }
    }
    placement.reset();
    if (thumbnails != nullptr)
    {
        // The track shows where the movie is on the timeline: without the display offset.
        auto placed = placeSessionMovie (thumbnails->info(), session, false);
        if (placed)
            placement = *placed;
        else
            problem = juce::String (placed.error().message);
    }
    startTimerHz (10);
    repaint();
}

void VideoTrackStrip::mouseDoubleClick (const juce::MouseEvent&)
{
    if (isOffline() && onRelinkRequest)
        onRelinkRequest();
}

double VideoTrackStrip::getThumbnailProgress() const
{
    return thumbnails != nullptr ? thumbnails->progress() : 0.0;
}

void VideoTrackStrip::waitForThumbnails()
{
    if (thumbnails != nullptr)
        thumbnails->waitUntilFinished();
}

void VideoTrackStrip::timerCallback()
{
    // New thumbnails, or the timeline scrolled or zoomed: draw again.
    const auto& scale = timeline.getScale();
    const bool moved = scale.viewStart != paintedScale.viewStart || scale.samplesPerPixel != paintedScale.samplesPerPixel;
    if (moved || (thumbnails != nullptr && ! thumbnails->finished()) || images.size() < size_t (picturesPainted))
        repaint();
}

const juce::Image* VideoTrackStrip::imageFor (int64_t movieFrame)
{
    if (thumbnails == nullptr)
        return nullptr;
    auto frame = thumbnails->thumbnailAt (movieFrame);
    if (frame == nullptr || frame->corrupt)
        return nullptr;
    auto found = images.find (frame->index);
    if (found == images.end())
    {
        juce::Image image (juce::Image::ARGB, frame->width, frame->height, false);
        juce::Image::BitmapData bitmap (image, juce::Image::BitmapData::writeOnly);
        // BGRA bytes from the decoder are JUCE's ARGB on a little-endian machine.
        for (int y = 0; y < frame->height; ++y)
            std::memcpy (bitmap.getLinePointer (y), frame->pixel (0, y), size_t (frame->stride()));
        found = images.emplace (frame->index, std::move (image)).first;
    }
    return &found->second;
}

void VideoTrackStrip::paint (juce::Graphics& g)
{
    g.fillAll (theme::laneBackground);
    const auto lanes = timeline.getLaneArea();
    const int laneX = lanes.getX();
    const auto& scale = timeline.getScale();
    paintedScale = scale;
    picturesPainted = 0;

    // The header column, like a track's.
    auto header = getLocalBounds().withWidth (laneX);
    g.setColour (theme::headerBackground);
    g.fillRect (header);
    g.setColour (juce::Colour (0xffb0b0b8));
    g.fillRect (header.removeFromLeft (4));
    header.reduce (8, 6);
    g.setColour (theme::textPrimary);
    g.setFont (theme::uiFont (14.0f, true));
    g.drawText ("Video", header.removeFromTop (18), juce::Justification::centredLeft, true);
    g.setColour (problem.isEmpty() ? theme::textSecondary : theme::warning);
    g.setFont (theme::uiFont (12.0f));
    const auto name = juce::String (openPath.filename().string());
    g.drawText (isOffline()         ? name + " (offline)"
                : problem.isEmpty() ? name
                                    : problem,
                header, juce::Justification::topLeft, true);

    if (thumbnails == nullptr && ! problem.isEmpty())
    {
        // An offline movie: the lane says so where the pictures would be.
        auto lane = getLocalBounds().withTrimmedLeft (laneX).reduced (0, 5);
        g.setColour (theme::warning.withAlpha (0.18f));
        g.fillRect (lane);
        g.setColour (theme::warning);
        g.setFont (theme::uiFont (13.0f, true));
        g.drawText ("Movie offline: " + problem + "  (double-click or File > Relink Movie...)", lane.reduced (10, 0),
                    juce::Justification::centredLeft, true);
    }

    if (placement && thumbnails != nullptr)
    {
        const int pictureHeight = getHeight() - 10;
        const auto& info = thumbnails->info();
        const int pictureWidth =
            info.height > 0 ? std::max (8, pictureHeight * info.width / info.height) : pictureHeight * 16 / 9;
        g.saveState();
        g.reduceClipRegion (getLocalBounds().withTrimmedLeft (laneX));
        for (int x = laneX; x < getWidth(); x += pictureWidth)
        {
            const auto sample = int64_t (std::floor (scale.sampleForX (float (x))));
            const auto frame = video::movieFrameAt ({ std::max<int64_t> (0, sample) }, *placement);
            if (sample < 0 || ! video::isInMovie (frame, *placement))
                continue;
            if (const auto* image = imageFor (frame))
            {
                g.drawImage (*image, juce::Rectangle<float> (float (x), 5.0f, float (pictureWidth - 1), float (pictureHeight)),
                             juce::RectanglePlacement::stretchToFit);
                ++picturesPainted;
            }
            else
            {
                g.setColour (theme::headerBackgroundAlt);
                g.fillRect (juce::Rectangle<int> (x, 5, pictureWidth - 1, pictureHeight));
            }
        }
        g.restoreState();
    }
    g.setColour (theme::laneSeparator);
    g.drawHorizontalLine (getHeight() - 1, 0.0f, float (getWidth()));
}
} // namespace sprocket::app
