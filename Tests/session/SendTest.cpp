#include "session/EditHistory.h"
#include "session/SendEdits.h"
#include "session/SessionJson.h"
#include "session/SessionValidator.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace sprocket;
using namespace sprocket::session;

namespace
{
/** Dialogue and music into their stems, a reverb return "VERB" fed by sends, a stereo master. */
nlohmann::json sendDocument()
{
    return nlohmann::json::parse (R"({
      "format": "sprocket-session", "version": 1, "name": "Sends", "sample_rate": 48000, "frame_rate": "24",
      "buses": [ { "id": "DX", "output": "master" },
                 { "id": "VERB", "output": "master", "inserts": [ { "type": "room_reverb" } ] },
                 { "id": "MX", "output": "master",
                   "sends": [ { "id": "m1", "to": "VERB", "gain_db": -20, "pre_fader": true, "mute": false } ] } ],
      "tracks": [
        { "id": "A1", "channels": 1, "output": "DX",
          "sends": [ { "id": "s1", "to": "VERB", "gain_db": -10.5, "pre_fader": false, "mute": false },
                     { "id": "s2", "to": "VERB", "gain_db": -3, "pre_fader": true, "mute": true } ],
          "automation": { "send.s1.gain_db": [[0, -30], [48000, -10]] } },
        { "id": "M1", "channels": 2, "output": "MX" } ]
    })");
}

std::vector<std::string> lines (const Problems& problems)
{
    std::vector<std::string> out;
    for (auto& p : problems)
        out.push_back (p.path + ": " + p.message);
    return out;
}

Problems loadProblems (const nlohmann::json& document)
{
    Problems problems, warnings;
    const auto session = sessionFromJson (document, problems, warnings);
    if (problems.empty())
        problems = validateStructure (session);
    return problems;
}

std::string jsonOf (const Session& s)
{
    return sessionToJson (s).dump();
}
} // namespace

TEST (SendTest, SendsLoadWithEveryField)
{
    Problems problems, warnings;
    const auto s = sessionFromJson (sendDocument(), problems, warnings);
    ASSERT_TRUE (problems.empty()) << lines (problems).front();
    EXPECT_TRUE (warnings.empty());
    EXPECT_TRUE (validateStructure (s).empty());
    ASSERT_EQ (s.tracks[0].sends.size(), 2u);
    EXPECT_EQ (s.tracks[0].sends[0], (Send { "s1", "VERB", -10.5, false, false }));
    EXPECT_EQ (s.tracks[0].sends[1], (Send { "s2", "VERB", -3.0, true, true }));
    EXPECT_EQ (s.buses[2].sends, (std::vector<Send> { { "m1", "VERB", -20.0, true, false } }));
    EXPECT_EQ (s.tracks[0].automation.at ("send.s1.gain_db"), (AutomationLane { { 0, -30.0 }, { 48000, -10.0 } }));
    EXPECT_TRUE (s.tracks[1].sends.empty());
}

TEST (SendTest, DefaultsArePostFaderUnmutedAtZeroDb)
{
    auto document = sendDocument();
    document["tracks"][1]["sends"] = nlohmann::json::parse (R"([ { "id": "x", "to": "VERB" } ])");
    Problems problems;
    const auto s = sessionFromJson (document, problems);
    ASSERT_TRUE (problems.empty());
    EXPECT_EQ (s.tracks[1].sends[0], (Send { "x", "VERB", 0.0, false, false }));
}

TEST (SendTest, JsonRoundTripIsExact)
{
    Problems problems;
    const auto s = sessionFromJson (sendDocument(), problems);
    ASSERT_TRUE (problems.empty());
    const auto written = sessionToJson (s);
    EXPECT_EQ (written["tracks"][0]["sends"].dump(), R"([{"id":"s1","to":"VERB","gain_db":-10.5,"pre_fader":false,"mute":false},)"
                                                     R"({"id":"s2","to":"VERB","gain_db":-3.0,"pre_fader":true,"mute":true}])");
    EXPECT_FALSE (written["tracks"][1].contains ("sends")); // none: not written
    Problems again;
    const auto reread = sessionFromJson (nlohmann::json::parse (written.dump()), again);
    ASSERT_TRUE (again.empty());
    EXPECT_EQ (reread.tracks, s.tracks);
    EXPECT_EQ (reread.buses, s.buses);
    EXPECT_EQ (sessionToJson (reread).dump(), written.dump());
}

