#pragma once

#include "Streamers.h"

#include "session/Session.h"
#include "video/FramePrefetcher.h"
#include "video/MovieTimeline.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>

namespace sprocket::app
{
/** The picture at the playhead (View > Video Window): the session's reference movie decoded by
    a video::FramePrefetcher on its own thread, the frame shown being the one the audio position
    maps to (video::movieFrameAt, with the session's display offset). Frames are asked for ahead
    in the play direction; until the exact one is decoded the nearest earlier one stays up. A
    damaged frame is shown as a marked blank, a missing or unreadable movie as a message. With
    burn-in on, the session timecode of the frame is drawn over the picture; ADR and music cues
    get a streamer and a punch (Streamers.h). [[message thread]] */
class VideoView final : public juce::Component
{
public:
    VideoView();
    ~VideoView() override;

    /** Follows the session: opens its movie (again only when the path changes). */
    void setSession (const session::Session& session);

    /** Shows the frame for a timeline position; `playing` fetches ahead. Cheap: call it on
        every refresh. */
    void showPosition (int64_t position, bool playing);

    /** "" when the movie is playing normally; otherwise what is wrong ("offline: ..."). */
    juce::String getProblem() const { return problem; }
    /** The movie frame that should be up now and the one that is (-1: none). */
    int64_t getWantedFrame() const noexcept { return wantedFrame; }
    int64_t getShownFrame() const noexcept { return shown ? shown->index : -1; }
    bool isShownFrameCorrupt() const noexcept { return shown && shown->corrupt; }
    video::FramePrefetcher* getPrefetcher() noexcept { return prefetcher.get(); }

    void setStreamerSettings (StreamerSettings settings) { streamerSettings = settings; }

    void paint (juce::Graphics& g) override;

private:
    juce::Rectangle<float> pictureArea() const;
    void paintBurnIn (juce::Graphics& g, juce::Rectangle<float> picture) const;
    void paintStreamer (juce::Graphics& g, juce::Rectangle<float> picture) const;

    session::Session session;
    std::filesystem::path openPath;
    std::unique_ptr<video::FramePrefetcher> prefetcher;
    video::MoviePlacement placement;
    StreamerSettings streamerSettings;
    juce::String problem;
    int64_t position = 0;
    int64_t wantedFrame = -1;
    std::shared_ptr<const video::VideoFrame> shown;
    juce::Image image; // `shown` as a JUCE image
};
} // namespace sprocket::app
