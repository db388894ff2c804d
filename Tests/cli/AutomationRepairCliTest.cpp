// Automation repaired on load is a warning, not an error: `validate` lists each repair and still
// says valid (exit 0); `render` prints them on stderr and renders the repaired session.
#include "CliRun.h"
#include "engine/TestSessions.h"
#include "support/TestAudioFiles.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
/** Tests/data/automation_repairs.sprocket with one second of tone on its first track. */
std::filesystem::path repairsSession (const std::filesystem::path& folder)
{
    writeFloatWav (folder / "tone.wav", { sine (440.0, 0.25, 48000) });
    auto json =
        nlohmann::json::parse (std::ifstream (std::filesystem::path (SPROCKET_TEST_DATA_DIR) / "automation_repairs.sprocket"));
    json["media"] = nlohmann::json::array ({ { { "id", "m" }, { "path", "tone.wav" } } });
    json["tracks"][0]["clips"] =
        nlohmann::json::array ({ { { "id", "c" }, { "media", "m" }, { "position", 0 }, { "length", 48000 } } });
    const auto file = folder / "repairs.sprocket";
    std::ofstream (file) << json.dump (2);
    return file;
}
} // namespace

TEST (AutomationRepairCliTest, ValidateListsEachRepairAndStillSaysValid)
{
    const auto folder = freshTempFolder ("cli_automation_repairs");
    const auto file = repairsSession (folder);
    const auto run = runSprocketCli ("validate " + shellQuoted (file));
    EXPECT_EQ (run.exitCode, 0) << run.out << run.err;
    EXPECT_NE (run.out.find ("warning: tracks[0].automation.gain_db[2]: out of order (position 48000 comes after a "
                             "point at 96000), moved\n"),
               std::string::npos)
        << run.out;
    EXPECT_NE (run.out.find ("warning: buses[0].automation.mute[1]: value 2 is outside 0 .. 1, clamped to 1\n"),
               std::string::npos);
    EXPECT_NE (run.out.find (file.string() + ": valid (8 warnings)\n"), std::string::npos) << run.out;
}

TEST (AutomationRepairCliTest, RenderWarnsOnStderrAndRendersTheRepairedSession)
{
    const auto folder = freshTempFolder ("cli_automation_render");
    const auto file = repairsSession (folder);
    const auto run = runSprocketCli ("render " + shellQuoted (file) + " -o " + shellQuoted (folder / "out"));
    EXPECT_EQ (run.exitCode, 0) << run.err;
    EXPECT_NE (run.err.find ("sprocket-cli: warning: " + file.string()
                             + ": tracks[0].automation.gain_db[5]: value is not a number, point dropped\n"),
               std::string::npos)
        << run.err;
    EXPECT_TRUE (std::filesystem::exists (folder / "out" / "Automation repairs_PM.wav"));
}
