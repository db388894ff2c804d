// `sprocket-cli qc` as a user runs it, on files made by sox and on the demo session.

#include "CliRun.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>

using namespace sprocket;
using test::runSprocketCli;
using test::shellQuoted;

namespace
{
bool haveSox()
{
    return std::system ("command -v sox > /dev/null 2>&1") == 0;
}

/** Pink noise made by sox, stereo 48 kHz 24-bit, brought to `lufs` with sox's own gain. */
std::filesystem::path pinkNoiseAt (const std::filesystem::path& folder, const std::string& name, double lufs)
{
    const auto raw = folder / ("raw_" + name);
    const auto file = folder / name;
    EXPECT_EQ (std::system (
                   ("timeout 60 sox -R -n -r 48000 -c 2 -b 24 " + shellQuoted (raw) + " synth 20 pinknoise gain -20 2>/dev/null")
                       .c_str()),
               0);
    const auto measured = runSprocketCli ("loudness --json " + shellQuoted (raw));
    const double gain = lufs - nlohmann::json::parse (measured.out)["integrated_lufs"].get<double>();
    EXPECT_EQ (std::system (("timeout 60 sox " + shellQuoted (raw) + " " + shellQuoted (file) + " gain " + std::to_string (gain)
                             + " 2>/dev/null")
                                .c_str()),
               0);
    return file;
}

const nlohmann::json& ruleOf (const nlohmann::json& report, const std::string& id)
{
    for (const auto& rule : report["rules"])
        if (rule["id"] == id)
            return rule;
    throw std::runtime_error ("no rule " + id);
}
} // namespace

TEST (QcCliTest, AProgrammeAtTargetPassesAndALoudOneFailsWithExitOne)
{
    if (! haveSox())
        GTEST_SKIP() << "sox is not installed";
    const auto folder = test::freshTempFolder ("qc_cli");
    const auto good = pinkNoiseAt (folder, "good.wav", -23.0);
    const auto report = folder / "good report.html";
    auto run = runSprocketCli ("qc " + shellQuoted (good) + " --spec ebu-r128 --json -o " + shellQuoted (report));
    ASSERT_EQ (run.exitCode, 0) << run.out << run.err;
    auto json = nlohmann::json::parse (run.out);
    EXPECT_EQ (json["passed"], true);
    EXPECT_EQ (json["spec"], "ebu-r128");
    EXPECT_EQ (json["report"], report.string());
    EXPECT_NEAR (json["integrated_lufs"].get<double>(), -23.0, 0.05);
    for (const char* key : { "file", "loudness_range_lu", "true_peak_dbtp", "sample_peak_dbfs", "duration_s", "rules" })
        EXPECT_TRUE (json.contains (key)) << key;
    EXPECT_TRUE (std::filesystem::exists (report));
    EXPECT_NE (run.err.find ("qc: 100%"), std::string::npos); // progress on stderr

    const auto loud = pinkNoiseAt (folder, "loud.wav", -20.0);
    run = runSprocketCli ("qc " + shellQuoted (loud) + " --spec ebu-r128");
    EXPECT_EQ (run.exitCode, 1);
    EXPECT_NE (run.out.find ("FAIL  Integrated loudness"), std::string::npos) << run.out;
    EXPECT_TRUE (std::filesystem::exists (folder / "loud_qc.html")); // beside the input by default

    // ATSC A/85 allows -24 +/- 2: -23 passes there too.
    run = runSprocketCli ("qc " + shellQuoted (good) + " --spec 'ATSC A/85' --json -o " + shellQuoted (folder / "a85.html"));
    EXPECT_EQ (run.exitCode, 0) << run.out;
    EXPECT_EQ (ruleOf (nlohmann::json::parse (run.out), "integrated_loudness")["passed"], true);
}

TEST (QcCliTest, ClippingSilenceAndPhaseInAFileMadeBySoxAreFoundWithTheirTimes)
{
    if (! haveSox())
        GTEST_SKIP() << "sox is not installed";
    const auto folder = test::freshTempFolder ("qc_cli_faults");
    auto sox = [&] (const std::string& arguments) {
        ASSERT_EQ (std::system (("cd " + shellQuoted (folder) + " && timeout 60 sox " + arguments + " 2>/dev/null").c_str()), 0)
            << arguments;
    };
    sox ("-R -n -r 48000 -c 2 -b 24 tone.wav synth 5 sine 440 gain -20");
    sox ("-R -n -r 48000 -c 2 -b 24 gap.wav trim 0 12");
    sox ("tone.wav inverted.wav remix 1 1i");
    sox ("-R -n -r 48000 -c 2 -b 24 hot.wav synth 1 sine 440 gain 6");
    sox ("tone.wav gap.wav inverted.wav hot.wav tone.wav programme.wav");

    auto run = runSprocketCli ("qc " + shellQuoted (folder / "programme.wav") + " --spec ebu-r128 --json");
    EXPECT_EQ (run.exitCode, 1);
    const auto json = nlohmann::json::parse (run.out);
    EXPECT_EQ (json["passed"], false);

    const auto& silence = ruleOf (json, "silence");
    EXPECT_EQ (silence["passed"], false);
    ASSERT_EQ (silence["events"].size(), 1u);
    EXPECT_NEAR (silence["events"][0]["start_s"].get<double>(), 5.0, 0.11);
    EXPECT_NEAR (silence["events"][0]["end_s"].get<double>(), 17.0, 0.11);

    const auto& phase = ruleOf (json, "phase");
    EXPECT_EQ (phase["passed"], false);
    ASSERT_GE (phase["events"].size(), 1u);
    EXPECT_EQ (phase["events"][0]["channel"], "L/R");
    EXPECT_NEAR (phase["events"][0]["start_s"].get<double>(), 17.0, 1.01);

    const auto& clipping = ruleOf (json, "clipping");
    EXPECT_EQ (clipping["passed"], false);
    ASSERT_EQ (clipping["events"].size(), 2u); // one passage in each channel
    EXPECT_NEAR (clipping["events"][0]["start_s"].get<double>(), 22.0, 0.01);
    EXPECT_EQ (ruleOf (json, "true_peak")["passed"], false);
    EXPECT_EQ (ruleOf (json, "dc_offset")["passed"], true);
}

