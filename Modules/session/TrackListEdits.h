#pragma once

#include "core/Error.h"
#include "session/SessionEditor.h"

#include <string>
#include <vector>

namespace sprocket::session
{
/** Adding and removing tracks and buses (Pro Tools' Track > New and Track > Delete). Each is
    one undoable step through the SessionEditor; each checks its input first and changes
    nothing when it fails. */

/** What Track > New makes: `count` strips of one width, named after `name`, feeding `output`
    (the master or a bus). */
struct NewStrips
{
    int count = 1;    // 1 .. maxNewStrips
    int channels = 1; // 1, 2, 6 (5.1) or 8 (7.1)
    std::string name; // "Audio": "Audio 1", "Audio 2", ... after the numbers already used
    std::string output = "master";
};

inline constexpr int maxNewStrips = 128;

/** Appends tracks; their ids (unique, from the name) go to `created`. One new strip keeps the
    name as typed when it is free; several are numbered after the highest number in use. */
core::Status addTracks (SessionEditor&, const NewStrips& strips, std::vector<std::string>* created = nullptr);

/** Appends buses (stems or aux returns): an id from the name (spaces become '_'; never
    "master"), the output the master or an existing bus. */
core::Status addBuses (SessionEditor&, const NewStrips& strips, std::vector<std::string>* created = nullptr);

/** Removes tracks with everything on them (clips, playlists, automation); they leave the
    groups they were in. */
core::Status removeTracks (SessionEditor&, const std::vector<std::string>& trackIds);

/** Removes a bus nothing feeds: refused, naming them, while tracks or buses output to it or
    send to it. It leaves the groups it was in. */
core::Status removeBus (SessionEditor&, const std::string& busId);
} // namespace sprocket::session
