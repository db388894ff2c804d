#include "session/ShuffleEdits.h"

#include "session/AutomationRipple.h"

#include <algorithm>
#include <map>

namespace sprocket::session
{
namespace
{
    using core::makeError;
    using core::SampleDuration;
    using core::SamplePosition;
    using core::SampleRange;
    using core::Status;

    const Clip* findClip (const Session& session, const ClipRef& ref)
    {
        if (const auto* track = session.findTrack (ref.trackId))
            for (auto& clip : track->clips)
                if (clip.id == ref.clipId)
                    return &clip;
        return nullptr;
    }

    Status missing (const ClipRef& ref)
    {
        return makeError ("there is no clip '" + ref.clipId + "' on track '" + ref.trackId + "'");
    }

    Clip* clipIn (Track& track, const std::string& id)
    {
        for (auto& clip : track.clips)
            if (clip.id == id)
                return &clip;
        return nullptr;
    }

    void sortClips (Track& track)
    {
        std::stable_sort (track.clips.begin(), track.clips.end(), [] (auto& a, auto& b) { return a.position < b.position; });
    }

    /** The clips on `track` after `clip` (starting later), but for `clip` itself. */
    template <typename TrackType, typename Visit>
    void forLaterClips (TrackType& track, const std::string& clipId, SamplePosition start, Visit&& visit)
    {
        for (auto& clip : track.clips)
            if (clip.id != clipId && clip.position > start)
                visit (clip);
    }

    /** How far the clips after a clip at `start` of `length` close up when it goes: its
        length, or less when one of them starts inside it. */
    SampleDuration closingShift (const Track& track, const std::string& clipId, SamplePosition start, SampleDuration length)
    {
        auto shift = length;
        forLaterClips (track, clipId, start, [&] (const Clip& clip) { shift = std::min (shift, clip.position - start); });
        return shift;
    }

    void removeTime (Track& track, SamplePosition start, SampleDuration length)
    {
        if (length <= SampleDuration {})
            return;
        for (auto& [key, lane] : track.automation)
            lane = laneWithTimeRemoved (lane, start.samples, (start + length).samples);
    }

    void insertTime (Track& track, SamplePosition at, SampleDuration length, const Automation* pieces = nullptr)
    {
        if (length <= SampleDuration {})
            return;
        for (auto& [key, lane] : track.automation)
        {
            const AutomationLane* piece = nullptr;
            if (pieces != nullptr)
                if (auto found = pieces->find (key); found != pieces->end())
                    piece = &found->second;
            lane = laneWithTimeInserted (lane, at.samples, length.samples, piece);
        }
    }

    /** Whether anything on the track (a clip reaching past `from`, a breakpoint at or after
        it) would move when time changes at `from`. */
    bool anythingFrom (const Track& track, SamplePosition from)
    {
        for (auto& clip : track.clips)
            if (clip.end() > from)
                return true;
        for (auto& [key, lane] : track.automation)
            if (! lane.empty() && lane.back().position >= from.samples)
                return true;
        return false;
    }

    core::Result<MediaFacts> factsFor (const Clip& clip, const MediaFactsLookup& lookup)
    {
        auto facts = lookup ? lookup (clip.mediaId) : std::nullopt;
        if (! facts)
            return makeError ("media '" + clip.mediaId + "' of clip '" + clip.id + "' cannot be read");
        return *facts;
    }

