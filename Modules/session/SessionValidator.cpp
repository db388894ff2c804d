#include "session/SessionValidator.h"

#include <set>
#include <unordered_map>

namespace sprocket::session
{
namespace
{
    std::string at (const std::string& key, size_t i)
    {
        return key + "[" + std::to_string (i) + "]";
    }

    void checkId (const std::string& id, const std::string& path, std::set<std::string>& seen, Problems& problems)
    {
        if (id.empty())
            problems.push_back ({ path + ".id", "must not be empty" });
        else if (! seen.insert (id).second)
            problems.push_back ({ path + ".id", "duplicate id '" + id + "'" });
    }

    void checkRouting (const Session& session, Problems& problems)
    {
        std::unordered_map<std::string, const Bus*> buses;
        for (auto& bus : session.buses)
            buses[bus.id] = &bus;

        for (size_t i = 0; i < session.buses.size(); ++i)
        {
            auto& bus = session.buses[i];
            if (bus.output == masterOutputId)
                continue;
            if (! buses.contains (bus.output))
            {
                problems.push_back ({ at ("buses", i) + ".output", "no bus with id '" + bus.output + "'" });
                continue;
            }
            // Follow the chain; more hops than buses means a loop.
            const Bus* current = &bus;
            for (size_t hops = 0; current != nullptr && current->output != masterOutputId; ++hops)
            {
                if (hops > session.buses.size())
                {
                    problems.push_back ({ at ("buses", i) + ".output", "routing loop through bus '" + bus.output + "'" });
                    break;
                }
                auto next = buses.find (current->output);
                current = next != buses.end() ? next->second : nullptr;
            }
        }

        for (size_t i = 0; i < session.tracks.size(); ++i)
        {
            auto& output = session.tracks[i].output;
            if (output != masterOutputId && ! buses.contains (output))
                problems.push_back (
                    { at ("tracks", i) + ".output", "no bus with id '" + output + "' (use a bus id or \"master\")" });
        }
    }
} // namespace

Problems validateStructure (const Session& session)
{
    Problems problems;

    std::set<std::string> mediaIds;
    for (size_t i = 0; i < session.media.size(); ++i)
        checkId (session.media[i].id, at ("media", i), mediaIds, problems);

    std::set<std::string> busIds;
    for (size_t i = 0; i < session.buses.size(); ++i)
    {
        checkId (session.buses[i].id, at ("buses", i), busIds, problems);
        if (session.buses[i].id == masterOutputId)
            problems.push_back ({ at ("buses", i) + ".id", "'master' is reserved for the printmaster" });
    }

    std::set<std::string> trackIds, clipIds;
    for (size_t t = 0; t < session.tracks.size(); ++t)
    {
        auto& track = session.tracks[t];
        checkId (track.id, at ("tracks", t), trackIds, problems);
        const auto checkClips = [&] (const std::vector<Clip>& clips, const std::string& listPath) {
            for (size_t c = 0; c < clips.size(); ++c)
            {
                auto& clip = clips[c];
                const auto path = listPath + "[" + std::to_string (c) + "]";
                checkId (clip.id, path, clipIds, problems);
                if (! clip.mediaId.empty() && session.findMedia (clip.mediaId) == nullptr)
                    problems.push_back ({ path + ".media", "no media with id '" + clip.mediaId + "'" });
                if (clip.length.samples > 0 && (clip.fadeIn.length + clip.fadeOut.length) > clip.length)
                    problems.push_back ({ path, "fade_in.length + fade_out.length ("
                                                    + std::to_string ((clip.fadeIn.length + clip.fadeOut.length).samples)
                                                    + ") must not exceed length (" + std::to_string (clip.length.samples)
                                                    + ")" });
            }
        };
        checkClips (track.clips, at ("tracks", t) + ".clips");
        // Clip ids stay unique across playlists too: an edit names a clip by its id alone.
        std::set<std::string> playlistNames { track.playlistName };
        for (size_t p = 0; p < track.alternatePlaylists.size(); ++p)
        {
            auto& playlist = track.alternatePlaylists[p];
            const auto path = at ("tracks", t) + "." + at ("alternate_playlists", p);
            if (playlist.name.empty() || ! playlistNames.insert (playlist.name).second)
                problems.push_back (
                    { path + ".name", "playlist names must be non-empty and differ from the track's other playlists" });
            checkClips (playlist.clips, path + ".clips");
        }
    }

    checkRouting (session, problems);
    return problems;
}
} // namespace sprocket::session
