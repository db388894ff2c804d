#include "session/GroupJson.h"

#include "session/Colour.h"
#include "session/Session.h"

#include <algorithm>
#include <map>
#include <set>

namespace sprocket::session
{
std::vector<Group> readGroups (JsonFieldReader& document, Problems& problems)
{
    std::vector<Group> groups;
    auto* list = document.array ("groups", false);
    if (list == nullptr)
        return groups;
    for (size_t i = 0; i < list->size(); ++i)
    {
        JsonFieldReader reader ((*list)[i], "groups[" + std::to_string (i) + "]", problems);
        Group group;
        group.id = reader.string ("id", true).value_or ("");
        group.name = reader.string ("name", false).value_or (group.id);
        if (auto kind = reader.string ("kind", true))
        {
            if (*kind == "vca")
                group.kind = Group::Kind::vca;
            else if (*kind == "fader")
                group.kind = Group::Kind::fader;
            else
                reader.report ("kind", "must be \"vca\" or \"fader\" (got \"" + *kind + "\")");
        }
        if (auto* members = reader.array ("members", true))
            for (size_t m = 0; m < members->size(); ++m)
            {
                if ((*members)[m].is_string())
                    group.members.push_back ((*members)[m].get<std::string>());
                else
                    problems.push_back (
                        { reader.pathOf ("members") + "[" + std::to_string (m) + "]", "must be a track or bus id" });
            }
        if (auto gain = reader.number ("gain_db", false))
        {
            if (*gain < -200.0 || *gain > 24.0)
                reader.report ("gain_db", "must be between -200 and +24 dB");
            else
                group.gainDb = *gain;
        }
        group.mute = reader.boolean ("mute", false).value_or (false);
        if (group.kind == Group::Kind::fader && (group.gainDb != 0.0 || group.mute))
            reader.report (group.mute ? "mute" : "gain_db", "only a VCA has a fader and a mute of its own");
        if (auto colour = reader.string ("color", false))
        {
            if (isHexColour (*colour))
                group.colour = canonicalColour (*colour);
            else
                reader.report ("color", "\"" + *colour + "\" is not #rrggbb");
        }
        groups.push_back (std::move (group));
    }
    return groups;
}

nlohmann::ordered_json groupsJson (const std::vector<Group>& groups)
{
    auto list = nlohmann::ordered_json::array();
    for (auto& group : groups)
    {
        nlohmann::ordered_json g;
        g["id"] = group.id;
        g["name"] = group.name;
        g["kind"] = group.kind == Group::Kind::vca ? "vca" : "fader";
        g["members"] = group.members;
        if (group.kind == Group::Kind::vca)
        {
            g["gain_db"] = group.gainDb;
            g["mute"] = group.mute;
        }
        if (! group.colour.empty())
            g["color"] = group.colour;
        list.push_back (std::move (g));
    }
    return list;
}

void validateGroups (const Session& session, Problems& problems)
{
    std::set<std::string> ids;
    std::map<std::string, std::string> vcaOf; // member -> the VCA that has it
    for (size_t i = 0; i < session.groups.size(); ++i)
    {
        const auto& group = session.groups[i];
        const auto path = "groups[" + std::to_string (i) + "]";
        if (group.id.empty())
            problems.push_back ({ path + ".id", "must not be empty" });
        else if (! ids.insert (group.id).second)
            problems.push_back ({ path + ".id", "duplicate id '" + group.id + "'" });
        std::set<std::string> seen;
        for (size_t m = 0; m < group.members.size(); ++m)
        {
            const auto& member = group.members[m];
            const auto memberPath = path + ".members[" + std::to_string (m) + "]";
            const bool isTrack =
                std::any_of (session.tracks.begin(), session.tracks.end(), [&] (auto& t) { return t.id == member; });
            if (! isTrack && session.findBus (member) == nullptr)
                problems.push_back ({ memberPath, "no track or bus with id '" + member + "'" });
            if (! seen.insert (member).second)
                problems.push_back ({ memberPath, "'" + member + "' is already a member" });
            else if (group.kind == Group::Kind::vca)
            {
                // Two VCAs on one fader would be a VCA of VCAs, which we do not nest (yet).
                if (auto other = vcaOf.find (member); other != vcaOf.end())
                    problems.push_back ({ memberPath, "'" + member + "' is already in VCA '" + other->second + "'" });
                else
                    vcaOf.emplace (member, group.id);
            }
        }
    }
}
} // namespace sprocket::session
