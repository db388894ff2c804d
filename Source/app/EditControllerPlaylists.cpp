// The playlists view's edit: Copy Selection to Main Playlist (its lane's ▲).
#include "EditController.h"

#include "session/Playlists.h"

namespace sprocket::app
{
core::Status EditController::copyAlternateToMain (const std::string& trackId, const std::string& playlist,
                                                  core::SampleRange range)
{
    auto status = perform ("Copy to Main Playlist", [&] (session::SessionEditor& e) {
        return session::copyPlaylistRangeToActive (e, trackId, playlist, range);
    });
    if (status.ok())
    {
        // The copied range stays selected, now on the main playlist.
        current.clear();
        current.trackIds = { trackId };
        current.range = range;
    }
    selectionChanged();
    return status;
}
} // namespace sprocket::app