TEST (SendTest, BadFieldsAreReportedWithTheirPaths)
{
    auto document = sendDocument();
    auto& sends = document["tracks"][0]["sends"];
    sends[0]["gain_db"] = 13;
    sends[1]["pre_fader"] = "yes";
    sends.push_back (nlohmann::json::parse (R"({ "gain_db": -6 })"));
    Problems problems;
    sessionFromJson (document, problems);
    const auto found = lines (problems);
    const auto has = [&] (const std::string& line) { return std::find (found.begin(), found.end(), line) != found.end(); };
    EXPECT_TRUE (has ("tracks[0].sends[0].gain_db: must be between -144 and +12 dB")) << found.front();
    EXPECT_TRUE (
        std::any_of (found.begin(), found.end(), [] (auto& l) { return l.starts_with ("tracks[0].sends[1].pre_fader: "); }));
    EXPECT_TRUE (std::any_of (found.begin(), found.end(), [] (auto& l) { return l.starts_with ("tracks[0].sends[2].id: "); }));
    EXPECT_TRUE (std::any_of (found.begin(), found.end(), [] (auto& l) { return l.starts_with ("tracks[0].sends[2].to: "); }));
}

TEST (SendTest, DestinationsMustBeBusesAndIdsUnique)
{
    auto document = sendDocument();
    document["tracks"][1]["sends"] = nlohmann::json::parse (R"([ { "id": "a", "to": "master" }, { "id": "a", "to": "NOPE" } ])");
    EXPECT_EQ (
        lines (loadProblems (document)),
        (std::vector<std::string> { "tracks[1].sends[0].to: a send goes to a bus (an aux return), not the master",
                                    "tracks[1].sends[1].id: duplicate id 'a'", "tracks[1].sends[1].to: no bus with id 'NOPE'" }));
}

TEST (SendTest, RoutingLoopsThroughSendsAreRefusedWithTheirPath)
{
    auto toItself = sendDocument();
    toItself["buses"][1]["sends"] = nlohmann::json::parse (R"([ { "id": "v", "to": "VERB" } ])");
    EXPECT_EQ (lines (loadProblems (toItself)),
               (std::vector<std::string> { "buses[1].sends[0].to: routing loop: a bus cannot send to itself" }));

    // VERB -> DX by its output, DX -> VERB by a send.
    auto throughOutput = sendDocument();
    throughOutput["buses"][1]["output"] = "DX";
    throughOutput["buses"][0]["sends"] = nlohmann::json::parse (R"([ { "id": "d", "to": "VERB" } ])");
    EXPECT_EQ (lines (loadProblems (throughOutput)),
               (std::vector<std::string> { "buses[0].sends[0].to: routing loop: bus 'VERB' feeds bus 'DX'" }));

    // MX -> VERB by a send (in the document), VERB -> MX by a send.
    auto twoSends = sendDocument();
    twoSends["buses"][1]["sends"] = nlohmann::json::parse (R"([ { "id": "back", "to": "MX" } ])");
    EXPECT_EQ (lines (loadProblems (twoSends)),
               (std::vector<std::string> { "buses[1].sends[0].to: routing loop: bus 'MX' feeds bus 'VERB'",
                                           "buses[2].sends[0].to: routing loop: bus 'VERB' feeds bus 'MX'" }));
}

