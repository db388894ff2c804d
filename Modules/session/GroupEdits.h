#pragma once

#include "core/Error.h"
#include "session/MixEdits.h"
#include "session/SessionEditor.h"

#include <string>
#include <vector>

namespace sprocket::session
{
/** VCAs and fader groups (docs/SESSION_FORMAT.md, *Groups*): making, changing and deleting
    them, a VCA's mute, and a fader move that carries a fader group with it. Each is one
    undoable step through the SessionEditor and changes nothing when its input is wrong (the
    same rules a loaded file is held to: members must exist, a member in one VCA at most). */

/** An id for a new group of `kind` that no group has yet: "vca1", "vca2"..., "group1"... */
std::string nextGroupId (const Session&, Group::Kind kind);

core::Status addGroup (SessionEditor&, const Group& group);
core::Status deleteGroup (SessionEditor&, const std::string& groupId);
core::Status setGroupMembers (SessionEditor&, const std::string& groupId, const std::vector<std::string>& members);
core::Status setVcaMute (SessionEditor&, const std::string& groupId, bool mute);

/** Moves a strip's fader to `gainDb` and, when the strip is in fader groups, every other
    member's fader by the same dB (relative, clamped to -144 .. +24 dB: a member at the
    bottom stays there, one near the top stops at it). A VCA or the master moves alone. */
core::Status setStripGainLinked (SessionEditor&, const StripRef& strip, double gainDb);
} // namespace sprocket::session
