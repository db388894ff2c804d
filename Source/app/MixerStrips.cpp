#include "MixerStrips.h"

#include <cctype>

namespace sprocket::app
{
namespace
{
    constexpr const char* masterName = "Master";

    int destinationChannels (const session::Session& s, const std::string& output)
    {
        if (auto* bus = s.findBus (output))
            return bus->channels;
        return s.master.channels;
    }

    std::string destinationName (const session::Session& s, const std::string& output)
    {
        if (auto* bus = s.findBus (output))
            return bus->id;
        return output == session::masterOutputId ? masterName : output;
    }

    bool hasLane (const session::Automation& automation, const char* parameter)
    {
        const auto lane = automation.find (parameter);
        return lane != automation.end() && ! lane->second.empty();
    }

    std::vector<StripInfo::InsertSlot> slotsFor (const std::vector<session::Insert>& inserts)
    {
        std::vector<StripInfo::InsertSlot> slots;
        for (auto& insert : inserts)
            slots.push_back ({ insertDisplayName (insert.type), insert.bypass });
        return slots;
    }

    std::vector<StripInfo::SendSlot> sendSlotsFor (const session::Session& s, const std::vector<session::Send>& sends)
    {
        std::vector<StripInfo::SendSlot> slots;
        for (auto& send : sends)
        {
            const auto* bus = s.findBus (send.to);
            const auto name = bus == nullptr ? send.to : bus->name.empty() ? bus->id : bus->name;
            slots.push_back ({ send.id, name, send.gainDb, send.preFader, send.mute });
        }
        return slots;
    }
} // namespace

std::string formatBadge (int channels)
{
    switch (channels)
    {
        case 1:
            return "mono";
        case 2:
            return "stereo";
        case 6:
            return "5.1";
        case 8:
            return "7.1";
        default:
            return std::to_string (channels) + " ch";
    }
}

std::string insertDisplayName (const std::string& type)
{
    // Abbreviations a mixer reads at a glance; the rest are the type in words.
    if (type == "eq")
        return "EQ";
    if (type == "de_hum")
        return "De-hum";
    if (type == "de_esser")
        return "De-esser";
    if (type == "true_peak_limiter")
        return "TP Limiter";
    std::string name;
    bool startOfWord = true;
    for (char c : type)
    {
        if (c == '_')
        {
            name += ' ';
            startOfWord = true;
            continue;
        }
        name += startOfWord ? char (std::toupper ((unsigned char) c)) : c;
        startOfWord = false;
    }
    return name;
}

std::vector<StripInfo> mixerStripsFor (const session::Session& s)
{
    std::vector<StripInfo> strips;
    for (auto& track : s.tracks)
    {
        StripInfo info;
        info.ref = session::StripRef::track (track.id);
        info.name = track.name.empty() ? track.id : track.name;
        info.colourId = track.output;
        info.channels = track.channels;
        info.output = destinationName (s, track.output);
        info.hasInserts = true;
        info.automationMode = track.automationMode;
        info.inserts = slotsFor (track.inserts);
        info.sends = sendSlotsFor (s, track.sends);
        info.gainDb = track.gainDb;
        info.gainAutomated = hasLane (track.automation, "gain_db");
        // The engine's surround panner serves mono and stereo tracks into 5.1 and 7.1 (5.1 and
        // 7.1 tracks map channel to channel and ignore pan).
        const int into = destinationChannels (s, track.output);
        if (track.channels <= 2)
            info.panKind = into >= 6 ? StripInfo::PanKind::surround : StripInfo::PanKind::stereo;
        info.pan = track.pan;
        // Without a surround position a source plays into L and R by its pan: the same image as a
        // front position with no centre share.
        info.surroundPan = track.surroundPan.value_or (session::SurroundPan { track.pan, 1.0, 0.0, 0.0, -144.0 });
        info.panInto = info.panKind == StripInfo::PanKind::surround ? into : 0;
        info.hasSwitches = true;
        info.mute = track.mute;
        info.solo = track.solo;
        info.soloSafe = track.soloSafe;
        info.recordArm = track.recordArm;
        info.colour = track.colour;
        if (const auto* bus = s.findBus (track.output); info.colour.empty() && bus != nullptr)
            info.colour = bus->colour;
        strips.push_back (std::move (info));
    }
    for (auto& bus : s.buses)
    {
        StripInfo info;
        info.ref = session::StripRef::bus (bus.id);
        // The name ("Dialogue"); the colour already says which stem it is.
        info.name = bus.name.empty() ? bus.id : bus.name;
        info.colourId = bus.id;
        info.channels = bus.channels;
        info.output = destinationName (s, bus.output);
        info.hasInserts = true;
        info.automationMode = bus.automationMode;
        info.inserts = slotsFor (bus.inserts);
        info.sends = sendSlotsFor (s, bus.sends);
        info.gainDb = bus.gainDb;
        info.gainAutomated = hasLane (bus.automation, "gain_db");
        info.colour = bus.colour;
        strips.push_back (std::move (info));
    }
    for (auto& group : s.groups)
    {
        if (group.kind != session::Group::Kind::vca)
            continue;
        StripInfo info;
        info.ref = session::StripRef::vca (group.id);
        info.name = group.name.empty() ? group.id : group.name;
        info.colourId = "VCA";
        info.colour = group.colour;
        info.channels = 0; // no audio of its own
        info.output = std::to_string (group.members.size()) + (group.members.size() == 1 ? " member" : " members");
        info.gainDb = group.gainDb;
        info.muteOnly = true;
        info.mute = group.mute;
        strips.push_back (std::move (info));
    }
    StripInfo master;
    master.ref = session::StripRef::master();
    master.name = masterName;
    master.channels = s.master.channels;
    master.gainDb = s.master.gainDb;
    strips.push_back (std::move (master));
    return strips;
}
} // namespace sprocket::app
