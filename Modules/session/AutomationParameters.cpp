#include "session/AutomationParameters.h"

#include "dsp/ProcessorRegistry.h"
#include "session/SendJson.h"

#include <algorithm>

namespace sprocket::session
{
namespace
{
    /** The fader's range in the session file; at or below -144 dB is silence. */
    constexpr double minGainDb = -200.0;
    constexpr double maxGainDb = 24.0;

    std::string insertKey (size_t index, const std::string& parameterId)
    {
        return "inserts[" + std::to_string (index) + "]." + parameterId;
    }

    void addInsertParameters (std::vector<AutomatableParameter>& list, const std::vector<Insert>& inserts)
    {
        for (size_t i = 0; i < inserts.size(); ++i)
        {
            const auto& insert = inserts[i];
            if (insert.unknownOriginal != nullptr)
                continue; // a type this build cannot run has no parameters to show
            const auto processor = dsp::ProcessorRegistry::builtIns().create (insert.type);
            for (const auto& info : processor->parameters())
            {
                AutomatableParameter parameter;
                parameter.key = insertKey (i, info.id);
                parameter.name = std::to_string (i + 1) + " " + insert.type + ": " + info.name;
                parameter.unit = info.unit;
                parameter.minimum = info.min;
                parameter.maximum = info.max;
                parameter.staticValue = info.defaultValue;
                if (auto stored = insert.params.find (info.id); stored != insert.params.end() && stored->is_number())
                    parameter.staticValue = stored->get<double>();
                parameter.isSwitch = info.min == 0.0f && info.max == 1.0f && info.unit.empty();
                list.push_back (std::move (parameter));
            }
        }
    }
} // namespace

std::optional<std::pair<double, double>> automationRange (const std::string& key, const std::vector<Insert>& inserts,
                                                          const std::vector<Send>& sends, bool isTrack, std::string& why)
{
    if (key == "gain_db")
        return std::pair { minGainDb, maxGainDb };
    if (key == "mute")
        return std::pair { 0.0, 1.0 };
    if (key == "pan" && isTrack)
        return std::pair { -1.0, 1.0 };
    if (key.rfind ("send.", 0) == 0)
    {
        if (sendOfAutomationKey (sends, key) != nullptr)
            return std::pair { minGainDb, maxGainDb }; // as gain_db: below -144 dB is silence
        why = "no send with that id on this strip (send.<id>.gain_db)";
        return std::nullopt;
    }
    if (key.rfind ("inserts[", 0) == 0)
    {
        const auto close = key.find ("].");
        if (close != std::string::npos)
        {
            const auto digits = key.substr (8, close - 8);
            const auto id = key.substr (close + 2);
            if (! digits.empty() && digits.find_first_not_of ("0123456789") == std::string::npos && digits.size() < 6)
            {
                const auto index = std::stoul (digits);
                if (index >= inserts.size())
                {
                    why = "there is no insert " + digits;
                    return std::nullopt;
                }
                const auto& insert = inserts[index];
                if (insert.unknownOriginal != nullptr)
                    return std::pair { -1e30, 1e30 }; // a type nobody knows: kept as written
                auto processor = dsp::ProcessorRegistry::builtIns().create (insert.type);
                if (const int p = processor->parameterIndex (id); p >= 0)
                    return std::pair { double (processor->parameters()[size_t (p)].min),
                                       double (processor->parameters()[size_t (p)].max) };
                why = "insert " + digits + " (" + insert.type + ") has no parameter '" + id + "'";
                return std::nullopt;
            }
        }
    }
    why = "not an automatable parameter: use gain_db, " + std::string (isTrack ? "pan, " : "")
          + "mute, send.<id>.gain_db, or inserts[<n>].<param-id>";
    return std::nullopt;
}

std::vector<AutomatableParameter> automatableParameters (const Session& session, const StripRef& strip)
{
    const std::vector<Insert>* inserts = nullptr;
    const std::vector<Send>* sends = nullptr;
    double gainDb = 0.0;
    bool mute = false;
    std::optional<double> pan;
    if (strip.kind == StripRef::Kind::track)
    {
        const auto track =
            std::find_if (session.tracks.begin(), session.tracks.end(), [&] (auto& t) { return t.id == strip.id; });
        if (track == session.tracks.end())
            return {};
        inserts = &track->inserts;
        sends = &track->sends;
        gainDb = track->gainDb;
        mute = track->mute;
        pan = track->pan;
    }
    else if (strip.kind == StripRef::Kind::bus)
    {
        const auto* bus = session.findBus (strip.id);
        if (bus == nullptr)
            return {};
        inserts = &bus->inserts;
        sends = &bus->sends;
        gainDb = bus->gainDb;
    }
    else
        return {};

    std::vector<AutomatableParameter> list;
    list.push_back ({ "gain_db", "Volume", "dB", minGainDb, maxGainDb, gainDb, false });
    if (pan)
        list.push_back ({ "pan", "Pan", "", -1.0, 1.0, *pan, false });
    list.push_back ({ "mute", "Mute", "", 0.0, 1.0, mute ? 1.0 : 0.0, true });
    for (const auto& send : *sends)
    {
        const auto* bus = session.findBus (send.to);
        const auto destination = bus != nullptr && ! bus->name.empty() ? bus->name : send.to;
        list.push_back (
            { "send." + send.id + ".gain_db", "Send to " + destination, "dB", minGainDb, maxGainDb, send.gainDb, false });
    }
    addInsertParameters (list, *inserts);
    return list;
}

std::optional<AutomatableParameter> findAutomatableParameter (const Session& session, const StripRef& strip,
                                                              const std::string& key)
{
    for (auto& parameter : automatableParameters (session, strip))
        if (parameter.key == key)
            return parameter;
    return std::nullopt;
}
} // namespace sprocket::session
