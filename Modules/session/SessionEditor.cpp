#include "session/SessionEditor.h"

#include <algorithm>

namespace sprocket::session
{
Track* SessionEditor::track (const std::string& id)
{
    auto found = std::find_if (document.tracks.begin(), document.tracks.end(), [&] (auto& t) { return t.id == id; });
    if (found == document.tracks.end())
        return nullptr;
    // Once the whole list is recorded, it covers every track in it.
    if (! record.trackListBefore && ! record.tracksBefore.contains (id))
        record.tracksBefore.emplace (id, *found);
    return &*found;
}

std::vector<Track>& SessionEditor::tracks()
{
    if (! record.trackListBefore)
    {
        // Tracks handed out earlier may already have changed: their recorded state is older.
        auto list = document.tracks;
        for (auto& t : list)
            if (auto earlier = record.tracksBefore.find (t.id); earlier != record.tracksBefore.end())
                t = earlier->second;
        record.trackListBefore = std::move (list);
        record.tracksBefore.clear();
    }
    return document.tracks;
}

std::vector<MediaRef>& SessionEditor::media()
{
    if (! record.mediaBefore)
        record.mediaBefore = document.media;
    return document.media;
}

std::vector<Marker>& SessionEditor::markers()
{
    if (! record.markersBefore)
        record.markersBefore = document.markers;
    return document.markers;
}

CueLists& SessionEditor::cues()
{
    if (! record.cuesBefore)
        record.cuesBefore = document.cues;
    return document.cues;
}

core::TempoMap& SessionEditor::tempoMap()
{
    if (! record.tempoMapBefore)
        record.tempoMapBefore = document.tempoMap;
    return document.tempoMap;
}

std::optional<VideoReference>& SessionEditor::video()
{
    if (! record.videoBefore)
        record.videoBefore = document.video;
    return document.video;
}

EditRecord SessionEditor::finish()
{
    for (auto& [id, before] : record.tracksBefore)
        for (auto& t : document.tracks)
            if (t.id == id)
                record.tracksAfter.emplace (id, t);
    if (record.trackListBefore)
        record.trackListAfter = document.tracks;
    if (record.mediaBefore)
        record.mediaAfter = document.media;
    if (record.markersBefore)
        record.markersAfter = document.markers;
    if (record.cuesBefore)
        record.cuesAfter = document.cues;
    if (record.tempoMapBefore)
        record.tempoMapAfter = document.tempoMap;
    if (record.videoBefore)
        record.videoAfter = document.video;
    return std::move (record);
}

void SessionEditor::rollBack()
{
    applyRecord (document, record, true);
    record = {};
}

void applyRecord (Session& session, const EditRecord& record, bool undo)
{
    const auto& tracks = undo ? record.tracksBefore : record.tracksAfter;
    for (auto& [id, state] : tracks)
        for (auto& t : session.tracks)
            if (t.id == id)
                t = state;
    if (const auto& list = undo ? record.trackListBefore : record.trackListAfter)
        session.tracks = *list;
    if (const auto& media = undo ? record.mediaBefore : record.mediaAfter)
        session.media = *media;
    if (const auto& markers = undo ? record.markersBefore : record.markersAfter)
        session.markers = *markers;
    if (const auto& cues = undo ? record.cuesBefore : record.cuesAfter)
        session.cues = *cues;
    if (const auto& tempoMap = undo ? record.tempoMapBefore : record.tempoMapAfter)
        session.tempoMap = *tempoMap;
    if (const auto& video = undo ? record.videoBefore : record.videoAfter)
        session.video = *video;
}
} // namespace sprocket::session
