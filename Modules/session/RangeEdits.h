#pragma once

#include "core/Error.h"
#include "session/SessionEditor.h"

#include <string>
#include <vector>

namespace sprocket::session
{
/** A range of time across some tracks: what an editor selects with the selector tool. */
struct TimelineSelection
{
    std::vector<std::string> trackIds;
    core::SampleRange range;
};

/** Clips copied from a selection, one list per selected track, with positions relative to the
    start of the range (the part of each clip inside it). */
struct Clipboard
{
    struct Track
    {
        int channels = 1;
        std::vector<Clip> clips;
    };

    core::SampleDuration length;
    std::vector<Track> tracks;
};

/** Splits every clip on these tracks that spans `position` in two (both halves keep their
    outer fades; the inner ends get none). */
core::Status splitAt (SessionEditor&, const std::vector<std::string>& trackIds, core::SamplePosition position);

/** The part of the selection's clips inside its range. */
Clipboard copyRange (const Session&, const TimelineSelection&);
/** Removes everything inside the range, trimming clips that cross its edges. */
core::Status clearRange (SessionEditor&, const TimelineSelection&);
/** copyRange, then clearRange. */
core::Status cutRange (SessionEditor&, const TimelineSelection&, Clipboard& copied);
/** Whether pasteAt (or shufflePasteAt) can paste `board` onto `trackIds` at `position`: the
    tracks exist, there are enough of them, their channel counts match the clipboard's track for
    track, its media are in the session and `position` is not before the session start. */
core::Status checkPaste (const Session&, const Clipboard&, const std::vector<std::string>& trackIds,
                         core::SamplePosition position);
/** Pastes onto `trackIds` (the clipboard's first track onto the first id, and so on) at
    `position`, replacing what was there over the clipboard's length, as Pro Tools does. The
    channel counts must match track for track. */
core::Status pasteAt (SessionEditor&, const Clipboard&, const std::vector<std::string>& trackIds, core::SamplePosition position);
/** Pastes a copy of the selection right after it (Pro Tools' Duplicate on a range). */
core::Status duplicateRange (SessionEditor&, const TimelineSelection&);
} // namespace sprocket::session
