// Automation read from a file is repaired, never refused and never dropped silently: points out
// of order are sorted, out-of-range values and negative positions clamped, NaN points and the
// middle of three points at one position dropped, each with a warning naming its JSON path.
#include "session/AutomationRepair.h"
#include "session/SessionFile.h"
#include "session/SessionJson.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>

using namespace sprocket::session;

namespace
{
const std::filesystem::path fixture = std::filesystem::path (SPROCKET_TEST_DATA_DIR) / "automation_repairs.sprocket";

std::vector<std::string> lines (const Problems& problems)
{
    std::vector<std::string> text;
    for (auto& problem : problems)
        text.push_back (problem.toString());
    return text;
}
} // namespace

TEST (AutomationRepairTest, TheFixtureLoadsWithEveryRepairReportedByItsPath)
{
    const auto loaded = loadSessionFile (fixture);
    ASSERT_TRUE (loaded.session) << loaded.problems[0].toString();
    EXPECT_TRUE (loaded.problems.empty());
    const std::vector<std::string> expected {
        "buses[0].automation.mute[1]: value 2 is outside 0 .. 1, clamped to 1",
        "tracks[0].automation.gain_db[2]: out of order (position 48000 comes after a point at 96000), moved",
        "tracks[0].automation.gain_db[3]: value 30 is outside -200 .. 24, clamped to 24",
        "tracks[0].automation.gain_db[4]: position -100 is before 0, moved to 0",
        "tracks[0].automation.gain_db[4]: out of order (position 0 comes after a point at 144000), moved",
        "tracks[0].automation.gain_db[5]: value is not a number, point dropped",
        "tracks[0].automation.gain_db[7]: one of 3 points at position 240000 (a step keeps only the first and the last), "
        "dropped",
        "tracks[1].automation.inserts[0].threshold_db[0]: value -80 is outside -60 .. 0, clamped to -60",
    };
    EXPECT_EQ (lines (loaded.warnings), expected);

    const auto& session = *loaded.session;
    const AutomationLane gain { { 0, -10.0 },     { 0, -20.0 },     { 48000, -5.0 }, { 96000, 0.0 },
                                { 144000, 24.0 }, { 240000, -3.0 }, { 240000, -6.0 } };
    EXPECT_EQ (session.tracks[0].automation.at ("gain_db"), gain);
    EXPECT_EQ (session.tracks[0].automation.at ("pan"), (AutomationLane { { 0, -1.0 }, { 48000, 1.0 } }));
    EXPECT_EQ (session.buses[0].automation.at ("mute"), (AutomationLane { { 0, 0.0 }, { 96000, 1.0 } }));
    EXPECT_EQ (session.tracks[1].automation.at ("inserts[0].threshold_db"), (AutomationLane { { 0, -60.0 }, { 48000, -20.0 } }));
}

TEST (AutomationRepairTest, TheValueAfterAJumpIsTheLastPointWrittenAtThatPosition)
{
    const auto loaded = loadSessionFile (fixture);
    ASSERT_TRUE (loaded.session);
    const auto& gain = loaded.session->tracks[0].automation.at ("gain_db");
    EXPECT_DOUBLE_EQ (automationValueAt (gain, 0), -20.0); // [4] came after [0] in the file
    EXPECT_DOUBLE_EQ (automationValueAt (gain, 239999), -3.0 + (24.0 - -3.0) * 1.0 / 96000.0);
    EXPECT_DOUBLE_EQ (automationValueAt (gain, 240000), -6.0);
}

TEST (AutomationRepairTest, ARepairedSessionSavesCleanAndReloadsWithoutWarnings)
{
    const auto loaded = loadSessionFile (fixture);
    ASSERT_TRUE (loaded.session);
    Problems problems, warnings;
    const auto back = sessionFromJson (nlohmann::json::parse (sessionToJson (*loaded.session).dump()), problems, warnings);
    EXPECT_TRUE (problems.empty());
    EXPECT_TRUE (warnings.empty()) << warnings[0].toString();
    EXPECT_EQ (back.tracks[0].automation, loaded.session->tracks[0].automation);
}

TEST (AutomationRepairTest, CleanLanesAndTwoPointStepsNeedNoRepair)
{
    Problems warnings;
    const auto lane = repairAutomationLane ({ { 0, 0, -10.0 }, { 1, 4800, -10.0 }, { 2, 4800, 0.0 }, { 3, 9600, 6.0 } }, -200.0,
                                            24.0, "lane", warnings);
    EXPECT_TRUE (warnings.empty());
    EXPECT_EQ (lane, (AutomationLane { { 0, -10.0 }, { 4800, -10.0 }, { 4800, 0.0 }, { 9600, 6.0 } }));
}

TEST (AutomationRepairTest, InfinitiesAreClampedAndALaneOfOnlyNaNsIsEmptyButReported)
{
    Problems warnings;
    const double inf = std::numeric_limits<double>::infinity();
    const auto clamped = repairAutomationLane ({ { 0, 10, -inf }, { 1, 20, inf } }, -1.0, 1.0, "pan", warnings);
    EXPECT_EQ (clamped, (AutomationLane { { 10, -1.0 }, { 20, 1.0 } }));
    EXPECT_EQ (warnings.size(), 2u);

    warnings.clear();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_TRUE (repairAutomationLane ({ { 0, 0, nan }, { 1, 5, nan } }, 0.0, 1.0, "mute", warnings).empty());
    EXPECT_EQ (lines (warnings), (std::vector<std::string> { "mute[0]: value is not a number, point dropped",
                                                             "mute[1]: value is not a number, point dropped" }));
}

TEST (AutomationRepairTest, MalformedPointsAndUnknownLanesAreStillProblems)
{
    auto document = nlohmann::json::parse (std::ifstream (fixture));
    document["tracks"][0]["automation"]["gain_db"][1] = "loud";
    document["tracks"][0]["automation"]["volume"] = nlohmann::json::array ({ { 0, 1 } });
    Problems problems, warnings;
    sessionFromJson (document, problems, warnings);
    EXPECT_EQ (lines (problems),
               (std::vector<std::string> {
                   "tracks[0].automation.gain_db[1]: must be [position, value]: a whole sample position and a number",
                   "tracks[0].automation.volume: not an automatable parameter: use gain_db, pan, mute, "
                   "send.<id>.gain_db, or inserts[<n>].<param-id>" }));
    EXPECT_FALSE (warnings.empty()); // the lane's other points are still repaired and reported
}
