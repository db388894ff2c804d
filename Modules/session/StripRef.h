#pragma once

#include <string>

namespace sprocket::session
{
/** Which strip of the mixer: a track, a bus or a VCA by id, or the master. */
struct StripRef
{
    enum class Kind
    {
        track,
        bus,
        master,
        vca // a VCA group's strip, by the group's id
    };

    Kind kind = Kind::track;
    std::string id; // the track's, bus's or VCA group's id; empty for the master

    static StripRef track (std::string id) { return { Kind::track, std::move (id) }; }
    static StripRef bus (std::string id) { return { Kind::bus, std::move (id) }; }
    static StripRef master() { return { Kind::master, {} }; }
    static StripRef vca (std::string id) { return { Kind::vca, std::move (id) }; }

    bool operator== (const StripRef&) const = default;
};
} // namespace sprocket::session
