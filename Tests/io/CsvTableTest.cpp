#include "io/CsvTable.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace sprocket;

TEST (CsvTableTest, ReadsQuotedCommasQuotesAndLineBreaksAsRfc4180Says)
{
    const auto rows = io::parseCsv ("\xEF\xBB\xBF"
                                    "Cue,Line\r\n"
                                    "101,\"Stop, thief!\"\r\n"
                                    "102,\"He said \"\"no\"\"\nand left\"\n"
                                    ",\n"
                                    "103,plain");
    ASSERT_TRUE (rows) << rows.error().message;
    ASSERT_EQ (rows->size(), 4u); // the blank row is dropped
    EXPECT_EQ ((*rows)[0], (std::vector<std::string> { "Cue", "Line" }));
    EXPECT_EQ ((*rows)[1][1], "Stop, thief!");
    EXPECT_EQ ((*rows)[2][1], "He said \"no\"\nand left");
    EXPECT_EQ ((*rows)[3], (std::vector<std::string> { "103", "plain" }));
}

TEST (CsvTableTest, WritesWhatItReadsBack)
{
    const io::CsvRows rows { { "a", "b,c", "say \"hi\"" }, { " padded ", "multi\nline", "" }, { "Ünïcödé" } };
    const auto text = io::formatCsv (rows);
    EXPECT_EQ (text.substr (0, text.find ("\r\n")), "a,\"b,c\",\"say \"\"hi\"\"\"");
    const auto back = io::parseCsv (text);
    ASSERT_TRUE (back) << back.error().message;
    EXPECT_EQ (*back, rows);

    const auto file = test::freshTempFolder ("csv") / "rows.csv";
    ASSERT_TRUE (io::writeCsvFile (file, rows));
    const auto read = io::readCsvFile (file);
    ASSERT_TRUE (read) << read.error().message;
    EXPECT_EQ (*read, rows);
}

TEST (CsvTableTest, AMalformedFileSaysWhichFileAndLine)
{
    const auto file = test::freshTempFolder ("csv-bad") / "bad.csv";
    std::ofstream (file) << "Cue,Line\n101,ok\n102,\"unterminated\n";
    const auto rows = io::readCsvFile (file);
    ASSERT_FALSE (rows);
    EXPECT_NE (rows.error().message.find ("bad.csv"), std::string::npos) << rows.error().message;

    const auto strayQuote = io::parseCsv ("a,b\nc,d\"e\"\n");
    ASSERT_FALSE (strayQuote);
    EXPECT_NE (strayQuote.error().message.find ("line 2"), std::string::npos) << strayQuote.error().message;

    const auto missing = io::readCsvFile (file.parent_path() / "none.csv");
    ASSERT_FALSE (missing);
    EXPECT_NE (missing.error().message.find ("none.csv: cannot open"), std::string::npos);
}
