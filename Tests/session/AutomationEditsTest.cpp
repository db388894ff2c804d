// The breakpoint editor's lane edits and their undoable storage (AutomationEdits), the parameter
// list the editors offer (AutomationParameters) and the automation mode in the session file.
#include "session/AutomationEdits.h"
#include "session/AutomationParameters.h"
#include "session/EditHistory.h"
#include "session/SessionJson.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::session;

namespace
{
Session laneSession()
{
    Session s;
    Bus verb;
    verb.id = "VERB";
    verb.name = "Reverb";
    s.buses = { verb };
    Track a;
    a.id = "A1";
    a.gainDb = -3.0;
    a.inserts = { { "eq", nlohmann::json { { "band1_gain_db", 2.5 } }, false, nullptr, nlohmann::json::object() } };
    a.sends = { { "s1", "VERB", -10.0, false, false } };
    s.tracks = { a };
    return s;
}

std::string jsonOf (const Session& s)
{
    return sessionToJson (s).dump();
}

const AutomationLane ramp { { 0, -10.0 }, { 1000, 0.0 }, { 2000, -20.0 } };
} // namespace

TEST (AutomationEdits, AddingAPointKeepsTimeOrderAndReportsWhereItWent)
{
    size_t index = 99;
    const auto lane = withPointAdded (ramp, { 1500, 3.0 }, &index);
    EXPECT_EQ (lane, (AutomationLane { { 0, -10.0 }, { 1000, 0.0 }, { 1500, 3.0 }, { 2000, -20.0 } }));
    EXPECT_EQ (index, 2u);
    // At a position that has a point, the point takes the new value rather than making a step.
    const auto same = withPointAdded (ramp, { 1000, -6.0 }, &index);
    EXPECT_EQ (same, (AutomationLane { { 0, -10.0 }, { 1000, -6.0 }, { 2000, -20.0 } }));
    EXPECT_EQ (index, 1u);
    EXPECT_EQ (withPointAdded ({}, { 5, 1.0 }, &index), (AutomationLane { { 5, 1.0 } }));
    EXPECT_EQ (index, 0u);
}

TEST (AutomationEdits, AMovedPointStaysBetweenItsNeighbours)
{
    EXPECT_EQ (withPointMoved (ramp, 1, { 1200, -4.0 }), (AutomationLane { { 0, -10.0 }, { 1200, -4.0 }, { 2000, -20.0 } }));
    // Dragged past the next point: it stops on it (a step), never crosses.
    EXPECT_EQ (withPointMoved (ramp, 1, { 5000, -4.0 })[1], (AutomationPoint { 2000, -4.0 }));
    EXPECT_EQ (withPointMoved (ramp, 0, { -50, 1.0 })[0], (AutomationPoint { 0, 1.0 }));
    // The last point may go anywhere later.
    EXPECT_EQ (withPointMoved (ramp, 2, { 9000, 1.0 })[2], (AutomationPoint { 9000, 1.0 }));
    // Next to a step it stops one sample short, so no position ever holds three points.
    const AutomationLane step { { 0, 0.0 }, { 100, 0.0 }, { 100, 1.0 }, { 200, 1.0 } };
    EXPECT_EQ (withPointMoved (step, 3, { 0, 1.0 })[3].position, 101);
    EXPECT_EQ (withPointMoved (step, 0, { 500, 1.0 })[0].position, 99);
}

TEST (AutomationEdits, RemovingAPoint)
{
    EXPECT_EQ (withPointRemoved (ramp, 1), (AutomationLane { { 0, -10.0 }, { 2000, -20.0 } }));
    EXPECT_EQ (withPointRemoved (ramp, 7), ramp);
}

