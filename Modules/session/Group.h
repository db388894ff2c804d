#pragma once

#include <string>
#include <vector>

namespace sprocket::session
{
/** A mix group (docs/SESSION_FORMAT.md, *Groups*). A VCA adds its `gainDb` to every member's
    fader without moving the members' faders, and its mute mutes them; a fader group links the
    members' faders: moving one moves the others by the same dB (Pro Tools' mix group volume,
    relative). Members are track or bus ids. */
struct Group
{
    enum class Kind
    {
        vca,
        fader
    };

    std::string id;
    std::string name;
    Kind kind = Kind::vca;
    std::vector<std::string> members;
    double gainDb = 0.0; // a VCA's master fader, -200 .. +24 dB
    bool mute = false;   // a VCA's mute
    std::string colour {};

    bool operator== (const Group&) const = default;
};
} // namespace sprocket::session
