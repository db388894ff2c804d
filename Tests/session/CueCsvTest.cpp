#include "session/CueCsv.h"
#include "session/TimelineGrid.h"

#include "io/CsvTable.h"
#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace sprocket;
using namespace sprocket::session;

namespace
{
Session timebase (core::FrameRate rate, core::Timecode start = { 1, 0, 0, 0 })
{
    Session session;
    session.name = "Reel 1";
    session.sampleRate = 48000;
    session.frameRate = rate;
    session.startTimecode = start;
    return session;
}

core::SamplePosition at (const Session& session, const char* timecode)
{
    return *timelinePosition (session, *core::parseTimecode (timecode, session.frameRate));
}

std::string textOf (const std::filesystem::path& file)
{
    std::ifstream in (file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void write (const std::filesystem::path& file, const std::string& text)
{
    std::ofstream (file, std::ios::binary) << text;
}
} // namespace

TEST (CueCsvTest, AdrCuesRoundTripThroughCsvAtEveryFrameRate)
{
    for (auto rate : { core::FrameRate::fps23_976, core::FrameRate::fps25, core::FrameRate::fps29_97df })
    {
        const auto session = timebase (rate);
        const std::vector<AdrCue> cues {
            { "101", "MARY", "Where were you, \"Tom\"?", at (session, "01:00:05:12"), at (session, "01:00:07:03"), "plane over",
              AdrStatus::pending },
            { "102", "TOM", "Out.\nJust out.", at (session, "01:10:00:02"), at (session, "01:10:01:00"), "",
              AdrStatus::approved },
            { "103", "", "", at (session, "01:00:00:00"), at (session, "01:00:00:00"), "wild line", AdrStatus::omitted },
        };
        const auto file = test::freshTempFolder ("adr-roundtrip") / "adr.csv";
        ASSERT_TRUE (writeAdrCuesCsv (file, cues, session));
        const auto read = readAdrCuesCsv (file, session);
        ASSERT_TRUE (read) << read.error().message;
        EXPECT_EQ (*read, cues) << core::frameRateName (rate);

        // And the text survives the trip the other way: read, write, same bytes.
        const auto again = file.parent_path() / "again.csv";
        ASSERT_TRUE (writeAdrCuesCsv (again, *read, session));
        EXPECT_EQ (textOf (again), textOf (file));
    }
    const auto session = timebase (core::FrameRate::fps29_97df);
    const auto file = test::freshTempFolder ("adr-df") / "adr.csv";
    ASSERT_TRUE (
        writeAdrCuesCsv (file, { { "1", "A", "x", at (session, "01:01:00;02"), at (session, "01:01:00;03"), "", {} } }, session));
    EXPECT_NE (textOf (file).find ("1,A,x,01:01:00;02,01:01:00;03,,pending\r\n"), std::string::npos) << textOf (file);
}

TEST (CueCsvTest, MusicCuesRoundTripAndTheDurationColumnIsMinutesSeconds)
{
    const auto session = timebase (core::FrameRate::fps24);
    const std::vector<MusicCue> cues {
        { "1M1", "Main Title", at (session, "01:00:00:00"), at (session, "01:02:05:00"), "MT", "A. Composer",
          "Sprocket Music, Ltd" },
        { "1M2", "Chase", at (session, "01:04:10:12"), at (session, "01:04:40:13"), "BI", "", "" },
    };
    const auto file = test::freshTempFolder ("music-roundtrip") / "music.csv";
    ASSERT_TRUE (writeMusicCuesCsv (file, cues, session));
    const auto rows = io::readCsvFile (file);
    ASSERT_TRUE (rows);
    EXPECT_EQ ((*rows)[1][4], "2:05");
    EXPECT_EQ ((*rows)[2][4], "0:31"); // 30 s and a frame is a started 31st second
    const auto read = readMusicCuesCsv (file, session);
    ASSERT_TRUE (read) << read.error().message;
    EXPECT_EQ (*read, cues);
}

TEST (CueCsvTest, ReadsOtherToolsHeadersInAnyOrderAndIgnoresExtraColumns)
{
    const auto session = timebase (core::FrameRate::fps25);
    const auto folder = test::freshTempFolder ("adr-foreign");
    write (folder / "adr.csv", "\xEF\xBB\xBF"
                               "Reel,Start TC,End TC,Character,Dialogue,Cue #,Comments,State\r\n"
                               "1,01:00:10:00,01:00:12:10,MARY,\"Hello, again\",MA-1,,done\r\n"
                               "1,01:00:20:00,01:00:21:00,TOM,Bye,TO-1,breath,\r\n");
    const auto adr = readAdrCuesCsv (folder / "adr.csv", session);
    ASSERT_TRUE (adr) << adr.error().message;
    ASSERT_EQ (adr->size(), 2u);
    EXPECT_EQ ((*adr)[0].id, "MA-1");
    EXPECT_EQ ((*adr)[0].line, "Hello, again");
    EXPECT_EQ ((*adr)[0].in, at (session, "01:00:10:00"));
    EXPECT_EQ ((*adr)[0].status, AdrStatus::recorded);
    EXPECT_EQ ((*adr)[1].notes, "breath");
    EXPECT_EQ ((*adr)[1].status, AdrStatus::pending);

    write (folder / "music.csv", "cue no,title,tc in,duration,use\n2M4,Night Drive,01:20:00:00,1:30,BV\n");
    const auto music = readMusicCuesCsv (folder / "music.csv", session);
    ASSERT_TRUE (music) << music.error().message;
    EXPECT_EQ ((*music)[0].number, "2M4");
    EXPECT_EQ ((*music)[0].duration().samples, 90 * 48000);
    EXPECT_EQ ((*music)[0].usage, "BV");
}

TEST (CueCsvTest, ABadCellIsRefusedWithItsFileRowAndColumn)
{
    const auto session = timebase (core::FrameRate::fps25);
    const auto folder = test::freshTempFolder ("adr-bad");
    const auto errorFor = [&] (const std::string& text) {
        write (folder / "cues.csv", text);
        const auto read = readAdrCuesCsv (folder / "cues.csv", session);
        return read ? std::string() : read.error().message;
    };
    EXPECT_EQ (errorFor ("Cue,TC In,TC Out\n1,01:00:00:00,01:00:01:00\n"), "");
    EXPECT_NE (errorFor ("Cue,TC In,TC Out\n1,01:00:00:00,01:00:01:00\n2,01:00:0x:00,01:00:01:00\n")
                   .find ("cues.csv row 3, column \"TC In\""),
               std::string::npos);
    EXPECT_NE (errorFor ("Cue,TC In,TC Out\n1,01:00:02:00,01:00:01:00\n").find ("row 2, column \"TC Out\": comes before"),
               std::string::npos);
    EXPECT_NE (errorFor ("Cue,TC In,TC Out\n1,00:59:00:00,01:00:01:00\n").find ("row 2, column \"TC In\""), std::string::npos);
    EXPECT_NE (errorFor ("Cue,TC In,TC Out\n1,01:00:00:00,01:00:01:00\n1,01:00:00:00,01:00:01:00\n").find ("listed twice"),
               std::string::npos);
    EXPECT_NE (errorFor ("Cue,TC In,TC Out,Status\n1,01:00:00:00,01:00:01:00,lost\n").find ("column \"Status\": 'lost'"),
               std::string::npos);
    EXPECT_NE (errorFor ("Character,TC In,TC Out\nA,01:00:00:00,01:00:01:00\n").find ("no \"id\" column"), std::string::npos);
    EXPECT_NE (errorFor ("").find ("no header row"), std::string::npos);
}

TEST (CueCsvTest, TheCueSheetListsCuesInStartOrderWithUsageDurationsAndTotal)
{
    auto session = timebase (core::FrameRate::fps24);
    session.cues.music = {
        { "1M2", "Chase", at (session, "01:04:00:00"), at (session, "01:04:30:00"), "BI", "B. Writer", "Pub B" },
        { "1M1", "Main Title", at (session, "01:00:00:00"), at (session, "01:01:00:12"), "MT", "A. Composer", "Pub A" },
    };
    const auto file = test::freshTempFolder ("cue-sheet") / "sheet.csv";
    ASSERT_TRUE (writeMusicCueSheet (file, session));
    const auto rows = io::readCsvFile (file);
    ASSERT_TRUE (rows) << rows.error().message;
    EXPECT_EQ ((*rows)[0], (std::vector<std::string> { "Production", "Reel 1" }));
    EXPECT_EQ ((*rows)[3],
               (std::vector<std::string> { "1", "1M1", "Main Title", "MT", "01:00:00:00", "1:01", "A. Composer", "Pub A" }));
    EXPECT_EQ ((*rows)[4][1], "1M2");
    EXPECT_EQ ((*rows)[4][5], "0:30");
    EXPECT_EQ (rows->back(), (std::vector<std::string> { "Total music", "1:31" }));
}