TEST (SendTest, SendAutomationIsCheckedAndRepairedLikeGain)
{
    auto document = sendDocument();
    document["tracks"][0]["automation"]["send.s1.gain_db"] = nlohmann::json::parse ("[[48000, 30], [0, -300]]");
    Problems problems, warnings;
    const auto s = sessionFromJson (document, problems, warnings);
    ASSERT_TRUE (problems.empty()) << lines (problems).front();
    EXPECT_EQ (s.tracks[0].automation.at ("send.s1.gain_db"), (AutomationLane { { 0, -200.0 }, { 48000, 24.0 } }));
    EXPECT_EQ (warnings.size(), 3u); // two clamped, one moved

    auto unknown = sendDocument();
    unknown["tracks"][0]["automation"]["send.nope.gain_db"] = nlohmann::json::parse ("[[0, 0]]");
    unknown["buses"][0]["automation"]["send.m1.gain_db"] = nlohmann::json::parse ("[[0, 0]]"); // m1 is MX's, not DX's
    Problems refused;
    sessionFromJson (unknown, refused);
    EXPECT_EQ (lines (refused),
               (std::vector<std::string> {
                   "buses[0].automation.send.m1.gain_db: no send with that id on this strip (send.<id>.gain_db)",
                   "tracks[0].automation.send.nope.gain_db: no send with that id on this strip (send.<id>.gain_db)" }));
}

TEST (SendTest, SendEditsUndoAndRedoToIdenticalJson)
{
    Problems problems;
    EditHistory history (sessionFromJson (sendDocument(), problems));
    ASSERT_TRUE (problems.empty());
    const auto original = jsonOf (history.session());

    ASSERT_TRUE (history.perform ("Send Level", [] (SessionEditor& e) { return setSendGain (e, "A1", "s1", -6.0); }).ok());
    EXPECT_DOUBLE_EQ (history.session().tracks[0].sends[0].gainDb, -6.0);
    const auto afterGain = jsonOf (history.session());
    ASSERT_TRUE (
        history.perform ("Add Send",
                         [] (SessionEditor& e) {
                             return addSend (e, "M1", { "r", "VERB", -12.0, true, false });
                         })
            .ok());
    EXPECT_EQ (history.session().tracks[1].sends.size(), 1u);
    const auto afterAdd = jsonOf (history.session());

    ASSERT_TRUE (history.undo());
    EXPECT_EQ (jsonOf (history.session()), afterGain);
    ASSERT_TRUE (history.undo());
    EXPECT_EQ (jsonOf (history.session()), original);
    ASSERT_TRUE (history.redo());
    EXPECT_EQ (jsonOf (history.session()), afterGain);
    ASSERT_TRUE (history.redo());
    EXPECT_EQ (jsonOf (history.session()), afterAdd);
}

TEST (SendTest, SendEditsRefuseBadInputAndChangeNothing)
{
    Problems problems;
    EditHistory history (sessionFromJson (sendDocument(), problems));
    const auto original = jsonOf (history.session());
    const auto fails = [&] (EditHistory::Edit edit) { return ! history.perform ("Send", edit).ok(); };
    EXPECT_TRUE (fails ([] (SessionEditor& e) { return setSendGain (e, "A1", "s1", 12.5); }));
    EXPECT_TRUE (fails ([] (SessionEditor& e) { return setSendGain (e, "A1", "zz", 0.0); }));
    EXPECT_TRUE (fails ([] (SessionEditor& e) { return setSendGain (e, "nobody", "s1", 0.0); }));
    EXPECT_TRUE (fails ([] (SessionEditor& e) { return addSend (e, "A1", { "s1", "VERB", 0.0, false, false }); }));
    EXPECT_TRUE (fails ([] (SessionEditor& e) { return addSend (e, "A1", { "s9", "master", 0.0, false, false }); }));
    EXPECT_TRUE (fails ([] (SessionEditor& e) { return addSend (e, "A1", { "s9", "NOPE", 0.0, false, false }); }));
    EXPECT_EQ (jsonOf (history.session()), original);
    EXPECT_FALSE (history.canUndo());
}

TEST (SendTest, RemovingASendRemovesItsLane)
{
    Problems problems;
    EditHistory history (sessionFromJson (sendDocument(), problems));
    ASSERT_TRUE (history.perform ("Remove Send", [] (SessionEditor& e) { return removeSend (e, "A1", "s1"); }).ok());
    EXPECT_EQ (history.session().tracks[0].sends.size(), 1u);
    EXPECT_FALSE (history.session().tracks[0].automation.contains ("send.s1.gain_db"));
    Problems again;
    sessionFromJson (nlohmann::json::parse (jsonOf (history.session())), again);
    EXPECT_TRUE (again.empty());
}

