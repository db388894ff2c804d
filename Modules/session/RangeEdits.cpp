#include "session/RangeEdits.h"

#include "session/ClipEdits.h"

#include <algorithm>

namespace sprocket::session
{
namespace
{
    using core::makeError;
    using core::SampleDuration;
    using core::SamplePosition;
    using core::SampleRange;
    using core::Status;

    /** The part of `clip` inside `range` (which must overlap it). An edge that cuts the clip
        loses the fade there; fades that no longer fit are shortened. */
    Clip pieceOf (const Clip& clip, SampleRange range)
    {
        const auto inside = clip.timelineRange().intersection (range);
        Clip piece = clip;
        piece.position = inside.start;
        piece.sourceOffset = clip.sourceOffset + (inside.start - clip.position);
        piece.length = inside.length();
        if (inside.start != clip.position)
            piece.fadeIn.length = {};
        if (inside.end != clip.end())
            piece.fadeOut.length = {};
        piece.fadeOut.length = std::min (piece.fadeOut.length, piece.length);
        piece.fadeIn.length = std::min (piece.fadeIn.length, piece.length - piece.fadeOut.length);
        return piece;
    }

    Status checkTracks (const Session& session, const std::vector<std::string>& ids)
    {
        for (auto& id : ids)
            if (std::none_of (session.tracks.begin(), session.tracks.end(), [&] (auto& t) { return t.id == id; }))
                return makeError ("there is no track '" + id + "'");
        return {};
    }

    const Track& trackOf (const Session& session, const std::string& id)
    {
        return *std::find_if (session.tracks.begin(), session.tracks.end(), [&] (auto& t) { return t.id == id; });
    }

    void sortClips (Track& track)
    {
        std::stable_sort (track.clips.begin(), track.clips.end(), [] (auto& a, auto& b) { return a.position < b.position; });
    }