TEST (AutomationEdits, ClearingARangeKeepsTheLaneOutsideIt)
{
    const auto lane = withRangeCleared (ramp, 500, 1500);
    // Anchors carry the values the line had at both ends: -5 dB at 500, -10 dB at 1500.
    EXPECT_EQ (lane, (AutomationLane { { 0, -10.0 }, { 500, -5.0 }, { 1500, -10.0 }, { 2000, -20.0 } }));
    for (int64_t p : { 0, 250, 499, 1500, 1750, 2000, 3000 })
        EXPECT_DOUBLE_EQ (automationValueAt (lane, p), automationValueAt (ramp, p)) << p;
    // A point already at the end is kept and is the end anchor.
    EXPECT_EQ (withRangeCleared (ramp, 500, 1000),
               (AutomationLane { { 0, -10.0 }, { 500, -5.0 }, { 1000, 0.0 }, { 2000, -20.0 } }));
    // At a step the anchor arrives with the first value of the step.
    const AutomationLane step { { 0, 0.0 }, { 100, 0.0 }, { 100, 1.0 }, { 200, 1.0 } };
    EXPECT_EQ (withRangeCleared (step, 100, 150).at (1), (AutomationPoint { 100, 0.0 }));
}

TEST (AutomationEdits, AStrokeReplacesItsSpanWithStepsAtItsEnds)
{
    const AutomationLane stroke { { 400, 6.0 }, { 600, 4.0 }, { 800, 6.0 } };
    const auto lane = withStrokeDrawn (ramp, stroke);
    EXPECT_EQ (lane, (AutomationLane { { 0, -10.0 },
                                       { 400, -6.0 },
                                       { 400, 6.0 },
                                       { 600, 4.0 },
                                       { 800, 6.0 },
                                       { 800, -2.0 },
                                       { 1000, 0.0 },
                                       { 2000, -20.0 } }));
    EXPECT_EQ (withStrokeDrawn ({}, stroke), stroke);
}

TEST (AutomationEdits, ThinningARangeLeavesTheRestAlone)
{
    AutomationLane dense;
    for (int64_t p = 0; p <= 1000; p += 10)
        dense.push_back ({ p, double (p) / 100.0 }); // a straight line: 101 points
    dense.push_back ({ 1100, 0.0 });
    const auto thinned = withRangeThinned (dense, 200, 700, 0.01);
    // Inside [200, 700): the line's points between 200 and 690 go, its ends stay.
    EXPECT_EQ (thinned.size(), dense.size() - 48);
    for (int64_t p = 0; p <= 1100; p += 5)
        EXPECT_NEAR (automationValueAt (thinned, p), automationValueAt (dense, p), 0.01) << p;
    EXPECT_EQ (withRangeThinned (dense, 0, 5000, 0.01), (AutomationLane { { 0, 0.0 }, { 1000, 10.0 }, { 1100, 0.0 } }));
}

TEST (AutomationEdits, StoringALaneIsOneUndoableStep)
{
    EditHistory history (laneSession());
    const auto before = jsonOf (history.session());
    ASSERT_TRUE (
        history.perform ("Draw", [] (SessionEditor& e) { return setAutomationLane (e, StripRef::track ("A1"), "gain_db", ramp); })
            .ok());
    ASSERT_NE (findLane (history.session(), StripRef::track ("A1"), "gain_db"), nullptr);
    EXPECT_EQ (*findLane (history.session(), StripRef::track ("A1"), "gain_db"), ramp);
    const auto after = jsonOf (history.session());
    ASSERT_TRUE (history.undo());
    EXPECT_EQ (jsonOf (history.session()), before);
    ASSERT_TRUE (history.redo());
    EXPECT_EQ (jsonOf (history.session()), after);
    // An empty lane removes it: the fader plays again.
    ASSERT_TRUE (
        history.perform ("Clear", [] (SessionEditor& e) { return setAutomationLane (e, StripRef::track ("A1"), "gain_db", {}); })
            .ok());
    EXPECT_EQ (findLane (history.session(), StripRef::track ("A1"), "gain_db"), nullptr);
    EXPECT_EQ (jsonOf (history.session()), before);
}

