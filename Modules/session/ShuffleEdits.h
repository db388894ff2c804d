#pragma once

#include "core/Error.h"
#include "session/ClipEdits.h"
#include "session/RangeEdits.h"

#include <string>
#include <vector>

namespace sprocket::session
{
/** Pro Tools' Shuffle mode: on the tracks an edit touches, clips stay butted together. Taking
    time out of a track (deleting a clip, clearing a range, trimming a clip shorter) moves every
    later clip on it earlier by that much; putting time in (pasting, trimming longer, dropping a
    moved clip) moves them later. Other tracks and the markers stay where they are.

    Automation follows the edit (Pro Tools' "automation follows edit", on by default): every
    lane of a shuffled track loses the removed time and gains the inserted time
    (AutomationRipple), so each breakpoint stays on the audio it was written against; a clip
    moved within its track takes its stretch of automation with it. A clip moved to another
    track leaves its breakpoints (the lanes of both tracks still close and open the time).

    Each is one step for EditHistory::perform and checks everything before changing anything;
    errors name the clip or track. [[message thread]] */

/** Deletes the clips; on each of their tracks the later clips move earlier by the deleted
    clip's length (less when one of them started inside the deleted clip, a crossfade: then just
    enough to bring it to the deleted clip's start, so nothing moves before it). */
core::Status shuffleDeleteClips (SessionEditor&, const std::vector<ClipRef>&);

/** Clears the range on the selection's tracks (clips crossing an edge are cut there) and moves
    everything after it earlier by its length, on every selected track. */
core::Status shuffleClearRange (SessionEditor&, const TimelineSelection&);
/** copyRange, then shuffleClearRange. */
core::Status shuffleCutRange (SessionEditor&, const TimelineSelection&, Clipboard& copied);

/** Inserts the clipboard at `position` on `trackIds` (as pasteAt chooses them): a clip across
    `position` is split there, and everything from `position` on moves later by the clipboard's
    length, so nothing is replaced. */
core::Status shufflePasteAt (SessionEditor&, const Clipboard&, const std::vector<std::string>& trackIds,
                             core::SamplePosition position);

/** Trims the clip's start as trimClipStart would choose it (within the media, at least one
    sample left), but the clip keeps its place: its audio and every later clip on the track move
    by what was trimmed (earlier when shortened, later when lengthened). */
core::Status shuffleTrimClipStart (SessionEditor&, const ClipRef&, core::SamplePosition newStart, const MediaFactsLookup&);
/** Trims the clip's end as trimClipEnd would, moving every later clip on the track by the
    change in length. */
core::Status shuffleTrimClipEnd (SessionEditor&, const ClipRef&, core::SamplePosition newEnd, const MediaFactsLookup&);

/** Moves the clip by dragging it in Shuffle mode: it leaves its place (the clips after it close
    up, as shuffleDeleteClips) and drops into `trackId` (its own or another of the same width)
    before the first clip whose middle lies after the middle it would have at `droppedAt`, or
    after the last clip, pushing the clips from there on later by its length; on an empty track
    it lands at `droppedAt`. Dropped back into its own place, nothing changes. */
core::Status shuffleMoveClip (SessionEditor&, const ClipRef&, const std::string& trackId, core::SamplePosition droppedAt);
} // namespace sprocket::session
