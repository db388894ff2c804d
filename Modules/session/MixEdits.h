#pragma once

#include "core/Error.h"
#include "session/SessionEditor.h"
#include "session/StripRef.h"

#include <string>

namespace sprocket::session
{
/** The mixer's edits: a strip's fader, a track's pan, mute and solo, an insert's bypass. Each
    changes one value of one track, bus or the master through the SessionEditor, so it is one
    undoable step; each checks its input first and changes nothing when it fails. */

/** The fader: `gain_db` of a track, a bus, the master or a VCA, -200 .. +24 dB
    (docs/SESSION_FORMAT.md; at or below -144 dB is silence). */
core::Status setStripGain (SessionEditor&, const StripRef& strip, double gainDb);

/** A track's pan, -1 (left) .. +1 (right). */
core::Status setTrackPan (SessionEditor&, const std::string& trackId, double pan);

/** A track's place in a surround room (docs/SESSION_FORMAT.md, *Surround pan*): x and y
    -1 .. +1, divergence 0 .. 1, centre_percent 0 .. 100, lfe_db -200 .. +24. */
core::Status setTrackSurroundPan (SessionEditor&, const std::string& trackId, const SurroundPan& position);

/** A track's mute or solo switch. */
core::Status setTrackMute (SessionEditor&, const std::string& trackId, bool mute);
core::Status setTrackSolo (SessionEditor&, const std::string& trackId, bool solo);

/** Bypasses (or re-enables) insert `index` of a track or bus (the master has no inserts). */
core::Status setInsertBypass (SessionEditor&, const StripRef& strip, size_t index, bool bypass);

/** What the strip's fader reads now (0 when there is no such strip). */
double stripGain (const Session&, const StripRef& strip);
} // namespace sprocket::session
