#pragma once

#include "core/Error.h"
#include "core/FrameRate.h"
#include "session/SessionEditor.h"

namespace sprocket::session
{
/** Changes the session's timecode rate, as Pro Tools' Session Setup does. Positions are samples
    from the session start, so clips, markers, cues and automation stay where they are in time;
    what changes is the labels they read. The start timecode keeps its label (01:00:00:00 stays
    01:00:00:00; a label the new rate lacks becomes the nearest, core::relabelTimecode), and so
    does the movie's start timecode when the session sets one. Undoable as one step. */
core::Status changeFrameRate (SessionEditor& editor, core::FrameRate rate);
} // namespace sprocket::session
