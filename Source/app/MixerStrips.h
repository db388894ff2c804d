#pragma once

#include "session/MixEdits.h"
#include "session/Session.h"

#include <optional>
#include <string>
#include <vector>

namespace sprocket::app
{
/** What one mixer strip shows, read from the session: a plain value, so a strip only repaints
    when what it shows changed. */
struct StripInfo
{
    struct InsertSlot
    {
        std::string name; // "EQ", "Compressor", "Room Reverb"
        bool bypass = false;

        bool operator== (const InsertSlot&) const = default;
    };

    struct SendSlot
    {
        std::string id;
        std::string busName; // the destination bus's name ("Reverb")
        double gainDb = 0.0;
        bool preFader = false;
        bool mute = false;

        bool operator== (const SendSlot&) const = default;
    };

    enum class PanKind
    {
        none,     // buses and the master
        stereo,   // a track into a mono or stereo destination: pan -1 .. +1
        surround, // a track into 5.1 or 7.1: its x/y position
    };

    session::StripRef ref;
    std::string name;
    std::string colourId; // the bus whose colour the name takes: a track's output, a bus itself
    int channels = 2;
    std::string output;      // the destination's name ("DX", "Printmaster"); empty for the master
    bool hasInserts = false; // tracks and buses; the master has no inserts and no sends
    std::vector<InsertSlot> inserts;
    std::vector<SendSlot> sends;
    double gainDb = 0.0;
    bool gainAutomated = false; // a gain_db lane plays instead of the fader's value
    PanKind panKind = PanKind::none;
    double pan = 0.0;
    session::SurroundPan surroundPan; // as it plays: a track without one shows its pan at the front, centre 0 %
    int panInto = 0;                  // the destination's width when panKind is surround (6 or 8)
    bool hasSwitches = false; // mute and solo: tracks only (buses have no such switch yet)
    bool mute = false, solo = false;
    bool soloSafe = false, recordArm = false;
    bool muteOnly = false; // a VCA: its mute and no other switch
    std::string colour;    // the stored "#rrggbb" (a track's own, else its bus's); empty: by colourId
    std::optional<session::AutomationMode> automationMode; // tracks and buses; none for the master and VCAs

    bool operator== (const StripInfo&) const = default;
};

/** The mixer's strips in order: every track, then every bus (the session's order: stems, then
    aux returns and any others), then every VCA group, then the master (the printmaster). */
std::vector<StripInfo> mixerStripsFor (const session::Session& session);

/** "mono", "stereo", "5.1", "7.1", else "N ch". */
std::string formatBadge (int channels);

/** An insert's type as a name to show: "eq" -> "EQ", "room_reverb" -> "Room Reverb". */
std::string insertDisplayName (const std::string& type);
} // namespace sprocket::app
