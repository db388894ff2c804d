#pragma once

#include "TimelineComponent.h"

#include "session/Session.h"
#include "video/MovieTimeline.h"
#include "video/ThumbnailBuilder.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <map>
#include <memory>

namespace sprocket::app
{
/** The video track above the timeline's lanes: the movie's name in the header column and its
    pictures along the timeline, on the timeline's scale (read from it on every paint, so zoom and
    scroll need no wiring). Thumbnails (one a second of movie, at most 2,000) are made by a
    video::ThumbnailBuilder on its own thread and appear as they come; where the zoom shows more
    than one per second, the nearest earlier one repeats. Shown only while the session has a
    movie; an offline one says so across the lane. [[message thread]] */
class VideoTrackStrip final : public juce::Component, private juce::Timer
{
public:
    static constexpr int preferredHeight = 58;

    explicit VideoTrackStrip (const TimelineComponent& timeline);
    ~VideoTrackStrip() override;

    /** Follows the session's movie (restarting the thumbnails only when its path changes). */
    void setSession (const session::Session& session);
    bool hasMovie() const noexcept { return session.video.has_value(); }
    /** The session has a movie that cannot be opened (moved, renamed, unreadable). */
    bool isOffline() const noexcept { return hasMovie() && thumbnails == nullptr; }
    juce::String getProblem() const { return problem; }

    /** A double-click on an offline movie asks for it to be relinked. */
    std::function<void()> onRelinkRequest;

    double getThumbnailProgress() const;
    /** Blocks until every thumbnail is made (tests and snapshots). */
    void waitForThumbnails();
    /** How many pictures the last paint drew. */
    int getPicturesPainted() const noexcept { return picturesPainted; }

    void paint (juce::Graphics& g) override;
    void mouseDoubleClick (const juce::MouseEvent&) override;

private:
    void timerCallback() override;
    const juce::Image* imageFor (int64_t movieFrame);

    const TimelineComponent& timeline;
    session::Session session;
    std::filesystem::path openPath;
    juce::String problem;
    std::unique_ptr<video::ThumbnailBuilder> thumbnails;
    std::optional<video::MoviePlacement> placement;
    std::map<int64_t, juce::Image> images; // by the thumbnail's own frame
    TimelineScale paintedScale;
    int picturesPainted = 0;
};
} // namespace sprocket::app