TEST (SendTest, BusSendsAreAddedChangedAndRemovedAsOneStepEach)
{
    Problems problems;
    EditHistory history (sessionFromJson (sendDocument(), problems));
    ASSERT_TRUE (problems.empty());
    const auto original = jsonOf (history.session());
    const auto dx = StripRef::bus ("DX");
    EXPECT_EQ (newSendId (history.session(), dx), "s1");
    EXPECT_EQ (newSendId (history.session(), StripRef::track ("A1")), "s3");
    ASSERT_TRUE (
        history.perform ("Add Send",
                         [&] (SessionEditor& e) {
                             return addSend (e, dx, { "s1", "VERB", -12.0, false, false });
                         })
            .ok());
    const auto added = jsonOf (history.session());
    ASSERT_TRUE (history.perform ("Send Level", [&] (SessionEditor& e) { return setSendGain (e, dx, "s1", -4.5); }).ok());
    ASSERT_TRUE (history.perform ("Send Pre", [&] (SessionEditor& e) { return setSendPreFader (e, dx, "s1", true); }).ok());
    ASSERT_TRUE (history.perform ("Send Mute", [&] (SessionEditor& e) { return setSendMute (e, dx, "s1", true); }).ok());
    const auto& send = history.session().buses[0].sends.at (0);
    EXPECT_EQ (send, (Send { "s1", "VERB", -4.5, true, true }));
    EXPECT_TRUE (validateStructure (history.session()).empty());
    const auto changed = jsonOf (history.session());
    ASSERT_TRUE (history.perform ("Remove Send", [&] (SessionEditor& e) { return removeSend (e, dx, "s1"); }).ok());
    EXPECT_TRUE (history.session().buses[0].sends.empty());
    // Undo walks back through every step to identical JSON; redo comes forward again.
    ASSERT_TRUE (history.undo());
    EXPECT_EQ (jsonOf (history.session()), changed);
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE (history.undo());
    EXPECT_EQ (jsonOf (history.session()), added);
    ASSERT_TRUE (history.undo());
    EXPECT_EQ (jsonOf (history.session()), original);
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE (history.redo());
    EXPECT_TRUE (history.session().buses[0].sends.empty());
}

TEST (SendTest, BusSendsThatWouldLoopAreRefused)
{
    Problems problems;
    EditHistory history (sessionFromJson (sendDocument(), problems));
    const auto original = jsonOf (history.session());
    const auto refusal = [&] (const StripRef& from, const std::string& to) {
        const auto status = history.perform ("Add Send", [&] (SessionEditor& e) {
            return addSend (e, from, { "x", to, 0.0, false, false });
        });
        return status.ok() ? std::string ("(accepted)") : status.error().message;
    };
    EXPECT_EQ (refusal (StripRef::bus ("VERB"), "VERB"), "routing loop: a bus cannot send to itself");
    // MX sends to VERB, so VERB sending to MX would close a loop.
    EXPECT_EQ (refusal (StripRef::bus ("VERB"), "MX"), "routing loop: bus 'MX' feeds bus 'VERB'");
    EXPECT_EQ (refusal (StripRef::master(), "VERB"), "the master has no sends");
    EXPECT_EQ (refusal (StripRef::bus ("NOPE"), "VERB"), "there is no bus 'NOPE'");
    EXPECT_EQ (jsonOf (history.session()), original);
    EXPECT_FALSE (canSendTo (history.session(), StripRef::bus ("VERB"), "MX"));
    EXPECT_TRUE (canSendTo (history.session(), StripRef::bus ("VERB"), "DX"));
    EXPECT_TRUE (canSendTo (history.session(), StripRef::track ("A1"), "MX"));
    EXPECT_FALSE (canSendTo (history.session(), StripRef::track ("A1"), "master"));
}
