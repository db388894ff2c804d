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
/** Pro Tools' "Copy Selection to Main Playlist" in the playlists view: the playing clips inside
    `range` are replaced by alternate playlist `playlistName`'s material there (clips crossing
    an edge are cut at it to the sample and lose their fade on that edge; the alternate's gaps
    become gaps). The alternate is unchanged; the copies get new ids. Refused with a reason for
    a missing track or playlist, the playing playlist itself, or an empty or negative range. */
core::Status copyPlaylistRangeToActive (SessionEditor&, const std::string& trackId, const std::string& playlistName,
                                        core::SampleRange range);
/** Auditioning an alternate in the playlists view: `session` (a copy made to be played, not
    the document) with track `trackId` playing playlist `name` in place of its playing clips.
    Not an edit. Fails (leaving `session` as it was) for a missing track or playlist. */
core::Status auditionPlaylist (Session& session, const std::string& trackId, const std::string& name);

inline constexpr const char* firstPlaylistName = "Main";
} // namespace sprocket::session
