#pragma once

#include "session/Track.h"

#include <string>
#include <vector>

namespace sprocket::session
{
/** A stem bus (DX, MX, FX, FOL, BG, ...). Without an explicit output it feeds the master. */
struct Bus
{
    std::string id;
    std::string name;
    int channels = 2;
    double gainDb = 0.0;
    std::string output = masterOutputId;
    std::vector<Insert> inserts; // processed in order on the bus sum, before the bus gain
    Automation automation = {};  // "gain_db", "mute", "send.<id>.gain_db", "inserts[<n>].<param-id>"
    std::vector<Send> sends = {}; // aux sends to other buses (no loops), before or after the bus gain
    AutomationMode automationMode = AutomationMode::read; // how the lanes take part in playback
    std::string colour {};       // "#rrggbb"; empty: the app's colour for the bus id (last: positional initialisers)

    bool operator== (const Bus&) const = default;
};

struct Master
{
    int channels = 2;
    double gainDb = 0.0;

    bool operator== (const Master&) const = default;
};
} // namespace sprocket::session
