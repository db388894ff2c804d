#include "session/SendJson.h"

#include <algorithm>

namespace sprocket::session
{
std::vector<Send> readSends (JsonFieldReader& owner, Problems& problems)
{
    std::vector<Send> sends;
    auto* list = owner.array ("sends", false);
    if (list == nullptr)
        return sends;
    for (size_t i = 0; i < list->size(); ++i)
    {
        JsonFieldReader reader ((*list)[i], owner.pathOf ("sends") + "[" + std::to_string (i) + "]", problems);
        Send send;
        send.id = reader.string ("id", true).value_or ("");
        send.to = reader.string ("to", true).value_or ("");
        if (auto gain = reader.number ("gain_db", false))
        {
            if (*gain < minSendGainDb || *gain > maxSendGainDb)
                reader.report ("gain_db", "must be between -144 and +12 dB");
            else
                send.gainDb = *gain;
        }
        send.preFader = reader.boolean ("pre_fader", false).value_or (false);
        send.mute = reader.boolean ("mute", false).value_or (false);
        sends.push_back (std::move (send));
    }
    return sends;
}

nlohmann::ordered_json sendsJson (const std::vector<Send>& sends)
{
    auto list = nlohmann::ordered_json::array();
    for (auto& send : sends)
    {
        nlohmann::ordered_json item;
        item["id"] = send.id;
        item["to"] = send.to;
        item["gain_db"] = send.gainDb;
        item["pre_fader"] = send.preFader;
        item["mute"] = send.mute;
        list.push_back (std::move (item));
    }
    return list;
}

const Send* sendOfAutomationKey (const std::vector<Send>& sends, const std::string& key)
{
    static constexpr std::string_view prefix = "send.", suffix = ".gain_db";
    if (key.size() <= prefix.size() + suffix.size() || key.compare (0, prefix.size(), prefix) != 0
        || key.compare (key.size() - suffix.size(), suffix.size(), suffix) != 0)
        return nullptr;
    const auto id = key.substr (prefix.size(), key.size() - prefix.size() - suffix.size());
    const auto found = std::find_if (sends.begin(), sends.end(), [&] (auto& s) { return s.id == id; });
    return found != sends.end() ? &*found : nullptr;
}
} // namespace sprocket::session
