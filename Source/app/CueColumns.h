#pragma once

#include "CueListPanel.h"

#include <vector>

namespace sprocket::app
{
/** The columns of each cue list, how each cell reads and what typing into it does:
    - a timecode cell takes session timecode; typing a start (marker, ADR in, music start)
      moves the entry and keeps its length (spotting), typing an end changes only the end;
    - an ADR status takes pending / recorded / approved / omitted (and the words CUES.md lists);
    - a music cue's duration is read-only (M:SS as on a cue sheet).
    Markers are kept in timeline order, so a spotted marker may move to another row. */
std::vector<CueColumn> markerColumns (const CueListPanel::Host& host);
std::vector<CueColumn> adrColumns (const CueListPanel::Host& host);
std::vector<CueColumn> musicColumns (const CueListPanel::Host& host);

/** Parses typed timecode at the session's rate into a timeline position, with a message that
    says what was typed and why it is not a position. */
core::Result<core::SamplePosition> typedPosition (const session::Session& session, const juce::String& typed);
juce::String timecodeText (const session::Session& session, core::SamplePosition position);
} // namespace sprocket::app
