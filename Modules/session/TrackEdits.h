#pragma once

#include "core/Error.h"
#include "session/MixEdits.h"
#include "session/SessionEditor.h"

#include <string>

namespace sprocket::session
{
/** A track header's state (docs/SESSION_FORMAT.md, *Track*): its name, colour, height, record
    arm and solo safe. Each changes one track (or, for a colour, one bus) through the
    SessionEditor, so it is one undoable step; each checks its input first and changes nothing
    when it fails. */

/** A track's display name: not empty (after trimming spaces), at most 256 characters. */
core::Status renameTrack (SessionEditor&, const std::string& trackId, const std::string& name);

/** "#rrggbb" (stored lower-case), or "" for the default (the colour of the bus it feeds). A
    track, a bus or a VCA; the master has no colour. */
core::Status setStripColour (SessionEditor&, const StripRef& strip, const std::string& colour);
core::Status setTrackColour (SessionEditor&, const std::string& trackId, const std::string& colour);

/** The edit-window row height in pixels, trackHeightMin .. trackHeightMax, or 0 for the view's
    shared height. */
core::Status setTrackHeight (SessionEditor&, const std::string& trackId, int height);

core::Status setRecordArm (SessionEditor&, const std::string& trackId, bool armed);

/** Solo safe: the track is never muted by other tracks' solos (Pro Tools' cmd-click on S). */
core::Status setSoloSafe (SessionEditor&, const std::string& trackId, bool safe);
} // namespace sprocket::session
