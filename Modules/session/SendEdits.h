#pragma once

#include "core/Error.h"
#include "session/Send.h"
#include "session/SessionEditor.h"

#include <string>

namespace sprocket::session
{
/** The mixer's send edits on a track (docs/SESSION_FORMAT.md, *Sends*). Each changes one track
    through the SessionEditor, so it is one undoable step, and checks everything first: a failed
    edit changes nothing. */

/** Adds `send` to the end of the track's sends: its id must be new on the track, `to` an
    existing bus (not the master), its gain within -144 .. +12 dB. */
core::Status addSend (SessionEditor&, const std::string& trackId, const Send& send);

/** Sets the level of the track's send `sendId`, -144 .. +12 dB. */
core::Status setSendGain (SessionEditor&, const std::string& trackId, const std::string& sendId, double gainDb);

/** Switches the track's send `sendId` between pre-fader (true) and post-fader. */
core::Status setSendPreFader (SessionEditor&, const std::string& trackId, const std::string& sendId, bool preFader);

/** Mutes or unmutes the track's send `sendId`. */
core::Status setSendMute (SessionEditor&, const std::string& trackId, const std::string& sendId, bool mute);

/** Removes the track's send `sendId` and its `send.<id>.gain_db` automation lane. */
core::Status removeSend (SessionEditor&, const std::string& trackId, const std::string& sendId);
} // namespace sprocket::session