    /** Cuts `range` out of a track's clips: what lies inside goes, clips crossing an edge keep
        their outside parts (one crossing both edges becomes two). */
    void clearTrack (Track& track, SampleRange range, const Session& session)
    {
        std::vector<Clip> kept;
        for (auto& clip : track.clips)
        {
            if (! clip.timelineRange().overlaps (range))
            {
                kept.push_back (clip);
                continue;
            }
            if (clip.position < range.start)
                kept.push_back (pieceOf (clip, { clip.position, range.start }));
            if (clip.end() > range.end)
            {
                auto tail = pieceOf (clip, { range.end, clip.end() });
                if (clip.position < range.start) // the head kept the id
                    tail.id = unusedClipId (session, clip.id);
                while (std::any_of (kept.begin(), kept.end(), [&] (auto& c) { return c.id == tail.id; }))
                    tail.id = unusedClipId (session, tail.id + "b");
                kept.push_back (std::move (tail));
            }
        }
        track.clips = std::move (kept);
        sortClips (track);
    }
} // namespace

Status splitAt (SessionEditor& editor, const std::vector<std::string>& trackIds, SamplePosition position)
{
    if (auto ok = checkTracks (editor.session(), trackIds); ! ok)
        return ok;
    for (auto& id : trackIds)
    {
        const auto& track = trackOf (editor.session(), id);
        const bool crossing = std::any_of (track.clips.begin(), track.clips.end(),
                                           [&] (auto& c) { return c.position < position && position < c.end(); });
        if (! crossing)
            continue;
        auto* edited = editor.track (id);
        std::vector<Clip> result;
        for (auto& clip : edited->clips)
        {
            if (! (clip.position < position && position < clip.end()))
            {
                result.push_back (clip);
                continue;
            }
            result.push_back (pieceOf (clip, { clip.position, position }));
            auto right = pieceOf (clip, { position, clip.end() });
            right.id = unusedClipId (editor.session(), clip.id);
            // Not yet in the session: make sure two splits in one track do not pick the same id.
            while (std::any_of (result.begin(), result.end(), [&] (auto& c) { return c.id == right.id; }))
                right.id = unusedClipId (editor.session(), right.id + "b");
            result.push_back (std::move (right));
        }
        edited->clips = std::move (result);
        sortClips (*edited);
    }
    return {};
}

Clipboard copyRange (const Session& session, const TimelineSelection& selection)
{
    Clipboard board;
    board.length = selection.range.length();
    for (auto& id : selection.trackIds)
    {
        Clipboard::Track copied;
        for (auto& track : session.tracks)
            if (track.id == id)
            {
                copied.channels = track.channels;
                for (auto& clip : track.clips)
                    if (clip.timelineRange().overlaps (selection.range))
                    {
                        auto piece = pieceOf (clip, selection.range);
                        piece.position = { (piece.position - selection.range.start).samples };
                        copied.clips.push_back (std::move (piece));
                    }
            }
        board.tracks.push_back (std::move (copied));
    }
    return board;
}

Status clearRange (SessionEditor& editor, const TimelineSelection& selection)
{
    if (auto ok = checkTracks (editor.session(), selection.trackIds); ! ok)
        return ok;
    if (selection.range.isEmpty())
        return {};
    for (auto& id : selection.trackIds)
    {
        const auto& track = trackOf (editor.session(), id);
        if (std::any_of (track.clips.begin(), track.clips.end(),
                         [&] (auto& c) { return c.timelineRange().overlaps (selection.range); }))
        {
            auto copy = *editor.track (id);
            clearTrack (copy, selection.range, editor.session());
            editor.track (id)->clips = std::move (copy.clips);
        }
    }
    return {};
}

Status cutRange (SessionEditor& editor, const TimelineSelection& selection, Clipboard& copied)
{
    if (auto ok = checkTracks (editor.session(), selection.trackIds); ! ok)
        return ok;
    copied = copyRange (editor.session(), selection);
    return clearRange (editor, selection);
}

Status checkPaste (const Session& session, const Clipboard& board, const std::vector<std::string>& trackIds,
                   SamplePosition position)
{
    if (auto ok = checkTracks (session, trackIds); ! ok)
        return ok;
    if (position < SamplePosition {})
        return makeError ("cannot paste before the session start");
    if (trackIds.size() < board.tracks.size())
        return makeError ("the clipboard holds " + std::to_string (board.tracks.size()) + " tracks but only "
                          + std::to_string (trackIds.size()) + " were chosen to paste onto");
    for (size_t i = 0; i < board.tracks.size(); ++i)
    {
        const auto& destination = trackOf (session, trackIds[i]);
        if (destination.channels != board.tracks[i].channels)
            return makeError ("track '" + destination.id + "' has " + std::to_string (destination.channels)
                              + " channel(s); the clipboard's track " + std::to_string (i + 1) + " has "
                              + std::to_string (board.tracks[i].channels));
        for (auto& clip : board.tracks[i].clips)
            if (session.findMedia (clip.mediaId) == nullptr)
                return makeError ("clip '" + clip.id + "' refers to media '" + clip.mediaId + "', not in this session");
    }
    return {};
}

Status pasteAt (SessionEditor& editor, const Clipboard& board, const std::vector<std::string>& trackIds, SamplePosition position)
{
    if (auto ok = checkPaste (editor.session(), board, trackIds, position); ! ok)
        return ok;
    const SampleRange range { position, position + board.length };
    for (size_t i = 0; i < board.tracks.size(); ++i)
    {
        auto copy = *editor.track (trackIds[i]);
        clearTrack (copy, range, editor.session());
        for (auto clip : board.tracks[i].clips)
        {
            clip.position = position + SampleDuration { clip.position.samples };
            clip.id = unusedClipId (editor.session(), clip.id);
            while (std::any_of (copy.clips.begin(), copy.clips.end(), [&] (auto& c) { return c.id == clip.id; }))
                clip.id = unusedClipId (editor.session(), clip.id + "p");
            copy.clips.push_back (std::move (clip));
        }
        sortClips (copy);
        editor.track (trackIds[i])->clips = std::move (copy.clips);
    }
    return {};
}

Status duplicateRange (SessionEditor& editor, const TimelineSelection& selection)
{
    if (auto ok = checkTracks (editor.session(), selection.trackIds); ! ok)
        return ok;
    if (selection.range.isEmpty())
        return {};
    return pasteAt (editor, copyRange (editor.session(), selection), selection.trackIds, selection.range.end);
}
} // namespace sprocket::session
