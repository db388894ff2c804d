// The timeline's playlists view: a track's alternate playlists as lanes under its row, as Pro
// Tools shows them for comparing takes (AlternateLanePainter draws one; the rest is here).
#include "TimelineComponent.h"

#include "AlternateLanePainter.h"
#include "Theme.h"
#include "WaveformCache.h"

#include <algorithm>

namespace sprocket::app
{
namespace
{
    const session::Track* trackById (const session::Session& s, const std::string& id)
    {
        for (auto& track : s.tracks)
            if (track.id == id)
                return &track;
        return nullptr;
    }

    bool hasAlternate (const session::Session& s, const std::string& trackId, const std::string& playlist)
    {
        const auto* track = trackById (s, trackId);
        return track != nullptr
               && std::any_of (track->alternatePlaylists.begin(), track->alternatePlaylists.end(),
                               [&] (auto& p) { return p.name == playlist; });
    }
} // namespace

void TimelineComponent::setShowingAlternates (const std::string& trackId, bool show)
{
    if (show)
        alternatesShown.insert (trackId);
    else
    {
        alternatesShown.erase (trackId);
        auditions.erase (trackId); // a hidden lane cannot be heard: nothing shows it is on
        if (alternateSelection && alternateSelection->trackId == trackId)
            alternateSelection.reset();
    }
    updateVerticalScroll();
    repaint();
}

bool TimelineComponent::isShowingAlternates (const std::string& trackId) const
{
    return alternatesShown.contains (trackId);
}

void TimelineComponent::setAuditioning (const std::string& trackId, const std::string& playlist)
{
    if (playlist.empty())
        auditions.erase (trackId);
    else
        auditions[trackId] = playlist;
    repaint();
}

std::string TimelineComponent::auditioningOf (const std::string& trackId) const
{
    auto found = auditions.find (trackId);
    return found == auditions.end() ? std::string() : found->second;
}

void TimelineComponent::setAlternateSelection (std::optional<AlternateSelection> selected)
{
    alternateSelection = std::move (selected);
    repaint();
}

void TimelineComponent::dropMissingAlternates()
{
    // A track left with no alternates (an undone Duplicate Playlist) closes its view.
    std::erase_if (alternatesShown, [this] (const std::string& id) {
        const auto* track = trackById (session, id);
        return track == nullptr || track->alternatePlaylists.empty();
    });
    std::erase_if (auditions, [this] (const auto& entry) { return ! hasAlternate (session, entry.first, entry.second); });
    if (alternateSelection && ! hasAlternate (session, alternateSelection->trackId, alternateSelection->playlist))
        alternateSelection.reset();
}

int TimelineComponent::alternatesHeight (size_t trackIndex) const
{
    if (trackIndex >= session.tracks.size() || ! alternatesShown.contains (session.tracks[trackIndex].id))
        return 0;
    return int (session.tracks[trackIndex].alternatePlaylists.size()) * AlternateLanePainter::laneHeight;
}

juce::Rectangle<int> TimelineComponent::getAlternateLaneBounds (size_t trackIndex, size_t lane) const
{
    const auto row = getTrackHeaderBounds (trackIndex);
    return { 0, row.getBottom() + int (lane) * AlternateLanePainter::laneHeight, getLaneArea().getRight(),
             AlternateLanePainter::laneHeight };
}

juce::Rectangle<float> TimelineComponent::getAlternateClipBounds (size_t trackIndex, size_t lane, size_t clipIndex) const
{
    if (trackIndex >= session.tracks.size() || lane >= session.tracks[trackIndex].alternatePlaylists.size())
        return {};
    const auto& clips = session.tracks[trackIndex].alternatePlaylists[lane].clips;
    if (clipIndex >= clips.size())
        return {};
    const auto row = getAlternateLaneBounds (trackIndex, lane).toFloat();
    const float x1 = scale.xForSample (clips[clipIndex].position.samples);
    const float x2 = std::max (x1 + 1.0f, scale.xForSample (clips[clipIndex].end().samples));
    return { x1, row.getY() + 3.0f, x2 - x1, row.getHeight() - 6.0f };
}

TimelineComponent::Hit TimelineComponent::hitAlternates (juce::Point<float> p, int track, Hit hit) const
{
    const auto& alternates = session.tracks[size_t (track)].alternatePlaylists;
    const int lane = int ((p.y - float (getTrackHeaderBounds (size_t (track)).getBottom())) / AlternateLanePainter::laneHeight);
    if (lane < 0 || lane >= int (alternates.size()))
        return hit;
    hit.lane = lane;
    const auto bounds = getAlternateLaneBounds (size_t (track), size_t (lane));
    if (p.x >= float (headerWidth))
    {
        hit.part = Hit::Part::alternateLane;
        return hit;
    }
    const auto controls = AlternateLanePainter::controls (bounds.withWidth (headerWidth));
    const auto point = p.toInt();
    hit.part = controls.audition.contains (point) ? Hit::Part::alternateAudition
               : controls.copy.contains (point)   ? Hit::Part::alternateCopy
                                                  : Hit::Part::alternateHeader;
    return hit;
}

void TimelineComponent::paintAlternateHeaders (juce::Graphics& g, size_t trackIndex) const
{
    if (alternatesHeight (trackIndex) == 0)
        return;
    const auto& track = session.tracks[trackIndex];
    const auto lanes = getLaneArea();
    for (size_t lane = 0; lane < track.alternatePlaylists.size(); ++lane)
    {
        const auto bounds = getAlternateLaneBounds (trackIndex, lane);
        const auto& playlist = track.alternatePlaylists[lane];
        AlternateLanePainter::State state;
        state.auditioning = auditioningOf (track.id) == playlist.name;
        state.hasSelection = alternateSelection && alternateSelection->trackId == track.id
                             && alternateSelection->playlist == playlist.name && ! alternateSelection->range.isEmpty();
        AlternateLanePainter::paintBackground (g, bounds.withLeft (lanes.getX()));
        AlternateLanePainter::paintHeader (g, playlist, bounds.withWidth (headerWidth), state);
    }
}

void TimelineComponent::paintAlternateClips (juce::Graphics& g, size_t trackIndex, const ClipPainter::Look& trackLook) const
{
    if (alternatesHeight (trackIndex) == 0)
        return;
    const auto& track = session.tracks[trackIndex];
    const auto lanes = getLaneArea();
    if (! auditioningOf (track.id).empty())
    {
        // The main playlist is not heard while a lane is auditioned: dimmed like an alternate.
        const auto row = getTrackHeaderBounds (trackIndex);
        AlternateLanePainter::paintDim (g, { lanes.getX(), row.getY(), lanes.getWidth(), row.getHeight() }, {});
    }
    const auto visible = scale.visibleRange (lanes.getWidth());
    auto look = trackLook;
    look.selected = false;
    look.showGainLine = false;
    for (size_t lane = 0; lane < track.alternatePlaylists.size(); ++lane)
    {
        const auto& playlist = track.alternatePlaylists[lane];
        const auto bounds = getAlternateLaneBounds (trackIndex, lane).withLeft (lanes.getX());
        for (size_t c = 0; c < playlist.clips.size(); ++c)
        {
            const auto& clip = playlist.clips[c];
            if (clip.end() < visible.start || clip.position > visible.end)
                continue;
            look.offline = offlineMedia.count (clip.mediaId) > 0;
            look.peaks = waveforms != nullptr ? waveforms->peaksFor (clip.mediaId) : nullptr;
            const auto clipBounds = getAlternateClipBounds (trackIndex, lane, c);
            look.samples = samplesFor (clip, clipBounds, look.peaks);
            ClipPainter::paint (g, track, clip, clipBounds, scale, look);
        }
        AlternateLanePainter::State state;
        state.auditioning = auditioningOf (track.id) == playlist.name;
        AlternateLanePainter::paintDim (g, bounds, state);
        if (alternateSelection && alternateSelection->trackId == track.id && alternateSelection->playlist == playlist.name)
        {
            const float x1 = scale.xForSample (alternateSelection->range.start.samples);
            const float x2 = scale.xForSample (alternateSelection->range.end.samples);
            g.setColour (alternateSelection->range.isEmpty() ? juce::Colours::white.withAlpha (0.85f)
                                                             : juce::Colour (0x50a0c8ff));
            g.fillRect (juce::Rectangle<float> (x1 - (x2 > x1 ? 0.0f : 0.5f), float (bounds.getY()), std::max (1.0f, x2 - x1),
                                                float (bounds.getHeight())));
        }
    }
}
} // namespace sprocket::app
