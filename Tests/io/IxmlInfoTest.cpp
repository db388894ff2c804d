#include "io/IxmlInfo.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace sprocket::io;

namespace
{
std::string readDataFile (const std::string& name)
{
    std::ifstream in (std::string (SPROCKET_TEST_DATA_DIR) + "/" + name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}
} // namespace

TEST (IxmlInfo, ParsesASoundDevicesDocument)
{
    const auto xml = readDataFile ("ixml_sounddevices.xml");
    ASSERT_FALSE (xml.empty());

    const auto parsed = parseIxml (xml);
    ASSERT_TRUE (parsed.ok()) << parsed.error().message;

    EXPECT_EQ (parsed->project, "NIGHT_FERRY");
    EXPECT_EQ (parsed->scene, "42B");
    EXPECT_EQ (parsed->take, "3");
    EXPECT_EQ (parsed->tape, "241013");
    EXPECT_EQ (parsed->note, "plane overhead at end & door slam");
    EXPECT_EQ (parsed->speedNote, "23.976 ND");
    EXPECT_EQ (parsed->timecodeRate, "24000/1001");
    EXPECT_EQ (parsed->timecodeFlag, "NDF");

    ASSERT_EQ (parsed->tracks.size(), 4u);
    EXPECT_EQ (parsed->tracks[0], (IxmlTrack { 1, "MixL" }));
    EXPECT_EQ (parsed->tracks[2], (IxmlTrack { 3, "Boom 416" }));
    EXPECT_EQ (parsed->tracks[3], (IxmlTrack { 4, "Lav Anna" }));
}

TEST (IxmlInfo, ToleratesChunkPadding)
{
    auto xml = readDataFile ("ixml_sounddevices.xml");
    xml.append (37, '\0');

    const auto parsed = parseIxml (xml);
    ASSERT_TRUE (parsed.ok()) << parsed.error().message;
    EXPECT_EQ (parsed->scene, "42B");
}

TEST (IxmlInfo, FormatThenParseRoundTrips)
{
    IxmlInfo info;
    info.project = "Ferry <ADR>";
    info.scene = "42B";
    info.take = "7";
    info.tape = "R12";
    info.note = "\"quoted\" & ampersand";
    info.speedNote = "25";
    info.timecodeRate = "25/1";
    info.timecodeFlag = "NDF";
    info.tracks = { { 1, "Boom" }, { 2, "Lav 1" }, { 3, "" } };

    const auto text = formatIxml (info);
    EXPECT_NE (text.find ("<BWFXML>"), std::string::npos);

    const auto parsed = parseIxml (text);
    ASSERT_TRUE (parsed.ok()) << parsed.error().message;
    EXPECT_EQ (*parsed, info);
}

TEST (IxmlInfo, EmptyInfoRoundTrips)
{
    const auto parsed = parseIxml (formatIxml ({}));
    ASSERT_TRUE (parsed.ok());
    EXPECT_EQ (*parsed, IxmlInfo {});
}

TEST (IxmlInfo, RejectsBrokenXml)
{
    const auto parsed = parseIxml ("<BWFXML><PROJECT>x</BWFXML>");
    ASSERT_FALSE (parsed.ok());
    EXPECT_NE (parsed.error().message.find ("iXML"), std::string::npos);
}

TEST (IxmlInfo, RejectsAnotherRootElement)
{
    const auto parsed = parseIxml ("<?xml version=\"1.0\"?><html><PROJECT>x</PROJECT></html>");
    ASSERT_FALSE (parsed.ok());
    EXPECT_NE (parsed.error().message.find ("BWFXML"), std::string::npos);
}

TEST (IxmlInfo, RejectsABadChannelIndex)
{
    const auto parsed = parseIxml ("<BWFXML><TRACK_LIST><TRACK><CHANNEL_INDEX>one</CHANNEL_INDEX></TRACK></TRACK_LIST></BWFXML>");
    ASSERT_FALSE (parsed.ok());
    EXPECT_NE (parsed.error().message.find ("CHANNEL_INDEX"), std::string::npos);
}
