#pragma once

#include "core/Error.h"
#include "session/MixEdits.h"
#include "session/SessionEditor.h"

#include <nlohmann/json.hpp>

#include <string>

namespace sprocket::session
{
/** The mixer's insert edits on a track or bus (the master has none): add, remove, move and set
    a parameter. Each is one undoable step through the SessionEditor and checks everything
    first, so a failed edit changes nothing and its error names what is wrong.

    Automation lanes are keyed by slot ("inserts[<n>].<param-id>"), so adding, removing or
    moving an insert renumbers the strip's insert lanes: each lane follows its insert, and a
    removed insert's lanes are dropped with it (docs/SESSION_FORMAT.md, *Automation*). */

/** Every parameter of a built-in type at its default: `{"gain_db": 0}`; empty when unknown. */
nlohmann::json defaultInsertParameters (const std::string& type);

/** Inserts a new `type` (a built-in processor) at slot `index` (0 .. the number of inserts;
    later inserts move down one), with `params` (known ids, each within its range). */
core::Status addInsert (SessionEditor&, const StripRef& strip, size_t index, const std::string& type,
                        const nlohmann::json& params);

/** Removes insert `index` and its automation lanes. */
core::Status removeInsert (SessionEditor&, const StripRef& strip, size_t index);

/** Moves insert `from` to slot `to` (both within the strip's inserts), shifting those between. */
core::Status moveInsert (SessionEditor&, const StripRef& strip, size_t from, size_t to);

/** Sets parameter `paramId` of insert `index` to `value`, within the parameter's range. */
core::Status setInsertParameter (SessionEditor&, const StripRef& strip, size_t index, const std::string& paramId, double value);

/** The impulse response of convolution reverb `index`: `storedPath` as the session stores it
    ("ir", relative to the session file or absolute). Whether it can be read is the plan's
    business: an unreadable one plays bypassed and is reported there. */
core::Status setImpulseResponse (SessionEditor&, const StripRef& strip, size_t index, const std::string& storedPath);

/** The automation key of an insert's parameter: "inserts[2].gain_db". */
std::string insertLaneKey (size_t index, const std::string& paramId);
} // namespace sprocket::session
