#pragma once

#include "session/Session.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sprocket::session
{
/** What one edit changed: the parts of the session it touched, before and after, so the edit
    can be undone and redone exactly. Parts are whole tracks (by id), the track list (when
    tracks are added, removed or reordered), the media pool and the markers. */
struct EditRecord
{
    std::map<std::string, Track> tracksBefore, tracksAfter;
    std::optional<std::vector<Track>> trackListBefore, trackListAfter;
    std::optional<std::vector<MediaRef>> mediaBefore, mediaAfter;
    std::optional<std::vector<Marker>> markersBefore, markersAfter;

    bool empty() const { return tracksBefore.empty() && ! trackListBefore && ! mediaBefore && ! markersBefore; }
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
