#pragma once

#include "core/SampleTime.h"
#include "core/Timecode.h"

#include <filesystem>
#include <optional>

namespace sprocket::session
{
/** The reference movie the session is cut against (docs/SESSION_FORMAT.md, *Picture*). Its
    first frame sits at the movie's own start timecode (its tmcd track) unless `startTimecode`
    says otherwise (a movie without timecode, or one to slip); `offsetFrames` delays the picture
    on screen to match a display's latency, without moving it on the timeline. `conform` plays a
    movie made at another picture rate frame for frame at the session's (a pull-up or pull-down,
    as 25 fps picture is run at 24 for film): its frames are counted in session frames, and its
    own timecode label is read at the session's rate. */
struct VideoReference
{
    std::filesystem::path path; // relative to the session file, like media
    std::optional<core::Timecode> startTimecode;
    int offsetFrames = 0;
    bool burnIn = false;
    bool conform = false;

    bool operator== (const VideoReference&) const = default;
};
} // namespace sprocket::session
