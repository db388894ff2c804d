#include "qc/QcReport.h"

#include "ScanHelpers.h"
#include "support/TempFolder.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

using namespace sprocket;
using namespace sprocket::qc::test;

namespace
{
std::string readText (const std::filesystem::path& file)
{
    std::ifstream in (file);
    return { std::istreambuf_iterator<char> (in), {} };
}
} // namespace

TEST (QcReportTest, TheHtmlReportStandsAloneWithVerdictsPlotAndTimecodedEvents)
{
    const auto right = sine (1000.0, 0.2, 12.0);
    auto left = right;
    left[5 * 48000] = left[5 * 48000 + 1] = left[5 * 48000 + 2] = 1.0f; // clipping at 5 s
    const auto profile = scan ({ left, right });
    const auto spec = *qc::findQcSpec ("ebu-r128");
    const auto verdict = qc::checkProgramme (profile, spec);
    qc::QcSubject subject;
    subject.input = "mix.wav";
    subject.description = "printmaster of <Reel 1>";
    subject.startSample = 3600 * 48000; // 01:00:00:00
    const auto file = test::freshTempFolder ("qc_report") / "report.html";
    ASSERT_TRUE (qc::writeQcReport (file, subject, profile, verdict).ok());

    const auto html = readText (file);
    EXPECT_EQ (html.rfind ("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE (html.find ("&lt;Reel 1&gt;"), std::string::npos); // escaped
    EXPECT_NE (html.find ("<svg"), std::string::npos);
    EXPECT_NE (html.find ("<polyline class=\"shortterm\""), std::string::npos);
    EXPECT_NE (html.find ("01:00:05:00"), std::string::npos); // the clip, in programme timecode
    EXPECT_NE (html.find ("FAIL"), std::string::npos);
    // Readable offline: nothing is fetched.
    EXPECT_EQ (html.find ("http"), std::string::npos);
    EXPECT_EQ (html.find ("<script"), std::string::npos);
    EXPECT_FALSE (std::filesystem::exists (file.string() + ".partial"));

    const auto json = nlohmann::json::parse (qc::qcJson (subject, profile, verdict, file));
    EXPECT_EQ (json["passed"], false);
    EXPECT_EQ (json["spec"], "ebu-r128");
    ASSERT_EQ (json["rules"].size(), 6u);
    bool sawClipping = false;
    for (const auto& r : json["rules"])
        if (r["id"] == "clipping")
        {
            sawClipping = true;
            EXPECT_EQ (r["passed"], false);
            ASSERT_EQ (r["events"].size(), 1u);
            EXPECT_EQ (r["events"][0]["timecode"], "01:00:05:00");
            EXPECT_EQ (r["events"][0]["channel"], "L");
            EXPECT_NEAR (r["events"][0]["start_s"].get<double>(), 5.0, 1e-9);
        }
    EXPECT_TRUE (sawClipping);
}

TEST (QcReportTest, AnUnwritableReportIsAnErrorNamingIt)
{
    const auto profile = scan ({ sine (1000.0, 0.2, 1.0) });
    const auto verdict = qc::checkProgramme (profile, *qc::findQcSpec ("ebu-r128"));
    const auto result = qc::writeQcReport ("/nonexistent/folder/report.html", {}, profile, verdict);
    ASSERT_FALSE (result.ok());
    EXPECT_NE (result.error().message.find ("/nonexistent/folder/report.html"), std::string::npos);
}
