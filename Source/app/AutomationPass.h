#pragma once

#include "session/AutomationEdits.h"
#include "session/AutomationRecorder.h"
#include "session/Session.h"
#include "session/StripRef.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace sprocket::app
{
/** One playback pass of automation writing from the mixer's controls, Pro Tools' way: each
    strip's automation mode (touch, latch, write, trim) decides what a fader or pan move
    during playback writes; off and read write nothing. One session::AutomationRecorder per
    control that writes, fed the gesture stamped with the playhead; at stop the new lanes come
    back together, for the window to store as one undoable edit.

    What plays meanwhile: a control being written plays its own value (its lane is set aside
    in the session the pass hands to playback); in trim mode the lane plays offset by the
    control's move. After a touch-mode release the lane plays again at once (the written
    AutoMatch glide is heard from the next pass on).
    Trim: the fader shows the lane's value, and the offset written is how far the fader moved
    from where it was at the touch. [[message thread]] */
class AutomationPass
{
public:
    /** The transport started at `position`: strips in write mode start writing volume (and a
        track's pan) from here, at the values their controls show. */
    void begin (const session::Session& session, int64_t position);
    bool isActive() const noexcept { return active; }
    int64_t startPosition() const noexcept { return start; }

    /** A control of `strip` (key "gain_db" or "pan") moved to `value` (dB, or -1..1) with the
        playhead at `position`; a move counts as a touch. False when the pass is not running
        or the strip's mode does not write: the move is then an ordinary edit. */
    bool move (const session::Session& session, const session::StripRef& strip, const std::string& key, int64_t position,
               double value);
    /** The control was let go. False as for move(). */
    bool release (const session::StripRef& strip, const std::string& key, int64_t position);

    /** `session` as it should play now: controls being written play their values. */
    session::Session playing (const session::Session& session) const;

    /** The value a written control holds now (the fader shows it rather than the lane). */
    std::optional<double> heldValue (const session::StripRef& strip, const std::string& key) const;

    /** (strip id, key) of every lane being written now: the timeline draws them red. */
    std::set<std::pair<std::string, std::string>> writingLanes() const;

    using WrittenLane = session::StripLane;
    /** The transport stopped at `position`: every lane the pass wrote (none when nothing
        was written), and the pass is over. */
    std::vector<WrittenLane> end (int64_t position);

private:
    struct Control
    {
        session::StripRef strip;
        std::string key;
        session::AutomationMode mode;
        session::AutomationRecorder recorder;
        session::AutomationLane existing;
        double value = 0.0;      // the control's value (trim: the lane's value plus the offset)
        double touchedAt = 0.0;  // trim: the value the control showed at the touch
        bool overriding = false; // its value plays instead of the lane
        bool touched = false;
    };

    Control* find (const session::StripRef& strip, const std::string& key);
    const Control* find (const session::StripRef& strip, const std::string& key) const;
    Control& open (const session::Session& session, const session::StripRef& strip, const std::string& key);

    std::vector<Control> controls;
    int64_t start = 0;
    bool active = false;
};
} // namespace sprocket::app
