#pragma once

#include "session/Automation.h"
#include "session/AutomationMode.h"
#include "session/Clip.h"
#include "session/Insert.h"
#include "session/Send.h"

#include <optional>
#include <string>
#include <vector>

namespace sprocket::session
{
/** A position on a surround panner, for tracks feeding a 5.1 or 7.1 bus
    (docs/SESSION_FORMAT.md, *Surround pan*). */
struct SurroundPan
{
    double x = 0.0;
    double y = 1.0;
    double divergence = 0.0;
    double centrePercent = 100.0;
    double lfeDb = -144.0;

    bool operator== (const SurroundPan&) const = default;
};

/** An alternate take of a track's clips, kept beside the one that plays. */
struct Playlist
{
    std::string name;
    std::vector<Clip> clips;

    bool operator== (const Playlist&) const = default;
};

/** A stored track height's range in pixels: Pro Tools' "micro" to "extreme" sizes. */
inline constexpr int trackHeightMin = 24;
inline constexpr int trackHeightMax = 400;

/** The id a track or bus uses to feed the printmaster. */
inline constexpr const char* masterOutputId = "master";

struct Track
{
    std::string id;
    std::string name;
    int channels = 1; // 1 mono, 2 stereo, 6 5.1 (L R C LFE Ls Rs), 8 7.1
    std::string output = masterOutputId;
    double gainDb = 0.0;
    double pan = 0.0;                       // -1 left .. +1 right
    std::optional<SurroundPan> surroundPan; // "pan": {...}: where it sits in a surround room
    bool mute = false;
    bool solo = false;
    std::vector<Insert> inserts; // processed in order, before the fader
    std::vector<Clip> clips;     // the active playlist: what plays
    std::string playlistName;    // its name ("" until the track has alternates)
    std::vector<Playlist> alternatePlaylists;
    Automation automation = {};
    std::vector<Send> sends = {}; // aux sends, tapped after the inserts (pre-fader) or after the fader
    AutomationMode automationMode = AutomationMode::read; // how the lanes take part in playback
    // Last, so positional initialisers written before they existed still mean what they did.
    bool soloSafe = false;  // never muted by other tracks' solos (Pro Tools' solo safe)
    bool recordArm = false; // armed for recording
    std::string colour {};  // "#rrggbb"; empty: the colour of what it feeds (its bus's)
    int height = 0;         // edit-window row height in pixels (trackHeightMin .. Max); 0: the view's shared height

    bool operator== (const Track&) const = default;
};
} // namespace sprocket::session