TEST (QcCliTest, ASessionIsCheckedOnItsPrintmasterAsRenderWouldPrintIt)
{
    const std::filesystem::path demo = std::filesystem::path (SPROCKET_TEST_DATA_DIR) / ".." / ".." / "Resources" / "demo";
    if (! std::filesystem::exists (demo / "audio" / "dx_a_line1.wav"))
        GTEST_SKIP() << "the demo audio is made by Resources/demo/make_demo_audio.sh";
    const auto folder = test::freshTempFolder ("qc_cli_session");
    const auto session = demo / "demo.sprocket";
    auto run =
        runSprocketCli ("qc " + shellQuoted (session) + " --spec streaming --json -o " + shellQuoted (folder / "demo.html"));
    ASSERT_TRUE (run.exitCode == 0 || run.exitCode == 1) << run.err;
    const auto json = nlohmann::json::parse (run.out);
    EXPECT_EQ (json["file"], session.string());
    EXPECT_TRUE (json["dialogue_lufs"].is_number());

    // The same figures as rendering the printmaster and measuring it.
    run = runSprocketCli ("render " + shellQuoted (session) + " -o " + shellQuoted (folder) + " --bit-depth 32f");
    ASSERT_EQ (run.exitCode, 0) << run.err;
    std::filesystem::path printmaster;
    for (const auto& entry : std::filesystem::directory_iterator (folder))
        if (entry.path().extension() == ".wav")
            printmaster = entry.path();
    const auto measured = nlohmann::json::parse (runSprocketCli ("loudness --json " + shellQuoted (printmaster)).out);
    EXPECT_NEAR (json["integrated_lufs"].get<double>(), measured["integrated_lufs"].get<double>(), 1e-3);
    EXPECT_NEAR (json["true_peak_dbtp"].get<double>(), measured["true_peak_dbtp"].get<double>(), 1e-3);

    std::ifstream html (folder / "demo.html");
    const std::string text { std::istreambuf_iterator<char> (html), {} };
    EXPECT_NE (text.find ("printmaster of"), std::string::npos);
}

TEST (QcCliTest, BadInputIsNamedAndExitsTwo)
{
    const auto folder = test::freshTempFolder ("qc_cli_bad");
    auto run = runSprocketCli ("qc " + shellQuoted (folder / "missing.wav") + " --spec ebu-r128");
    EXPECT_EQ (run.exitCode, 2);
    EXPECT_NE (run.err.find ("missing.wav"), std::string::npos) << run.err;

    std::ofstream (folder / "x.wav") << "not audio";
    run = runSprocketCli ("qc " + shellQuoted (folder / "x.wav") + " --spec nonsense");
    EXPECT_EQ (run.exitCode, 2);
    EXPECT_NE (run.err.find ("unknown QC spec 'nonsense'"), std::string::npos) << run.err;
    EXPECT_NE (run.err.find ("ebu-r128, atsc-a85, streaming"), std::string::npos) << run.err;

    run = runSprocketCli ("qc " + shellQuoted (folder / "x.wav") + " --spec ebu-r128");
    EXPECT_EQ (run.exitCode, 1);
    EXPECT_NE (run.err.find ("x.wav"), std::string::npos) << run.err;

    std::ofstream (folder / "spec.json") << R"({"target_lufs": -16, "max_true_peak_dbtp": "loud"})";
    run = runSprocketCli ("qc " + shellQuoted (folder / "x.wav") + " --spec " + shellQuoted (folder / "spec.json"));
    EXPECT_EQ (run.exitCode, 2);
    EXPECT_NE (run.err.find ("max_true_peak_dbtp"), std::string::npos) << run.err;

    run = runSprocketCli ("qc " + shellQuoted (folder / "x.wav"));
    EXPECT_EQ (run.exitCode, 2);
    EXPECT_NE (run.err.find ("usage: sprocket-cli qc"), std::string::npos) << run.err;
}
