#pragma once

#include "session/Session.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sprocket::session
{
/** One whole part of the session as an edit found it and left it (empty: untouched). */
template <typename Part>
struct PartChange
{
    std::optional<Part> before, after;
};

/** What one edit changed: the parts of the session it touched, before and after, so the edit
    can be undone and redone exactly. Parts are whole tracks (by id), the track list (when
    tracks are added, removed or reordered), the media pool, the markers, the cue lists, the
    tempo map, the movie, the session's timecode (rate and start), the bus list, the master and
    the groups. */
struct EditRecord
{
    std::map<std::string, Track> tracksBefore, tracksAfter;
    std::optional<std::vector<Track>> trackListBefore, trackListAfter;
    PartChange<std::vector<MediaRef>> media;
    PartChange<std::vector<Marker>> markers;
    PartChange<CueLists> cues;
    PartChange<core::TempoMap> tempoMap;
    PartChange<std::optional<VideoReference>> video;
    PartChange<core::FrameRate> frameRate;
    PartChange<core::Timecode> startTimecode;
    PartChange<std::vector<Bus>> buses;
    PartChange<Master> master;
    PartChange<std::vector<Group>> groups;

    bool empty() const
    {
        return tracksBefore.empty() && ! trackListBefore && ! media.before && ! markers.before && ! cues.before
               && ! tempoMap.before && ! video.before && ! frameRate.before && ! startTimecode.before && ! buses.before
               && ! master.before && ! groups.before;
    }
};

/** The only way an edit writes the session: each accessor first records the part it hands
    out, so EditHistory can put it back. Read freely through session(). [[message thread]] */
class SessionEditor
{
public:
    explicit SessionEditor (Session& session) : document (session) {}

    const Session& session() const { return document; }

    /** A track to change, or null if there is none with that id. */
    Track* track (const std::string& id);
    /** The whole track list, to add, remove or reorder tracks. */
    std::vector<Track>& tracks();
    std::vector<MediaRef>& media();
    std::vector<Marker>& markers();
    CueLists& cues();
    core::TempoMap& tempoMap();
    std::optional<VideoReference>& video();
    core::FrameRate& frameRate();
    core::Timecode& startTimecode();
    /** The buses (a mixer's bus strips) and the master, each recorded whole. */
    std::vector<Bus>& buses();
    Master& master();
    /** The VCAs and fader groups, recorded whole. */
    std::vector<Group>& groups();

    /** Finishes the record: the after-state of everything touched. */
    EditRecord finish();
    /** Puts everything touched back as it was (an edit that failed half way). */
    void rollBack();

private:
    Session& document;
    EditRecord record;
};

/** Restores the before- (undo) or after-state (redo) of a record. */
void applyRecord (Session& session, const EditRecord& record, bool undo);
} // namespace sprocket::session
