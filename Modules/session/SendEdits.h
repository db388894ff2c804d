#pragma once

#include "core/Error.h"
#include "session/MixEdits.h"
#include "session/Send.h"
#include "session/SessionEditor.h"

#include <string>

namespace sprocket::session
{
/** The mixer's send edits on a track or a bus (docs/SESSION_FORMAT.md, *Sends*; the master has
    no sends). Each changes one strip through the SessionEditor, so it is one undoable step, and
    checks everything first: a failed edit changes nothing. The overloads taking a track id are
    the track's StripRef. */

/** Adds `send` to the end of the strip's sends: its id must be new on the strip, `to` an
    existing bus (not the master) that does not feed the strip back (canSendTo), its gain
    within -144 .. +12 dB. */
core::Status addSend (SessionEditor&, const StripRef& strip, const Send& send);
core::Status addSend (SessionEditor&, const std::string& trackId, const Send& send);

/** Sets the level of the strip's send `sendId`, -144 .. +12 dB. */
core::Status setSendGain (SessionEditor&, const StripRef& strip, const std::string& sendId, double gainDb);
core::Status setSendGain (SessionEditor&, const std::string& trackId, const std::string& sendId, double gainDb);

/** Switches the strip's send `sendId` between pre-fader (true) and post-fader. */
core::Status setSendPreFader (SessionEditor&, const StripRef& strip, const std::string& sendId, bool preFader);
core::Status setSendPreFader (SessionEditor&, const std::string& trackId, const std::string& sendId, bool preFader);

/** Mutes or unmutes the strip's send `sendId`. */
core::Status setSendMute (SessionEditor&, const StripRef& strip, const std::string& sendId, bool mute);
core::Status setSendMute (SessionEditor&, const std::string& trackId, const std::string& sendId, bool mute);

/** Removes the strip's send `sendId` and its `send.<id>.gain_db` automation lane. */
core::Status removeSend (SessionEditor&, const StripRef& strip, const std::string& sendId);
core::Status removeSend (SessionEditor&, const std::string& trackId, const std::string& sendId);

/** Whether a send from `strip` to bus `busId` is allowed: the bus exists and, for a bus strip,
    is not the strip itself and does not reach it back through outputs or sends (a loop). */
bool canSendTo (const Session&, const StripRef& strip, const std::string& busId);

/** The first send id not used on the strip: "s1", "s2", ... */
std::string newSendId (const Session&, const StripRef& strip);
} // namespace sprocket::session