    /** Checks that moving the clips after `clip` by `delta` keeps them at or after the
        session start. */
    Status checkLaterShift (const Track& track, const Clip& clip, SampleDuration delta)
    {
        Status status;
        forLaterClips (track, clip.id, clip.position, [&] (const Clip& later) {
            if (status.ok() && later.position + delta < SamplePosition {})
                status = makeError ("trimming clip '" + clip.id + "' would move clip '" + later.id + "' on track '" + track.id
                                    + "' before the session start");
        });
        return status;
    }
} // namespace

Status shuffleDeleteClips (SessionEditor& editor, const std::vector<ClipRef>& refs)
{
    std::map<std::string, std::vector<std::string>> byTrack;
    for (auto& ref : refs)
    {
        if (findClip (editor.session(), ref) == nullptr)
            return missing (ref);
        auto& ids = byTrack[ref.trackId];
        if (std::find (ids.begin(), ids.end(), ref.clipId) == ids.end())
            ids.push_back (ref.clipId);
    }
    for (auto& [trackId, ids] : byTrack)
    {
        auto* track = editor.track (trackId);
        // The latest first, so each closing up leaves the earlier ones where they were.
        std::sort (ids.begin(), ids.end(),
                   [&] (auto& a, auto& b) { return clipIn (*track, a)->position > clipIn (*track, b)->position; });
        for (auto& id : ids)
        {
            const auto gone = *clipIn (*track, id);
            const auto shift = closingShift (*track, id, gone.position, gone.length);
            forLaterClips (*track, id, gone.position, [&] (Clip& clip) { clip.position = clip.position - shift; });
            auto& clips = track->clips;
            clips.erase (std::remove_if (clips.begin(), clips.end(), [&] (auto& c) { return c.id == id; }), clips.end());
            removeTime (*track, gone.position, shift);
        }
        sortClips (*track);
    }
    return {};
}

Status shuffleClearRange (SessionEditor& editor, const TimelineSelection& selection)
{
    for (auto& id : selection.trackIds)
        if (editor.session().findTrack (id) == nullptr)
            return makeError ("there is no track '" + id + "'");
    const auto range = selection.range;
    if (range.isEmpty())
        return {};
    std::vector<std::string> done;
    for (auto& id : selection.trackIds)
    {
        if (std::find (done.begin(), done.end(), id) != done.end())
            continue;
        done.push_back (id);
        if (! anythingFrom (*editor.session().findTrack (id), range.start))
            continue;
        if (auto cleared = clearRange (editor, { { id }, range }); ! cleared)
            return cleared;
        auto* track = editor.track (id);
        for (auto& clip : track->clips)
            if (clip.position >= range.end)
                clip.position = clip.position - range.length();
        removeTime (*track, range.start, range.length());
        sortClips (*track);
    }
    return {};
}

Status shuffleCutRange (SessionEditor& editor, const TimelineSelection& selection, Clipboard& copied)
{
    for (auto& id : selection.trackIds)
        if (editor.session().findTrack (id) == nullptr)
            return makeError ("there is no track '" + id + "'");
    copied = copyRange (editor.session(), selection);
    return shuffleClearRange (editor, selection);
}

Status shufflePasteAt (SessionEditor& editor, const Clipboard& board, const std::vector<std::string>& trackIds,
                       SamplePosition position)
{
    if (auto ok = checkPaste (editor.session(), board, trackIds, position); ! ok)
        return ok;
    if (board.length > SampleDuration {})
        for (size_t i = 0; i < board.tracks.size(); ++i)
        {
            const auto& id = trackIds[i];
            if (! anythingFrom (*editor.session().findTrack (id), position))
                continue;
            if (auto split = splitAt (editor, { id }, position); ! split)
                return split;
            auto* track = editor.track (id);
            for (auto& clip : track->clips)
                if (clip.position >= position)
                    clip.position = clip.position + board.length;
            insertTime (*track, position, board.length);
        }
    // The clipboard's stretch is empty now: pasting there replaces nothing.
    return pasteAt (editor, board, trackIds, position);
}

Status shuffleTrimClipStart (SessionEditor& editor, const ClipRef& ref, SamplePosition newStart, const MediaFactsLookup& lookup)
{
    const auto* found = findClip (editor.session(), ref);
    if (found == nullptr)
        return missing (ref);
    const auto clip = *found;
    // The limits trimClipStart keeps: the media's first sample (or the session start) and one
    // sample before the end.
    const auto earliest = std::max (SamplePosition {}, clip.position - clip.sourceOffset);
    if (newStart < earliest)
    {
        if (auto facts = factsFor (clip, lookup); ! facts)
            return facts.error();
        newStart = earliest;
    }
    newStart = std::min (newStart, clip.end() - SampleDuration { 1 });
    const auto trimmed = newStart - clip.position; // > 0: shorter, the audio after moves earlier
    if (trimmed == SampleDuration {})
        return {};
    const auto& track = *editor.session().findTrack (ref.trackId);
    if (auto ok = checkLaterShift (track, clip, SampleDuration {} - trimmed); ! ok)
        return ok;

    if (auto done = trimClipStart (editor, ref, newStart, lookup); ! done)
        return done;
    auto* edited = editor.track (ref.trackId);
    clipIn (*edited, ref.clipId)->position = clip.position;
    forLaterClips (*edited, ref.clipId, clip.position, [&] (Clip& later) { later.position = later.position - trimmed; });
    if (trimmed > SampleDuration {})
        removeTime (*edited, clip.position, trimmed);
    else
        insertTime (*edited, clip.position, SampleDuration {} - trimmed);
    sortClips (*edited);
    return {};
}

Status shuffleTrimClipEnd (SessionEditor& editor, const ClipRef& ref, SamplePosition newEnd, const MediaFactsLookup& lookup)
{
    const auto* found = findClip (editor.session(), ref);
    if (found == nullptr)
        return missing (ref);
    const auto clip = *found;
    newEnd = std::max (newEnd, clip.position + SampleDuration { 1 });
    if (newEnd > clip.end())
    {
        auto facts = factsFor (clip, lookup);
        if (! facts)
            return facts.error();
        newEnd = std::min (newEnd, clip.position + SampleDuration { facts->length - clip.sourceOffset.samples });
    }
    const auto change = newEnd - clip.end(); // > 0: longer, the clips after move later
    if (change == SampleDuration {})
        return {};
    const auto& track = *editor.session().findTrack (ref.trackId);
    if (auto ok = checkLaterShift (track, clip, change); ! ok)
        return ok;

    if (auto done = trimClipEnd (editor, ref, newEnd, lookup); ! done)
        return done;
    auto* edited = editor.track (ref.trackId);
    forLaterClips (*edited, ref.clipId, clip.position, [&] (Clip& later) { later.position = later.position + change; });
    if (change < SampleDuration {})
        removeTime (*edited, newEnd, SampleDuration {} - change);
    else
        insertTime (*edited, clip.end(), change);
    sortClips (*edited);
    return {};
}

Status shuffleMoveClip (SessionEditor& editor, const ClipRef& ref, const std::string& trackId, SamplePosition droppedAt)
{
    const auto* found = findClip (editor.session(), ref);
    if (found == nullptr)
        return missing (ref);
    const auto clip = *found;
    const auto* destination = editor.session().findTrack (trackId);
    if (destination == nullptr)
        return makeError ("there is no track '" + trackId + "'");
    const auto& source = *editor.session().findTrack (ref.trackId);
    if (destination->channels != source.channels)
        return makeError ("clip '" + ref.clipId + "' has " + std::to_string (source.channels) + " channel(s) but track '"
                          + trackId + "' has " + std::to_string (destination->channels));
    if (droppedAt < SamplePosition {})
        return makeError ("cannot move clip '" + ref.clipId + "' before the session start");

    // Where it drops: before the first clip whose middle is after its own (in doubled samples,
    // so odd lengths compare exactly).
    const auto middle2 = [] (SamplePosition start, SampleDuration length) { return 2 * start.samples + length.samples; };
    const bool sameTrack = trackId == ref.trackId;
    std::vector<std::string> others;
    size_t slot = 0, ownSlot = 0;
    for (auto& other : destination->clips)
    {
        if (other.id == ref.clipId)
        {
            ownSlot = others.size();
            continue;
        }
        if (middle2 (other.position, other.length) <= middle2 (droppedAt, clip.length))
            slot = others.size() + 1;
        others.push_back (other.id);
    }
    if (sameTrack && slot == ownSlot)
        return {}; // dropped back into its own place

    // Out of its place: the clips after it close up, and its automation comes along when it
    // stays on its track.
    Automation pieces;
    if (sameTrack)
        for (auto& [key, lane] : source.automation)
            pieces[key] = lanePiece (lane, clip.position.samples, clip.end().samples);
    auto* from = editor.track (ref.trackId);
    const auto shift = closingShift (*from, clip.id, clip.position, clip.length);
    forLaterClips (*from, clip.id, clip.position, [&] (Clip& later) { later.position = later.position - shift; });
    from->clips.erase (std::remove_if (from->clips.begin(), from->clips.end(), [&] (auto& c) { return c.id == clip.id; }),
                       from->clips.end());
    removeTime (*from, clip.position, shift);
    sortClips (*from);

    // Into its new place: the clips from there on make room.
    auto* to = editor.track (trackId);
    auto moved = clip;
    if (others.empty())
        moved.position = droppedAt;
    else if (slot < others.size())
        moved.position = clipIn (*to, others[slot])->position;
    else
    {
        moved.position = {};
        for (auto& id : others)
            moved.position = std::max (moved.position, clipIn (*to, id)->end());
    }
    if (! others.empty())
    {
        for (auto& other : to->clips)
            if (other.position >= moved.position)
                other.position = other.position + clip.length;
        insertTime (*to, moved.position, clip.length, sameTrack ? &pieces : nullptr);
    }
    to->clips.push_back (std::move (moved));
    sortClips (*to);
    return {};
}
} // namespace sprocket::session
