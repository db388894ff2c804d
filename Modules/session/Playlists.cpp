#include "session/Playlists.h"

#include "session/ClipEdits.h"
#include "session/RangeEdits.h"

#include <algorithm>
#include <set>

namespace sprocket::session
{
namespace
{
    using core::makeError;
    using core::Status;

    bool hasPlaylist (const Track& track, const std::string& name)
    {
        return track.playlistName == name
               || std::any_of (track.alternatePlaylists.begin(), track.alternatePlaylists.end(),
                               [&] (auto& p) { return p.name == name; });
    }

    Status checkNewName (const Session& session, const std::string& trackId, const std::string& name)
    {
        const auto* track = session.findTrack (trackId);
        if (track == nullptr)
            return makeError ("there is no track '" + trackId + "'");
        if (name.empty())
            return makeError ("a playlist needs a name");
        if (hasPlaylist (*track, name) || (track->playlistName.empty() && name == firstPlaylistName))
            return makeError ("track '" + trackId + "' already has a playlist called '" + name + "'");
        return {};
    }

    /** Sets the playing clips aside as an alternate and plays `next` instead. */
    void replacePlaying (Track& track, Playlist next)
    {
        Playlist current { track.playlistName.empty() ? firstPlaylistName : track.playlistName, std::move (track.clips) };
        track.alternatePlaylists.push_back (std::move (current));
        track.playlistName = std::move (next.name);
        track.clips = std::move (next.clips);
    }
} // namespace

Status duplicatePlaylist (SessionEditor& editor, const std::string& trackId, const std::string& name)
{
    if (auto ok = checkNewName (editor.session(), trackId, name); ! ok)
        return ok;
    Playlist copy { name, editor.session().findTrack (trackId)->clips };
    std::set<std::string> taken; // ids handed out here are not in the session yet
    for (auto& clip : copy.clips)
    {
        auto id = unusedClipId (editor.session(), clip.id);
        for (int n = 2; taken.contains (id); ++n)
            id = unusedClipId (editor.session(), clip.id + "-" + std::to_string (n));
        taken.insert (id);
        clip.id = id;
    }
    replacePlaying (*editor.track (trackId), std::move (copy));
    return {};
}

Status newPlaylist (SessionEditor& editor, const std::string& trackId, const std::string& name)
{
    if (auto ok = checkNewName (editor.session(), trackId, name); ! ok)
        return ok;
    replacePlaying (*editor.track (trackId), { name, {} });
    return {};
}

Status switchPlaylist (SessionEditor& editor, const std::string& trackId, const std::string& name)
{
    const auto* track = editor.session().findTrack (trackId);
    if (track == nullptr)
        return makeError ("there is no track '" + trackId + "'");
    if (track->playlistName == name)
        return {};
    auto found = std::find_if (track->alternatePlaylists.begin(), track->alternatePlaylists.end(),
                               [&] (auto& p) { return p.name == name; });
    if (found == track->alternatePlaylists.end())
        return makeError ("track '" + trackId + "' has no playlist called '" + name + "'");
    const auto index = found - track->alternatePlaylists.begin();
    auto* edited = editor.track (trackId);
    auto next = std::move (edited->alternatePlaylists[size_t (index)]);
    edited->alternatePlaylists.erase (edited->alternatePlaylists.begin() + index);
    replacePlaying (*edited, std::move (next));
    return {};
}

Status copyPlaylistRangeToActive (SessionEditor& editor, const std::string& trackId, const std::string& playlistName,
                                  core::SampleRange range)
{
    const auto* track = editor.session().findTrack (trackId);
    if (track == nullptr)
        return makeError ("there is no track '" + trackId + "'");
    if (range.isEmpty())
        return makeError ("select a range on playlist '" + playlistName + "' to copy to the main playlist");
    if (range.start < core::SamplePosition {})
        return makeError ("the range starts before the session start");
    const auto playing = track->playlistName.empty() ? std::string (firstPlaylistName) : track->playlistName;
    if (playlistName == playing)
        return makeError ("'" + playlistName + "' is the playlist track '" + trackId + "' plays already");
    auto found = std::find_if (track->alternatePlaylists.begin(), track->alternatePlaylists.end(),
                               [&] (auto& p) { return p.name == playlistName; });
    if (found == track->alternatePlaylists.end())
        return makeError ("track '" + trackId + "' has no playlist called '" + playlistName + "'");

    // The alternate's material in the range, as a copy of the range on a track that plays it;
    // pasting it back at the range's start replaces what the playing playlist has there.
    Session alternate;
    Track playingIt = *track;
    playingIt.clips = found->clips;
    alternate.tracks.push_back (std::move (playingIt));
    const auto board = copyRange (alternate, { { trackId }, range });
    return pasteAt (editor, board, { trackId }, range.start);
}

Status auditionPlaylist (Session& session, const std::string& trackId, const std::string& name)
{
    auto track = std::find_if (session.tracks.begin(), session.tracks.end(), [&] (auto& t) { return t.id == trackId; });
    if (track == session.tracks.end())
        return makeError ("there is no track '" + trackId + "'");
    auto found = std::find_if (track->alternatePlaylists.begin(), track->alternatePlaylists.end(),
                               [&] (auto& p) { return p.name == name; });
    if (found == track->alternatePlaylists.end())
        return makeError ("track '" + trackId + "' has no alternate playlist called '" + name + "'");
    std::swap (track->clips, found->clips);
    std::swap (track->playlistName, found->name);
    return {};
}
} // namespace sprocket::session