TEST (AutomationEdits, BadLanesAreRefusedAndChangeNothing)
{
    const auto refused = [] (const std::string& key, AutomationLane lane, const std::string& expected) {
        EditHistory history (laneSession());
        const auto before = jsonOf (history.session());
        const auto status =
            history.perform ("Draw", [&] (SessionEditor& e) { return setAutomationLane (e, StripRef::track ("A1"), key, lane); });
        ASSERT_FALSE (status.ok()) << key;
        EXPECT_NE (status.error().message.find (expected), std::string::npos) << status.error().message;
        EXPECT_EQ (jsonOf (history.session()), before);
    };
    refused ("gain_db", { { 10, 0.0 }, { 5, 0.0 } }, "earlier than the point before");
    refused ("gain_db", { { -1, 0.0 } }, "before the session start");
    refused ("gain_db", { { 0, 30.0 } }, "outside");
    refused ("pan", { { 0, 1.5 } }, "outside");
    refused ("gain_db", { { 0, 0.0 }, { 0, 1.0 }, { 0, 2.0 } }, "third point");
    refused ("send.nope.gain_db", { { 0, 0.0 } }, "no automatable parameter 'send.nope.gain_db'");
    refused ("inserts[0].no_such", { { 0, 0.0 } }, "no automatable parameter");
    EditHistory history (laneSession());
    EXPECT_FALSE (
        history.perform ("x", [] (SessionEditor& e) { return setAutomationLane (e, StripRef::track ("B9"), "gain_db", ramp); })
            .ok());
    EXPECT_FALSE (
        history.perform ("x", [] (SessionEditor& e) { return setAutomationLane (e, StripRef::master(), "gain_db", ramp); }).ok());
}

TEST (AutomationEdits, ParametersListVolumePanMuteSendsAndInsertsWithTheirStaticValues)
{
    const auto session = laneSession();
    const auto list = automatableParameters (session, StripRef::track ("A1"));
    ASSERT_GE (list.size(), 5u);
    EXPECT_EQ (list[0].key, "gain_db");
    EXPECT_DOUBLE_EQ (list[0].staticValue, -3.0);
    EXPECT_EQ (list[1].key, "pan");
    EXPECT_EQ (list[2].key, "mute");
    EXPECT_TRUE (list[2].isSwitch);
    EXPECT_EQ (list[3].key, "send.s1.gain_db");
    EXPECT_EQ (list[3].name, "Send to Reverb");
    EXPECT_DOUBLE_EQ (list[3].staticValue, -10.0);
    const auto low = findAutomatableParameter (session, StripRef::track ("A1"), "inserts[0].band1_gain_db");
    ASSERT_TRUE (low.has_value());
    EXPECT_DOUBLE_EQ (low->staticValue, 2.5);
    EXPECT_EQ (low->unit, "dB");
    // A bus has no pan; the master has no lanes.
    const auto bus = automatableParameters (session, StripRef::bus ("VERB"));
    ASSERT_EQ (bus.size(), 2u);
    EXPECT_EQ (bus[1].key, "mute");
    EXPECT_TRUE (automatableParameters (session, StripRef::master()).empty());
}

TEST (AutomationEdits, ModeIsStoredWrittenAndReadBack)
{
    EditHistory history (laneSession());
    ASSERT_TRUE (
        history
            .perform ("Mode",
                      [] (SessionEditor& e) { return setAutomationMode (e, StripRef::track ("A1"), AutomationMode::latch); })
            .ok());
    ASSERT_TRUE (
        history
            .perform ("Mode",
                      [] (SessionEditor& e) { return setAutomationMode (e, StripRef::bus ("VERB"), AutomationMode::off); })
            .ok());
    const auto json = sessionToJson (history.session());
    EXPECT_EQ (json["tracks"][0]["automation_mode"], "latch");
    EXPECT_EQ (json["buses"][0]["automation_mode"], "off");
    Problems problems;
    const auto loaded = sessionFromJson (nlohmann::json::parse (json.dump()), problems);
    ASSERT_TRUE (problems.empty()) << problems.front().toString();
    EXPECT_EQ (loaded.tracks[0].automationMode, AutomationMode::latch);
    EXPECT_EQ (loaded.buses[0].automationMode, AutomationMode::off);
    // Read is the default and is not written, so sessions without automation modes stay as they were.
    EXPECT_FALSE (sessionToJson (laneSession())["tracks"][0].contains ("automation_mode"));

    auto bad = json;
    bad["tracks"][0]["automation_mode"] = "punch";
    Problems badProblems;
    sessionFromJson (nlohmann::json::parse (bad.dump()), badProblems);
    ASSERT_EQ (badProblems.size(), 1u);
    EXPECT_EQ (badProblems[0].path, "tracks[0].automation_mode");
    EXPECT_NE (badProblems[0].message.find ("'punch' is not a mode"), std::string::npos) << badProblems[0].message;
}
