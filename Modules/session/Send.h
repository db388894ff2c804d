#pragma once

#include <string>

namespace sprocket::session
{
/** An aux send on a track: a copy of the track's signal into a bus (a reverb return, say),
    `{"id": "s1", "to": "VERB", "gain_db": -10, "pre_fader": false, "mute": false}`.
    Pro Tools' conventions (docs/SESSION_FORMAT.md, *Sends*): post-fader unless `preFader`; the
    send follows the track's pan; muting the track, or soloing another, silences its sends too. */
struct Send
{
    std::string id;      // unique within its track; automation names it "send.<id>.gain_db"
    std::string to;      // a bus id, never the master
    double gainDb = 0.0; // -144 .. +12 dB; at -144 the send is silent
    bool preFader = false;
    bool mute = false;

    bool operator== (const Send&) const = default;
};

/** The range of a send's level; at or below the low end it is silence. */
inline constexpr double minSendGainDb = -144.0;
inline constexpr double maxSendGainDb = 12.0;
} // namespace sprocket::session
