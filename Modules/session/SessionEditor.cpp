#include "session/SessionEditor.h"

#include <algorithm>

namespace sprocket::session
{
namespace
{
    /** Keeps a part's state the first time an edit asks for it, and hands the part out. */
    template <typename Part>
    Part& recordBefore (PartChange<Part>& change, Part& part)
    {
        if (! change.before)
            change.before = part;
        return part;
    }

    /** Calls f (change, part) for each part that is recorded whole (all but the tracks). */
    template <typename Record, typename Document, typename Function>
    void forEachWholePart (Record& record, Document& document, Function&& f)
    {
        f (record.media, document.media);
        f (record.markers, document.markers);
        f (record.cues, document.cues);
        f (record.tempoMap, document.tempoMap);
        f (record.video, document.video);
        f (record.frameRate, document.frameRate);
        f (record.startTimecode, document.startTimecode);
        f (record.buses, document.buses);
        f (record.master, document.master);
        f (record.groups, document.groups);
    }
} // namespace

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
    return recordBefore (record.media, document.media);
}

std::vector<Marker>& SessionEditor::markers()
{
    return recordBefore (record.markers, document.markers);
}

CueLists& SessionEditor::cues()
{
    return recordBefore (record.cues, document.cues);
}

core::TempoMap& SessionEditor::tempoMap()
{
    return recordBefore (record.tempoMap, document.tempoMap);
}

std::optional<VideoReference>& SessionEditor::video()
{
    return recordBefore (record.video, document.video);
}

core::FrameRate& SessionEditor::frameRate()
{
    return recordBefore (record.frameRate, document.frameRate);
}

core::Timecode& SessionEditor::startTimecode()
{
    return recordBefore (record.startTimecode, document.startTimecode);
}

std::vector<Bus>& SessionEditor::buses()
{
    return recordBefore (record.buses, document.buses);
}

std::vector<Group>& SessionEditor::groups()
{
    return recordBefore (record.groups, document.groups);
}

Master& SessionEditor::master()
{
    return recordBefore (record.master, document.master);
}

EditRecord SessionEditor::finish()
{
    for (auto& [id, before] : record.tracksBefore)
        for (auto& t : document.tracks)
            if (t.id == id)
                record.tracksAfter.emplace (id, t);
    if (record.trackListBefore)
        record.trackListAfter = document.tracks;
    forEachWholePart (record, document, [] (auto& change, const auto& part) {
        if (change.before)
            change.after = part;
    });
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
    forEachWholePart (record, session, [undo] (const auto& change, auto& part) {
        if (const auto& state = undo ? change.before : change.after)
            part = *state;
    });
}
} // namespace sprocket::session
