#pragma once

#include "core/Error.h"

#include <string>
#include <string_view>
#include <vector>

namespace sprocket::io
{
/** One entry of an iXML TRACK_LIST: which channel of the file (1-based, as recorders write it)
    carries which microphone. */
struct IxmlTrack
{
    int channelIndex = 0;
    std::string name;

    bool operator== (const IxmlTrack&) const = default;
};

/** The production-sound fields of an iXML chunk (www.ixml.info) that post needs: where a
    recording belongs (project, scene, take, tape/roll), its speed and the track names. */
struct IxmlInfo
{
    std::string project;
    std::string scene;
    std::string take;
    std::string tape;
    std::string note;
    std::string speedNote;    // SPEED/NOTE
    std::string timecodeRate; // SPEED/TIMECODE_RATE, e.g. "24000/1001"
    std::string timecodeFlag; // SPEED/TIMECODE_FLAG, "DF" or "NDF"
    std::vector<IxmlTrack> tracks;

    bool operator== (const IxmlInfo&) const = default;
};

/** Reads the fields above from an iXML document (root element BWFXML). Unknown elements are
    ignored; missing ones stay empty. Trailing NULs and padding, as chunks often carry, are fine. */
core::Result<IxmlInfo> parseIxml (std::string_view xml);

/** An iXML document (IXML_VERSION 1.61) holding the fields above; empty fields are left out. */
std::string formatIxml (const IxmlInfo& info);
} // namespace sprocket::io
