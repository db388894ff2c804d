#include "session/TrackListEdits.h"
#include "core/Text.h"
#include "session/UnusedId.h"

#include <algorithm>
#include <set>

namespace sprocket::session
{
using core::makeError;
using core::Status;
using core::trimmed;

namespace
{
    /** The highest N of names "<base> N" already used (0 when none). */
    int highestNumber (const std::set<std::string>& names, const std::string& base)
    {
        int highest = 0;
        for (auto& name : names)
        {
            if (name.size() <= base.size() + 1 || name.compare (0, base.size(), base) != 0 || name[base.size()] != ' ')
                continue;
            const auto digits = name.substr (base.size() + 1);
            if (digits.size() < 9 && std::all_of (digits.begin(), digits.end(), [] (char c) { return c >= '0' && c <= '9'; }))
                highest = std::max (highest, std::stoi (digits));
        }
        return highest;
    }

    /** The names the new strips get, or the reason there are none. */
    core::Result<std::vector<std::string>> namesFor (const NewStrips& strips, const std::set<std::string>& used)
    {
        if (strips.count < 1 || strips.count > maxNewStrips)
            return makeError ("the number of new strips must be between 1 and " + std::to_string (maxNewStrips));
        if (strips.channels != 1 && strips.channels != 2 && strips.channels != 6 && strips.channels != 8)
            return makeError ("a new strip must be mono (1), stereo (2), 5.1 (6) or 7.1 (8), not "
                              + std::to_string (strips.channels) + " channels");
        const auto base = trimmed (strips.name);
        if (base.empty())
            return makeError ("a new strip needs a name");
        if (base.size() > 256)
            return makeError ("a name can be at most 256 characters");
        std::vector<std::string> names;
        if (strips.count == 1 && ! used.contains (base))
            return std::vector<std::string> { base };
        const int from = highestNumber (used, base) + 1;
        for (int n = 0; n < strips.count; ++n)
            names.push_back (base + " " + std::to_string (from + n));
        return names;
    }

    bool outputExists (const Session& session, const std::string& output)
    {
        return output == masterOutputId || session.findBus (output) != nullptr;
    }

    void leaveGroups (SessionEditor& editor, const std::set<std::string>& ids)
    {
        const auto& groups = editor.session().groups;
        const bool anyMember = std::any_of (groups.begin(), groups.end(), [&] (const Group& g) {
            return std::any_of (g.members.begin(), g.members.end(), [&] (auto& m) { return ids.contains (m); });
        });
        if (! anyMember)
            return;
        for (auto& group : editor.groups())
            std::erase_if (group.members, [&] (const std::string& m) { return ids.contains (m); });
    }
} // namespace

Status addTracks (SessionEditor& editor, const NewStrips& strips, std::vector<std::string>* created)
{
    const auto& session = editor.session();
    if (! outputExists (session, strips.output))
        return makeError ("there is no bus '" + strips.output + "' for the new tracks to feed");
    std::set<std::string> names, ids;
    for (auto& track : session.tracks)
    {
        names.insert (track.name);
        ids.insert (track.id);
    }
    auto chosen = namesFor (strips, names);
    if (! chosen.ok())
        return chosen.error();
    auto& tracks = editor.tracks();
    for (auto& name : chosen.value())
    {
        Track track;
        track.id = unusedId (ids, name);
        ids.insert (track.id);
        track.name = name;
        track.channels = strips.channels;
        track.output = strips.output;
        tracks.push_back (std::move (track));
        if (created != nullptr)
            created->push_back (tracks.back().id);
    }
    return {};
}

Status addBuses (SessionEditor& editor, const NewStrips& strips, std::vector<std::string>* created)
{
    const auto& session = editor.session();
    if (! outputExists (session, strips.output))
        return makeError ("there is no bus '" + strips.output + "' for the new buses to feed");
    std::set<std::string> names, ids { masterOutputId };
    for (auto& bus : session.buses)
    {
        names.insert (bus.name.empty() ? bus.id : bus.name);
        ids.insert (bus.id);
    }
    auto chosen = namesFor (strips, names);
    if (! chosen.ok())
        return chosen.error();
    auto& buses = editor.buses();
    for (auto& name : chosen.value())
    {
        Bus bus;
        auto id = name;
        std::replace (id.begin(), id.end(), ' ', '_');
        bus.id = unusedId (ids, id);
        ids.insert (bus.id);
        bus.name = name;
        bus.channels = strips.channels;
        bus.output = strips.output;
        buses.push_back (std::move (bus));
        if (created != nullptr)
            created->push_back (buses.back().id);
    }
    return {};
}

Status removeTracks (SessionEditor& editor, const std::vector<std::string>& trackIds)
{
    if (trackIds.empty())
        return makeError ("no tracks to delete");
    const std::set<std::string> ids (trackIds.begin(), trackIds.end());
    const auto& tracks = editor.session().tracks;
    for (auto& id : ids)
        if (std::none_of (tracks.begin(), tracks.end(), [&] (const Track& t) { return t.id == id; }))
            return makeError ("there is no track '" + id + "'");
    std::erase_if (editor.tracks(), [&] (const Track& t) { return ids.contains (t.id); });
    leaveGroups (editor, ids);
    return {};
}

Status removeBus (SessionEditor& editor, const std::string& busId)
{
    const auto& session = editor.session();
    if (session.findBus (busId) == nullptr)
        return makeError ("there is no bus '" + busId + "'");
    std::vector<std::string> feeding;
    const auto sendsTo = [&] (const std::vector<Send>& sends) {
        return std::any_of (sends.begin(), sends.end(), [&] (const Send& s) { return s.to == busId; });
    };
    for (auto& track : session.tracks)
        if (track.output == busId || sendsTo (track.sends))
            feeding.push_back ("track '" + (track.name.empty() ? track.id : track.name) + "'");
    for (auto& bus : session.buses)
        if (bus.id != busId && (bus.output == busId || sendsTo (bus.sends)))
            feeding.push_back ("bus '" + (bus.name.empty() ? bus.id : bus.name) + "'");
    if (! feeding.empty())
    {
        std::string list;
        for (size_t i = 0; i < feeding.size() && i < 5; ++i)
            list += (i == 0 ? "" : ", ") + feeding[i];
        if (feeding.size() > 5)
            list += " and " + std::to_string (feeding.size() - 5) + " more";
        return makeError ("bus '" + busId + "' is still fed by " + list + ": route them elsewhere first");
    }
    std::erase_if (editor.buses(), [&] (const Bus& b) { return b.id == busId; });
    leaveGroups (editor, { busId });
    return {};
}
} // namespace sprocket::session
