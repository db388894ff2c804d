#pragma once

#include "core/Error.h"
#include "session/SessionEditor.h"

#include <string>

namespace sprocket::session
{
/** Alternate takes, the Pro Tools way: a track plays one playlist and keeps the others beside
    it; the editor duplicates the current one to try another cut, makes a new empty one to lay
    in a different take, and switches between them to compare. Names are unique per track. A
    track that never had alternates has one unnamed playlist; it is called "Main" once it gets
    company. */

/** Copies the playing clips (with new ids) into a new playlist `name`, which then plays. */
core::Status duplicatePlaylist (SessionEditor&, const std::string& trackId, const std::string& name);
/** Starts an empty playlist `name`, which then plays. */
core::Status newPlaylist (SessionEditor&, const std::string& trackId, const std::string& name);
/** Plays playlist `name` instead of the current one (which is kept as an alternate). */
core::Status switchPlaylist (SessionEditor&, const std::string& trackId, const std::string& name);

inline constexpr const char* firstPlaylistName = "Main";
} // namespace sprocket::session
