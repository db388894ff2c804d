#pragma once

#include "core/Error.h"
#include "session/SessionEditor.h"

#include <string>

namespace sprocket::session
{
/** The mixer's edits: a strip's fader, a track's pan, mute and solo, an insert's bypass. Each
    changes one value of one track, bus or the master through the SessionEditor, so it is one
    undoable step; each checks its input first and changes nothing when it fails. */

/** Which strip of the mixer: a track or a bus by id, or the master. */
struct StripRef
{
    enum class Kind
    {
        track,
        bus,
        master,
        vca // a VCA group's strip, by the group's id
    };

    Kind kind = Kind::track;
    std::string id; // the track's or bus's id; empty for the master

    static StripRef track (std::string id) { return { Kind::track, std::move (id) }; }
    static StripRef bus (std::string id) { return { Kind::bus, std::move (id) }; }
    static StripRef master() { return { Kind::master, {} }; }
    static StripRef vca (std::string id) { return { Kind::vca, std::move (id) }; }

    bool operator== (const StripRef&) const = default;
};

/** The fader: `gain_db` of a track, a bus, the master or a VCA, -200 .. +24 dB
    (docs/SESSION_FORMAT.md; at or below -144 dB is silence). */
core::Status setStripGain (SessionEditor&, const StripRef& strip, double gainDb);

/** A track's pan, -1 (left) .. +1 (right). */
core::Status setTrackPan (SessionEditor&, const std::string& trackId, double pan);

/** A track's mute or solo switch. */
core::Status setTrackMute (SessionEditor&, const std::string& trackId, bool mute);
core::Status setTrackSolo (SessionEditor&, const std::string& trackId, bool solo);

/** Bypasses (or re-enables) insert `index` of a track or bus (the master has no inserts). */
core::Status setInsertBypass (SessionEditor&, const StripRef& strip, size_t index, bool bypass);

/** What the strip's fader reads now (0 when there is no such strip). */
double stripGain (const Session&, const StripRef& strip);
} // namespace sprocket::session
