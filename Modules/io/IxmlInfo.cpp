#include "io/IxmlInfo.h"

#include <pugixml.hpp>

#include <charconv>
#include <sstream>

namespace sprocket::io
{
namespace
{
    std::string childText (const pugi::xml_node& parent, const char* name)
    {
        return parent.child (name).text().as_string();
    }

    void appendIfSet (pugi::xml_node& parent, const char* name, const std::string& value)
    {
        if (! value.empty())
            parent.append_child (name).text().set (value.c_str());
    }
} // namespace

core::Result<IxmlInfo> parseIxml (std::string_view xml)
{
    // Chunks are padded to an even length and some recorders pad with NULs far beyond that.
    while (! xml.empty() && (xml.back() == '\0' || xml.back() == ' ' || xml.back() == '\n' || xml.back() == '\r'))
        xml.remove_suffix (1);

    pugi::xml_document doc;
    const auto parsed = doc.load_buffer (xml.data(), xml.size());

    if (! parsed)
        return core::makeError ("iXML: " + std::string (parsed.description()) + " at offset " + std::to_string (parsed.offset));

    const auto root = doc.child ("BWFXML");

    if (! root)
        return core::makeError ("iXML: no BWFXML root element");

    IxmlInfo info;
    info.project = childText (root, "PROJECT");
    info.scene = childText (root, "SCENE");
    info.take = childText (root, "TAKE");
    info.tape = childText (root, "TAPE");
    info.note = childText (root, "NOTE");

    const auto speed = root.child ("SPEED");
    info.speedNote = childText (speed, "NOTE");
    info.timecodeRate = childText (speed, "TIMECODE_RATE");
    info.timecodeFlag = childText (speed, "TIMECODE_FLAG");

    for (const auto track : root.child ("TRACK_LIST").children ("TRACK"))
    {
        IxmlTrack t;
        const auto indexText = childText (track, "CHANNEL_INDEX");
        const auto* first = indexText.data();
        const auto [end, ec] = std::from_chars (first, first + indexText.size(), t.channelIndex);

        if (ec != std::errc() || end != first + indexText.size())
            return core::makeError ("iXML: TRACK_LIST/TRACK has a bad CHANNEL_INDEX \"" + indexText + "\"");

        t.name = childText (track, "NAME");
        info.tracks.push_back (std::move (t));
    }

    return info;
}

std::string formatIxml (const IxmlInfo& info)
{
    pugi::xml_document doc;
    auto decl = doc.append_child (pugi::node_declaration);
    decl.append_attribute ("version") = "1.0";
    decl.append_attribute ("encoding") = "UTF-8";

    auto root = doc.append_child ("BWFXML");
    root.append_child ("IXML_VERSION").text().set ("1.61");
    appendIfSet (root, "PROJECT", info.project);
    appendIfSet (root, "SCENE", info.scene);
    appendIfSet (root, "TAKE", info.take);
    appendIfSet (root, "TAPE", info.tape);
    appendIfSet (root, "NOTE", info.note);

    if (! (info.speedNote.empty() && info.timecodeRate.empty() && info.timecodeFlag.empty()))
    {
        auto speed = root.append_child ("SPEED");
        appendIfSet (speed, "NOTE", info.speedNote);
        appendIfSet (speed, "TIMECODE_RATE", info.timecodeRate);
        appendIfSet (speed, "TIMECODE_FLAG", info.timecodeFlag);
    }

    if (! info.tracks.empty())
    {
        auto list = root.append_child ("TRACK_LIST");
        list.append_child ("TRACK_COUNT").text().set (static_cast<int> (info.tracks.size()));

        for (const auto& t : info.tracks)
        {
            auto track = list.append_child ("TRACK");
            track.append_child ("CHANNEL_INDEX").text().set (t.channelIndex);
            // Interleaved files carry channel n at interleave position n; readers expect both.
            track.append_child ("INTERLEAVE_INDEX").text().set (t.channelIndex);
            appendIfSet (track, "NAME", t.name);
        }
    }

    std::ostringstream out;
    doc.save (out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}
} // namespace sprocket::io
