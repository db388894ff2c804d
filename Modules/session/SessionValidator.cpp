#include "session/SessionValidator.h"

#include "session/GroupJson.h"

#include <set>
#include <unordered_map>
#include <vector>

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

    /** A strip's sends: ids unique within it, each to an existing bus, never the master. A
        track is only ever a source, so its sends cannot close a loop; a bus's sends are also
        checked for loops in checkSendLoops. */
    void checkSends (const std::vector<Send>& sends, const std::string& owner,
                     const std::unordered_map<std::string, const Bus*>& buses, Problems& problems)
    {
        std::set<std::string> ids;
        for (size_t s = 0; s < sends.size(); ++s)
        {
            const auto path = owner + "." + at ("sends", s);
            checkId (sends[s].id, path, ids, problems);
            if (sends[s].to == masterOutputId)
                problems.push_back ({ path + ".to", "a send goes to a bus (an aux return), not the master" });
            else if (! buses.contains (sends[s].to))
                problems.push_back ({ path + ".to", "no bus with id '" + sends[s].to + "'" });
        }
    }

    /** Whether `from` reaches `target` by outputs and sends (each bus visited once). */
    bool feeds (const std::unordered_map<std::string, const Bus*>& buses, const std::string& from, const std::string& target)
    {
        std::set<std::string> visited;
        std::vector<std::string> pending { from };
        while (! pending.empty())
        {
            const auto id = pending.back();
            pending.pop_back();
            if (id == target)
                return true;
            const auto bus = buses.find (id);
            if (bus == buses.end() || ! visited.insert (id).second)
                continue;
            pending.push_back (bus->second->output);
            for (auto& send : bus->second->sends)
                pending.push_back (send.to);
        }
        return false;
    }

    /** A bus's send closes a loop when its target feeds the bus back (itself included). Every
        loop with a send in it is found at one of its sends; loops of outputs alone are found by
        checkRouting. */
    void checkSendLoops (const Session& session, const std::unordered_map<std::string, const Bus*>& buses, Problems& problems)
    {
        for (size_t i = 0; i < session.buses.size(); ++i)
        {
            auto& bus = session.buses[i];
            for (size_t s = 0; s < bus.sends.size(); ++s)
                if (buses.contains (bus.sends[s].to) && feeds (buses, bus.sends[s].to, bus.id))
                    problems.push_back ({ at ("buses", i) + "." + at ("sends", s) + ".to",
                                          bus.sends[s].to == bus.id
                                              ? "routing loop: a bus cannot send to itself"
                                              : "routing loop: bus '" + bus.sends[s].to + "' feeds bus '" + bus.id + "'" });
        }
    }

    void checkRouting (const Session& session, Problems& problems)
    {
        std::unordered_map<std::string, const Bus*> buses;
        for (auto& bus : session.buses)
            buses[bus.id] = &bus;

        for (size_t i = 0; i < session.buses.size(); ++i)
        {
            auto& bus = session.buses[i];
            checkSends (bus.sends, at ("buses", i), buses, problems);
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
            checkSends (session.tracks[i].sends, at ("tracks", i), buses, problems);
        }
        checkSendLoops (session, buses, problems);
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
    validateGroups (session, problems);
    return problems;
}
} // namespace sprocket::session
