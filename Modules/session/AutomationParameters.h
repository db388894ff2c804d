#pragma once

#include "session/Insert.h"
#include "session/Send.h"
#include "session/Session.h"
#include "session/StripRef.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sprocket::session
{
/** One parameter of a strip that a lane can automate, described for editors and recorders. */
struct AutomatableParameter
{
    std::string key;  // the lane's key: "gain_db", "pan", "mute", "send.<id>.gain_db", "inserts[<n>].<param-id>"
    std::string name; // for menus: "Volume", "Pan", "Mute", "Send to VERB", "2 eq: Low gain"
    std::string unit; // "dB", "Hz", "" ...
    double minimum = 0.0;
    double maximum = 1.0;
    double staticValue = 0.0; // what plays where the strip has no lane for it
    bool isSwitch = false;    // mute and on/off parameters: drawn and written as steps

    bool operator== (const AutomatableParameter&) const = default;
};

/** The unit range of a lane's values, or nullopt with `why` naming what the key should be
    (docs/SESSION_FORMAT.md, "Automation"). The loader and the editors share it. */
std::optional<std::pair<double, double>> automationRange (const std::string& key, const std::vector<Insert>& inserts,
                                                          const std::vector<Send>& sends, bool isTrack, std::string& why);

/** Every parameter of a track or bus that can be automated, in the order a menu lists them:
    volume, pan (tracks), mute, each send's level, then each insert's parameters. The master
    has no lanes (an empty list). */
std::vector<AutomatableParameter> automatableParameters (const Session& session, const StripRef& strip);

/** One of them by key; nullopt when the strip has no such parameter. */
std::optional<AutomatableParameter> findAutomatableParameter (const Session& session, const StripRef& strip,
                                                              const std::string& key);
} // namespace sprocket::session
