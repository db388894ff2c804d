// The playlists view (Pro Tools' way of comparing takes): alternate lanes shown per track, an
// auditioned lane played in place of the main playlist, and Copy Selection to Main Playlist.
#include "MainComponent.h"

#include "session/Playlists.h"

namespace sprocket::app
{
void MainComponent::setShowingAlternates (const std::string& trackId, bool show)
{
    const bool wasAuditioning = ! timeline.auditioningOf (trackId).empty();
    timeline.setShowingAlternates (trackId, show);
    if (wasAuditioning && timeline.auditioningOf (trackId).empty())
        postPlayedSession();
}

session::Session MainComponent::playedSession (const session::Session& session) const
{
    auto played = session;
    for (auto& [trackId, playlist] : timeline.getAuditions())
        session::auditionPlaylist (played, trackId, playlist); // a vanished playlist just plays main
    return played;
}

void MainComponent::postToPlayback (const session::Session& session)
{
    // The copy with alternates swapped in only when something is auditioned: previews post at
    // every drag step.
    if (timeline.getAuditions().empty())
        playback->update (session);
    else
        playback->update (playedSession (session));
}

void MainComponent::postPlayedSession()
{
    if (playback == nullptr || document == nullptr)
        return;
    const auto& session = document->session();
    postToPlayback (automationPass.isActive() ? automationPass.playing (session) : session);
}

bool MainComponent::copyAlternateSelectionToMain()
{
    const auto selected = timeline.getAlternateSelection(); // a copy: the edit replaces the timeline's
    if (! selected || selected->range.isEmpty())
    {
        reportProblem ("Select a range on an alternate playlist's lane first (header playlist menu > Show Alternates).");
        return false;
    }
    return check (controller.copyAlternateToMain (selected->trackId, selected->playlist, selected->range));
}
} // namespace sprocket::app
