#pragma once

#include <string>

namespace sprocket::session
{
/** Which strip of the mixer: a track or a bus by id, or the master. */
struct StripRef
{
    enum class Kind
    {
        track,
        bus,
        master
    };

    Kind kind = Kind::track;
    std::string id; // the track's or bus's id; empty for the master

    static StripRef track (std::string id) { return { Kind::track, std::move (id) }; }
    static StripRef bus (std::string id) { return { Kind::bus, std::move (id) }; }
    static StripRef master() { return { Kind::master, {} }; }

    bool operator== (const StripRef&) const = default;
};
} // namespace sprocket::session
