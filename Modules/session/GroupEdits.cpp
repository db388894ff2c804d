#include "session/GroupEdits.h"

#include "session/GroupJson.h"

#include <algorithm>
#include <set>

namespace sprocket::session
{
using core::makeError;
using core::Status;

namespace
{
    /** The first problem the groups would have, against the session's tracks and buses. */
    Status checkGroups (const Session& session, const std::vector<Group>& groups)
    {
        Session probe;
        probe.tracks.reserve (session.tracks.size());
        for (auto& track : session.tracks)
        {
            Track idOnly;
            idOnly.id = track.id;
            probe.tracks.push_back (std::move (idOnly));
        }
        for (auto& bus : session.buses)
        {
            Bus idOnly;
            idOnly.id = bus.id;
            probe.buses.push_back (std::move (idOnly));
        }
        probe.groups = groups;
        Problems problems;
        validateGroups (probe, problems);
        if (! problems.empty())
            return makeError (problems.front().toString());
        return {};
    }

    /** Applies `change` to a copy of the groups, checks it, and only then writes it. */
    template <typename Change>
    Status changeGroups (SessionEditor& editor, Change&& change)
    {
        auto groups = editor.session().groups;
        if (auto status = change (groups); ! status.ok())
            return status;
        if (auto status = checkGroups (editor.session(), groups); ! status.ok())
            return status;
        editor.groups() = std::move (groups);
        return {};
    }

    Group* find (std::vector<Group>& groups, const std::string& id)
    {
        auto found = std::find_if (groups.begin(), groups.end(), [&] (auto& g) { return g.id == id; });
        return found != groups.end() ? &*found : nullptr;
    }
} // namespace

std::string nextGroupId (const Session& session, Group::Kind kind)
{
    const std::string prefix = kind == Group::Kind::vca ? "vca" : "group";
    for (int n = 1;; ++n)
        if (session.findGroup (prefix + std::to_string (n)) == nullptr)
            return prefix + std::to_string (n);
}

Status addGroup (SessionEditor& editor, const Group& group)
{
    if (group.id.empty())
        return makeError ("a group needs an id");
    if (editor.session().findGroup (group.id) != nullptr)
        return makeError ("there is already a group '" + group.id + "'");
    return changeGroups (editor, [&] (std::vector<Group>& groups) -> Status {
        groups.push_back (group);
        if (groups.back().name.empty())
            groups.back().name = group.id;
        return {};
    });
}

Status deleteGroup (SessionEditor& editor, const std::string& groupId)
{
    if (editor.session().findGroup (groupId) == nullptr)
        return makeError ("there is no group '" + groupId + "'");
    auto& groups = editor.groups();
    std::erase_if (groups, [&] (auto& g) { return g.id == groupId; });
    return {};
}

Status setGroupMembers (SessionEditor& editor, const std::string& groupId, const std::vector<std::string>& members)
{
    return changeGroups (editor, [&] (std::vector<Group>& groups) -> Status {
        auto* group = find (groups, groupId);
        if (group == nullptr)
            return makeError ("there is no group '" + groupId + "'");
        group->members = members;
        return {};
    });
}

Status setVcaMute (SessionEditor& editor, const std::string& groupId, bool mute)
{
    const auto* group = editor.session().findGroup (groupId);
    if (group == nullptr || group->kind != Group::Kind::vca)
        return makeError ("there is no VCA '" + groupId + "'");
    find (editor.groups(), groupId)->mute = mute;
    return {};
}

Status setStripGainLinked (SessionEditor& editor, const StripRef& strip, double gainDb)
{
    const double before = stripGain (editor.session(), strip);
    if (auto status = setStripGain (editor, strip, gainDb); ! status.ok())
        return status;
    if (strip.kind != StripRef::Kind::track && strip.kind != StripRef::Kind::bus)
        return {};
    const double delta = gainDb - before;
    // Each other member of every fader group the strip is in, once.
    std::set<std::string> moved { strip.id };
    for (const auto& group : editor.session().groups)
    {
        if (group.kind != Group::Kind::fader
            || std::find (group.members.begin(), group.members.end(), strip.id) == group.members.end())
            continue;
        for (const auto& member : group.members)
        {
            if (! moved.insert (member).second)
                continue;
            const bool isTrack = std::any_of (editor.session().tracks.begin(), editor.session().tracks.end(),
                                              [&] (auto& t) { return t.id == member; });
            const auto ref = isTrack ? StripRef::track (member) : StripRef::bus (member);
            const double now = stripGain (editor.session(), ref);
            // -144 dB is the fader's bottom (silence): a member there stays there.
            const double next = now <= -144.0 ? now : std::clamp (now + delta, -144.0, 24.0);
            if (auto status = setStripGain (editor, ref, next); ! status.ok())
                return status;
        }
    }
    return {};
}
} // namespace sprocket::session
