#include "EditController.h"

#include "core/Timecode.h"
#include "session/AudioImport.h"
#include "session/ClipEdits.h"
#include "session/Playlists.h"
#include "session/ShuffleEdits.h"
#include "session/TimelineGrid.h"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace sprocket::app
{
using core::makeError;
using core::SampleDuration;
using core::SamplePosition;
using core::Status;

namespace
{
    const session::Clip* findClip (const session::Session& s, const session::ClipRef& ref)
    {
        for (auto& track : s.tracks)
            if (track.id == ref.trackId)
                for (auto& clip : track.clips)
                    if (clip.id == ref.clipId)
                        return &clip;
        return nullptr;
    }

    int trackIndex (const session::Session& s, const std::string& id)
    {
        for (size_t i = 0; i < s.tracks.size(); ++i)
            if (s.tracks[i].id == id)
                return int (i);
        return -1;
    }
} // namespace

const char* editModeName (EditMode mode) noexcept
{
    switch (mode)
    {
        case EditMode::shuffle:
            return "Shuffle";
        case EditMode::spot:
            return "Spot";
        case EditMode::grid:
            return "Grid";
        case EditMode::slip:
            break;
    }
    return "Slip";
}

EditController::EditController (std::function<int64_t()> playheadSource) : playhead (std::move (playheadSource)) {}

void EditController::setDocument (Document* newDocument)
{
    document = newDocument;
    current.clear();
    selectionChanged();
}

void EditController::setSelection (EditSelection selection)
{
    current = std::move (selection);
    selectionChanged();
}

void EditController::selectionChanged()
{
    if (onSelectionChanged)
        onSelectionChanged();
}

SamplePosition EditController::place (SamplePosition position) const
{
    if (mode != EditMode::grid || document == nullptr)
        return position;
    const auto& s = document->session();
    if (gridUnit == GridUnit::beats)
        return s.tempoMap.positionOfTick (s.tempoMap.nearestGridTick (s.tempoMap.tickAt (position, s.sampleRate), 1),
                                          s.sampleRate);
    return session::snapToFrame (s, position);
}

Status EditController::needDocument() const
{
    if (document == nullptr)
        return makeError ("no session is open");
    return {};
}

Status EditController::perform (const std::string& name, const session::EditHistory::Edit& edit)
{
    if (auto ok = needDocument(); ! ok)
        return ok;
    auto status = document->perform (name, edit);
    current.dropMissing (document->session());
    return status;
}

// Selection ----------------------------------------------------------------------------------

void EditController::clickClip (const session::ClipRef& clip, bool extend)
{
    if (! extend)
    {
        current.clear();
        current.clips.push_back (clip);
    }
    else
    {
        current.trackIds.clear();
        current.range = {};
        if (auto it = std::find (current.clips.begin(), current.clips.end(), clip); it != current.clips.end())
            current.clips.erase (it);
        else
            current.clips.push_back (clip);
    }
    selectionChanged();
}

void EditController::selectRange (size_t firstTrack, size_t lastTrack, core::SampleRange range)
{
    current.clear();
    if (document != nullptr)
    {
        const auto& tracks = document->session().tracks;
        if (firstTrack > lastTrack)
            std::swap (firstTrack, lastTrack);
        for (size_t t = firstTrack; t <= lastTrack && t < tracks.size(); ++t)
            current.trackIds.push_back (tracks[t].id);
    }
    if (range.end < range.start)
        std::swap (range.start, range.end);
    current.range = range;
    selectionChanged();
}

void EditController::selectAllClips()
{
    current.clear();
    if (document != nullptr)
        for (auto& track : document->session().tracks)
            for (auto& clip : track.clips)
                current.clips.push_back ({ track.id, clip.id });
    selectionChanged();
}

const session::Clip* EditController::firstSelectedClip() const
{
    if (document == nullptr || current.clips.empty())
        return nullptr;
    return findClip (document->session(), current.clips.front());
}

std::vector<std::string> EditController::selectedTrackIdsInOrder() const
{
    std::vector<std::string> ids;
    if (document == nullptr)
        return ids;
    for (auto& track : document->session().tracks)
    {
        const bool selected =
            current.containsTrack (track.id)
            || std::any_of (current.clips.begin(), current.clips.end(), [&] (auto& ref) { return ref.trackId == track.id; });
        if (selected)
            ids.push_back (track.id);
    }
    return ids;
}

std::vector<std::string> EditController::tracksFrom (const std::string& firstTrackId, size_t count) const
{
    std::vector<std::string> ids;
    const auto& tracks = document->session().tracks;
    for (int t = std::max (0, trackIndex (document->session(), firstTrackId)); t < int (tracks.size()) && ids.size() < count; ++t)
        ids.push_back (tracks[size_t (t)].id);
    return ids;
}

// Edit menu ----------------------------------------------------------------------------------

Status EditController::undo()
{
    if (auto ok = needDocument(); ! ok)
        return ok;
    if (! document->canUndo())
        return makeError ("nothing to undo");
    if (! document->undo())
        return makeError ("cannot undo: the session is read-only");
    current.dropMissing (document->session());
    selectionChanged();
    return {};
}

Status EditController::redo()
{
    if (auto ok = needDocument(); ! ok)
        return ok;
    if (! document->canRedo())
        return makeError ("nothing to redo");
    if (! document->redo())
        return makeError ("cannot redo: the session is read-only");
    current.dropMissing (document->session());
    selectionChanged();
    return {};
}

session::Clipboard EditController::clipboardFromClips() const
{
    // The selected clips as a clipboard: one entry per track that has any, positions relative
    // to the earliest selected clip, so a paste keeps their spacing and their track layout.
    const auto& s = document->session();
    SamplePosition first { INT64_MAX }, last { INT64_MIN };
    for (auto& ref : current.clips)
        if (const auto* clip = findClip (s, ref))
        {
            first = std::min (first, clip->position);
            last = std::max (last, clip->end());
        }
    session::Clipboard board;
    board.length = last - first;
    for (auto& track : s.tracks)
    {
        session::Clipboard::Track entry;
        entry.channels = track.channels;
        for (auto& clip : track.clips)
            if (current.contains ({ track.id, clip.id }))
            {
                auto copy = clip;
                copy.position = SamplePosition {} + (clip.position - first);
                entry.clips.push_back (copy);
            }
        if (! entry.clips.empty())
            board.tracks.push_back (std::move (entry));
    }
    return board;
}

Status EditController::copy()
{
    if (auto ok = needDocument(); ! ok)
        return ok;
    if (current.hasClips())
    {
        clipboard = clipboardFromClips();
        clipboardTracks = selectedTrackIdsInOrder();
        return {};
    }
    if (current.hasRange())
    {
        clipboard = session::copyRange (document->session(), { current.trackIds, current.range });
        clipboardTracks = current.trackIds;
        return {};
    }
    return makeError ("select clips or a range to copy");
}

Status EditController::cut()
{
    if (auto ok = needDocument(); ! ok)
        return ok;
    if (current.hasClips())
    {
        auto board = clipboardFromClips();
        auto tracks = selectedTrackIdsInOrder();
        auto refs = current.clips;
        const bool shuffle = mode == EditMode::shuffle;
        auto status = perform ("Cut", [&] (session::SessionEditor& e) {
            return shuffle ? session::shuffleDeleteClips (e, refs) : session::deleteClips (e, refs);
        });
        if (status.ok())
        {
            clipboard = std::move (board);
            clipboardTracks = std::move (tracks);
        }
        selectionChanged();
        return status;
    }
    if (current.hasRange())
    {
        session::Clipboard board;
        const session::TimelineSelection range { current.trackIds, current.range };
        const bool shuffle = mode == EditMode::shuffle;
        auto status = perform ("Cut", [&] (session::SessionEditor& e) {
            return shuffle ? session::shuffleCutRange (e, range, board) : session::cutRange (e, range, board);
        });
        if (status.ok())
        {
            clipboard = std::move (board);
            clipboardTracks = current.trackIds;
            current.range.end = current.range.start; // what was cut leaves a cursor
        }
        selectionChanged();
        return status;
    }
    return makeError ("select clips or a range to cut");
}

Status EditController::paste()
{
    if (auto ok = needDocument(); ! ok)
        return ok;
    if (! clipboard)
        return makeError ("the clipboard is empty");

    // Onto the selection's first track (and the ones below it), at its start; with no range or
    // cursor, at the playhead onto the tracks it was copied from.
    std::string firstTrack = clipboardTracks.empty() ? std::string() : clipboardTracks.front();
    SamplePosition at { playhead ? playhead() : 0 };
    if (! current.trackIds.empty())
    {
        firstTrack = current.trackIds.front();
        at = current.range.start;
    }
    else if (current.hasClips())
    {
        firstTrack = selectedTrackIdsInOrder().front();
        if (const auto* clip = firstSelectedClip())
            at = clip->position;
    }
    const auto tracks = tracksFrom (firstTrack, clipboard->tracks.size());
    if (tracks.size() < clipboard->tracks.size())
        return makeError ("the clipboard holds " + std::to_string (clipboard->tracks.size())
                          + " tracks; there are not enough tracks from here down");
    const bool shuffle = mode == EditMode::shuffle;
    auto status = perform ("Paste", [&] (session::SessionEditor& e) {
        return shuffle ? session::shufflePasteAt (e, *clipboard, tracks, at) : session::pasteAt (e, *clipboard, tracks, at);
    });
    if (status.ok())
    {
        current.clear();
        current.trackIds = tracks;
        current.range = { at, at + clipboard->length };
    }
    selectionChanged();
    return status;
}

Status EditController::deleteSelection()
{
    Status status = makeError ("select clips or a range to delete");
    if (current.hasClips())
    {
        auto refs = current.clips;
        const bool shuffle = mode == EditMode::shuffle;
        status = perform ("Delete", [&] (session::SessionEditor& e) {
            return shuffle ? session::shuffleDeleteClips (e, refs) : session::deleteClips (e, refs);
        });
    }
    else if (current.hasRange())
    {
        const session::TimelineSelection range { current.trackIds, current.range };
        const bool shuffle = mode == EditMode::shuffle;
        status = perform ("Clear", [&] (session::SessionEditor& e) {
            return shuffle ? session::shuffleClearRange (e, range) : session::clearRange (e, range);
        });
        if (status.ok() && shuffle)
            current.range.end = current.range.start; // the time is gone: a cursor where it was
    }
    selectionChanged();
    return status;
}

Status EditController::duplicate()
{
    Status status = makeError ("select clips or a range to duplicate");
    if (current.hasClips())
    {
        auto refs = current.clips;
        std::vector<session::ClipRef> created;
        status = perform ("Duplicate", [&] (session::SessionEditor& e) { return session::duplicateClips (e, refs, &created); });
        if (status.ok())
            current.clips = created; // the copies are selected, so D again lays another
    }
    else if (current.hasRange())
    {
        const session::TimelineSelection range { current.trackIds, current.range };
        status = perform ("Duplicate", [&] (session::SessionEditor& e) { return session::duplicateRange (e, range); });
        if (status.ok())
            current.range = { current.range.end, current.range.end + current.range.length() };
    }
    selectionChanged();
    return status;
}

Status EditController::split()
{
    if (auto ok = needDocument(); ! ok)
        return ok;
    std::vector<std::string> tracks;
    std::vector<SamplePosition> at;
    if (! current.trackIds.empty())
    {
        tracks = current.trackIds;
        at.push_back (current.range.start);
        if (! current.range.isEmpty())
            at.push_back (current.range.end);
    }
    else
    {
        tracks = selectedTrackIdsInOrder();
        if (tracks.empty())
            for (auto& track : document->session().tracks)
                tracks.push_back (track.id);
        at.push_back ({ playhead ? playhead() : 0 });
    }
    auto status = perform ("Split", [&] (session::SessionEditor& e) {
        for (auto position : at)
            if (auto done = session::splitAt (e, tracks, position); ! done)
                return done;
        return Status {};
    });
    current.dropMissing (document->session());
    selectionChanged();
    return status;
}

Status EditController::nudge (int64_t frames)
{
    const session::NudgeValue value { session::NudgeValue::Unit::frames, double (std::abs (frames)), "" };
    return nudge (value, frames < 0 ? -1 : 1);
}

Status EditController::nudge (const session::NudgeValue& value, int direction)
{
    if (auto ok = needDocument(); ! ok)
        return ok;
    const auto& s = document->session();
    if (current.hasClips())
    {
        const auto* first = firstSelectedClip();
        if (first == nullptr)
            return makeError ("the selected clip is gone");
        const auto delta = session::nudgeBy (s, first->position, value, direction) - first->position;
        auto refs = current.clips;
        auto status = perform ("Nudge", [&] (session::SessionEditor& e) { return session::moveClips (e, refs, delta); });
        selectionChanged();
        return status;
    }
    if (! current.trackIds.empty())
    {
        // A range or cursor nudges itself, as the playhead would.
        const auto delta = session::nudgeBy (s, current.range.start, value, direction) - current.range.start;
        if (current.range.start + delta < SamplePosition {})
            return makeError ("cannot nudge before the session start");
        current.range = { current.range.start + delta, current.range.end + delta };
        selectionChanged();
        return {};
    }
    return makeError ("select clips to nudge");
}

// Clip menu ----------------------------------------------------------------------------------

Status EditController::toggleMute()
{
    if (! current.hasClips())
        return makeError ("select clips to mute");
    const auto* first = firstSelectedClip();
    const bool mute = first == nullptr || ! first->mute;
    auto refs = current.clips;
    return perform (mute ? "Mute Clips" : "Unmute Clips",
                    [&] (session::SessionEditor& e) { return session::setClipsMuted (e, refs, mute); });
}

Status EditController::setGain (double gainDb)
{
    if (! current.hasClips())
        return makeError ("select clips to change their gain");
    auto refs = current.clips;
    return perform ("Clip Gain", [&] (session::SessionEditor& e) { return session::setClipGain (e, refs, gainDb); });
}

Status EditController::adjustGain (double deltaDb)
{
    if (! current.hasClips())
        return makeError ("select clips to change their gain");
    // Each clip moves by the same amount from where it is.
    auto refs = current.clips;
    return perform ("Clip Gain", [&] (session::SessionEditor& e) {
        for (auto& ref : refs)
        {
            const auto* clip = findClip (e.session(), ref);
            if (clip == nullptr)
                return Status (makeError ("clip '" + ref.clipId + "' is gone"));
            if (auto done = session::setClipGain (e, { ref }, clip->gainDb + deltaDb); ! done)
                return done;
        }
        return Status {};
    });
}

Status EditController::rename (const std::string& name)
{
    if (! current.hasClips())
        return makeError ("select a clip to rename");
    auto ref = current.clips.front();
    return perform ("Rename Clip", [&] (session::SessionEditor& e) { return session::renameClip (e, ref, name); });
}

Status EditController::spot (const std::string& text)
{
    if (auto ok = needDocument(); ! ok)
        return ok;
    if (! current.hasClips())
        return makeError ("select a clip to spot");
    const auto& s = document->session();
    auto timecode = core::parseTimecode (text, s.frameRate);
    if (! timecode.ok())
        return timecode.error();
    auto position = session::timelinePosition (s, *timecode);
    if (! position.ok())
        return position.error();
    auto ref = current.clips.front();
    return perform ("Spot", [&] (session::SessionEditor& e) { return session::spotClip (e, ref, *position); });
}

Status EditController::spotToOriginalTime()
{
    if (auto ok = needDocument(); ! ok)
        return ok;
    if (! current.hasClips())
        return makeError ("select a clip to spot");
    auto refs = current.clips;
    const auto facts = document->mediaFacts();
    return perform ("Spot to Original Time", [&] (session::SessionEditor& e) {
        for (auto& ref : refs)
            if (auto done = session::spotClipToOriginalTime (e, ref, facts); ! done)
                return done;
        return Status {};
    });
}

bool EditController::rangeCrossesCut() const
{
    if (document == nullptr || ! current.hasRange())
        return false;
    for (auto& id : current.trackIds)
    {
        const auto t = trackIndex (document->session(), id);
        if (t < 0)
            continue;
        for (auto& clip : document->session().tracks[size_t (t)].clips)
            if (current.range.contains (clip.position) && clip.position > current.range.start)
                for (auto& other : document->session().tracks[size_t (t)].clips)
                    if (other.end() == clip.position)
                        return true;
    }
    return false;
}

Status EditController::fadeSelection (dsp::FadeShape shape)
{
    if (auto ok = needDocument(); ! ok)
        return ok;
    if (! current.hasRange())
        return makeError ("select a range over a clip's start, end or a cut to fade");
    const auto range = current.range;
    const auto trackIds = current.trackIds;
    const auto facts = document->mediaFacts();
    const auto& s = document->session();

    return perform ("Fade", [&] (session::SessionEditor& e) -> Status {
        int made = 0;
        for (auto& id : trackIds)
        {
            const auto t = trackIndex (s, id);
            if (t < 0)
                continue;
            const auto clips = e.session().tracks[size_t (t)].clips; // a copy: the edits below change them
            // A cut inside the range: a crossfade centred on it, as long as the range.
            std::optional<SamplePosition> cut;
            for (auto& clip : clips)
                if (range.contains (clip.position) && clip.position > range.start)
                    for (auto& other : clips)
                        if (other.end() == clip.position)
                            cut = clip.position;
            if (cut)
            {
                if (auto done = session::crossfadeAt (e, id, *cut, range.length(), shape, facts); ! done)
                    return done;
                ++made;
                continue;
            }
            for (auto& clip : clips)
            {
                const session::ClipRef ref { id, clip.id };
                if (range.contains (clip.position) && range.end < clip.end())
                {
                    if (auto done = session::setClipFadeIn (e, ref, { range.end - clip.position, shape }); ! done)
                        return done;
                    ++made;
                }
                else if (range.start > clip.position && range.start < clip.end() && range.end >= clip.end())
                {
                    if (auto done = session::setClipFadeOut (e, ref, { clip.end() - range.start, shape }); ! done)
                        return done;
                    ++made;
                }
            }
        }
        if (made == 0)
            return makeError ("the range covers no clip start, end or cut to fade");
        return {};
    });
}

// Tracks -------------------------------------------------------------------------------------

Status EditController::toggleTrackSwitch (const std::string& trackId, bool solo)
{
    return perform (solo ? "Solo" : "Mute", [&] (session::SessionEditor& e) -> Status {
        auto* track = e.track (trackId);
        if (track == nullptr)
            return makeError ("there is no track '" + trackId + "'");
        auto& flag = solo ? track->solo : track->mute;
        flag = ! flag;
        return {};
    });
}

namespace
{
    /** "Main 2", "Main 3"...: the first name the track does not have yet. */
    std::string nextPlaylistName (const session::Track& track)
    {
        const std::string base = track.playlistName.empty() ? session::firstPlaylistName : track.playlistName;
        const auto taken = [&] (const std::string& name) {
            if (name == track.playlistName || (track.playlistName.empty() && name == session::firstPlaylistName))
                return true;
            return std::any_of (track.alternatePlaylists.begin(), track.alternatePlaylists.end(),
                                [&] (auto& p) { return p.name == name; });
        };
        // Strip a trailing number so "Main 2" leads to "Main 3", not "Main 2 2".
        auto stem = base;
        if (const auto space = stem.find_last_of (' '); space != std::string::npos
                                                        && stem.find_first_not_of ("0123456789", space + 1) == std::string::npos
                                                        && space + 1 < stem.size())
            stem = stem.substr (0, space);
        for (int n = 2;; ++n)
            if (auto name = stem + " " + std::to_string (n); ! taken (name))
                return name;
    }

    const session::Track* trackById (const session::Session& s, const std::string& id)
    {
        for (auto& track : s.tracks)
            if (track.id == id)
                return &track;
        return nullptr;
    }
} // namespace

Status EditController::duplicatePlaylist (const std::string& trackId)
{
    if (auto ok = needDocument(); ! ok)
        return ok;
    const auto* track = trackById (document->session(), trackId);
    if (track == nullptr)
        return makeError ("there is no track '" + trackId + "'");
    const auto name = nextPlaylistName (*track);
    auto status =
        perform ("Duplicate Playlist", [&] (session::SessionEditor& e) { return session::duplicatePlaylist (e, trackId, name); });
    selectionChanged();
    return status;
}

Status EditController::newPlaylist (const std::string& trackId)
{
    if (auto ok = needDocument(); ! ok)
        return ok;
    const auto* track = trackById (document->session(), trackId);
    if (track == nullptr)
        return makeError ("there is no track '" + trackId + "'");
    const auto name = nextPlaylistName (*track);
    auto status = perform ("New Playlist", [&] (session::SessionEditor& e) { return session::newPlaylist (e, trackId, name); });
    selectionChanged();
    return status;
}

Status EditController::switchPlaylist (const std::string& trackId, const std::string& name)
{
    auto status =
        perform ("Switch Playlist", [&] (session::SessionEditor& e) { return session::switchPlaylist (e, trackId, name); });
    selectionChanged();
    return status;
}

Status EditController::importFiles (const std::vector<std::filesystem::path>& files, SamplePosition position, bool atOriginalTime,
                                    const std::filesystem::path& splitFolder, bool splitPoly)
{
    if (files.empty())
        return makeError ("no files to import");
    session::ImportOptions options;
    options.placement =
        atOriginalTime ? session::ImportOptions::Placement::atOriginalTime : session::ImportOptions::Placement::atPosition;
    options.position = position;
    options.splitFolder = splitFolder;
    options.splitPolyToMono = splitPoly;
    std::vector<std::string> created;
    auto status = perform (files.size() == 1 ? "Import Audio" : "Import " + std::to_string (files.size()) + " Files",
                           [&] (session::SessionEditor& e) { return session::importAudioFiles (e, files, options, &created); });
    if (status.ok())
    {
        // The new tracks are selected from where they landed, so a paste or a nudge can follow.
        current.clear();
        for (auto& track : document->session().tracks)
            if (std::find (created.begin(), created.end(), track.id) != created.end())
                for (auto& clip : track.clips)
                    current.clips.push_back ({ track.id, clip.id });
    }
    selectionChanged();
    return status;
}
} // namespace sprocket::app
