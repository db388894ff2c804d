#include "session/EditHistory.h"
#include "session/GroupEdits.h"
#include "session/SessionJson.h"
#include "session/SessionValidator.h"
#include "session/TrackEdits.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::session;

namespace
{
nlohmann::json groupDocument()
{
    return nlohmann::json::parse (R"({
      "format": "sprocket-session", "version": 1, "name": "Groups", "sample_rate": 48000, "frame_rate": "24",
      "buses": [ { "id": "DX" }, { "id": "MX" } ],
      "tracks": [ { "id": "A1", "channels": 1, "output": "DX", "gain_db": -3 },
                  { "id": "A2", "channels": 1, "output": "DX", "gain_db": -10 },
                  { "id": "M1", "channels": 2, "output": "MX" } ],
      "groups": [ { "id": "vca1", "name": "Dialogue", "kind": "vca", "members": ["A1", "A2"], "gain_db": -6, "mute": false,
                    "color": "#4F8FDC" },
                  { "id": "group1", "name": "Dia faders", "kind": "fader", "members": ["A1", "A2"] } ]
    })");
}

std::vector<std::string> lines (const Problems& problems)
{
    std::vector<std::string> out;
    for (auto& p : problems)
        out.push_back (p.toString());
    return out;
}

std::vector<std::string> problemsOf (const nlohmann::json& document)
{
    Problems problems;
    const auto s = sessionFromJson (document, problems);
    if (problems.empty())
        problems = validateStructure (s);
    return lines (problems);
}

Session loaded()
{
    Problems problems;
    auto s = sessionFromJson (groupDocument(), problems);
    EXPECT_TRUE (problems.empty()) << lines (problems).front();
    EXPECT_TRUE (validateStructure (s).empty());
    return s;
}

std::string jsonOf (const Session& s)
{
    return sessionToJson (s).dump();
}

template <typename Edit, typename Check>
void performUndoRedo (Edit edit, Check check)
{
    EditHistory history (loaded());
    const auto before = jsonOf (history.session());
    const auto status = history.perform ("Group", edit);
    ASSERT_TRUE (status.ok()) << status.error().message;
    check (history.session());
    const auto after = jsonOf (history.session());
    EXPECT_NE (after, before);
    ASSERT_TRUE (history.undo());
    EXPECT_EQ (jsonOf (history.session()), before);
    ASSERT_TRUE (history.redo());
    EXPECT_EQ (jsonOf (history.session()), after);
}

template <typename Edit>
void refused (Edit edit, const std::string& messagePart)
{
    EditHistory history (loaded());
    const auto before = jsonOf (history.session());
    const auto status = history.perform ("Group", edit);
    ASSERT_FALSE (status.ok());
    EXPECT_NE (status.error().message.find (messagePart), std::string::npos) << status.error().message;
    EXPECT_EQ (jsonOf (history.session()), before);
}
} // namespace

TEST (Groups, LoadAndRoundTrip)
{
    const auto s = loaded();
    ASSERT_EQ (s.groups.size(), 2u);
    EXPECT_EQ (s.groups[0].kind, Group::Kind::vca);
    EXPECT_EQ (s.groups[0].members, (std::vector<std::string> { "A1", "A2" }));
    EXPECT_DOUBLE_EQ (s.groups[0].gainDb, -6.0);
    EXPECT_EQ (s.groups[0].colour, "#4f8fdc");
    EXPECT_EQ (s.groups[1].kind, Group::Kind::fader);
    EXPECT_EQ (s.vcaOf ("A2"), &s.groups[0]);
    EXPECT_EQ (s.vcaOf ("M1"), nullptr);
    const auto written = sessionToJson (s);
    EXPECT_FALSE (written["groups"][1].contains ("gain_db")); // a fader group has no fader
    Problems problems;
    EXPECT_EQ (sessionFromJson (nlohmann::json::parse (written.dump()), problems), s);
    // A session without groups writes none.
    auto none = s;
    none.groups.clear();
    EXPECT_FALSE (sessionToJson (none).contains ("groups"));
}

TEST (Groups, BadGroupsAreProblemsWithTheirPath)
{
    auto doc = groupDocument();
    doc["groups"][0]["members"].push_back ("nope");
    EXPECT_EQ (problemsOf (doc), std::vector<std::string> { "groups[0].members[2]: no track or bus with id 'nope'" });

    doc = groupDocument();
    doc["groups"].push_back (nlohmann::json::parse (R"({ "id": "vca2", "kind": "vca", "members": ["M1", "A2"] })"));
    EXPECT_EQ (problemsOf (doc), std::vector<std::string> { "groups[2].members[1]: 'A2' is already in VCA 'vca1'" });

    doc = groupDocument();
    doc["groups"][1]["id"] = "vca1";
    EXPECT_EQ (problemsOf (doc), std::vector<std::string> { "groups[1].id: duplicate id 'vca1'" });

    doc = groupDocument();
    doc["groups"][0]["kind"] = "mix";
    EXPECT_EQ (problemsOf (doc), std::vector<std::string> { "groups[0].kind: must be \"vca\" or \"fader\" (got \"mix\")" });

    doc = groupDocument();
    doc["groups"][0]["gain_db"] = 30;
    EXPECT_EQ (problemsOf (doc), std::vector<std::string> { "groups[0].gain_db: must be between -200 and +24 dB" });

    doc = groupDocument();
    doc["groups"][0]["color"] = "#12345";
    EXPECT_EQ (problemsOf (doc), std::vector<std::string> { "groups[0].color: \"#12345\" is not #rrggbb" });

    doc = groupDocument();
    doc["groups"][0]["members"].push_back ("A1");
    EXPECT_EQ (problemsOf (doc), std::vector<std::string> { "groups[0].members[2]: 'A1' is already a member" });
}

TEST (GroupEdits, AddDeleteMembersAndMuteUndo)
{
    performUndoRedo (
        [] (SessionEditor& e) {
            Group g;
            g.id = nextGroupId (e.session(), Group::Kind::vca);
            g.members = { "M1", "MX" };
            return addGroup (e, g);
        },
        [] (const Session& s) {
            ASSERT_EQ (s.groups.size(), 3u);
            EXPECT_EQ (s.groups[2].id, "vca2");
            EXPECT_EQ (s.groups[2].name, "vca2");
        });
    performUndoRedo ([] (SessionEditor& e) { return deleteGroup (e, "group1"); },
                     [] (const Session& s) { EXPECT_EQ (s.groups.size(), 1u); });
    performUndoRedo ([] (SessionEditor& e) { return setGroupMembers (e, "vca1", { "A1" }); },
                     [] (const Session& s) { EXPECT_EQ (s.groups[0].members, std::vector<std::string> { "A1" }); });
    performUndoRedo ([] (SessionEditor& e) { return setVcaMute (e, "vca1", true); },
                     [] (const Session& s) { EXPECT_TRUE (s.groups[0].mute); });
    performUndoRedo ([] (SessionEditor& e) { return setStripGain (e, StripRef::vca ("vca1"), -12.0); },
                     [] (const Session& s) {
                         EXPECT_DOUBLE_EQ (s.groups[0].gainDb, -12.0);
                         EXPECT_DOUBLE_EQ (s.tracks[0].gainDb, -3.0); // the members' faders do not move
                     });

    performUndoRedo ([] (SessionEditor& e) { return setStripColour (e, StripRef::vca ("vca1"), "#D94F4F"); },
                     [] (const Session& s) { EXPECT_EQ (s.groups[0].colour, "#d94f4f"); });

    refused (
        [] (SessionEditor& e) {
            Group g;
            g.id = "vca9";
            g.members = { "A1" };
            return addGroup (e, g);
        },
        "'A1' is already in VCA 'vca1'");
    refused (
        [] (SessionEditor& e) {
            return setGroupMembers (e, "group1", { "A1", "ghost" });
        },
        "no track or bus with id 'ghost'");
    refused ([] (SessionEditor& e) { return setVcaMute (e, "group1", true); }, "no VCA");
    refused ([] (SessionEditor& e) { return deleteGroup (e, "nope"); }, "no group");
}

TEST (GroupEdits, AFaderGroupMovesItsMembersByTheSameDelta)
{
    performUndoRedo ([] (SessionEditor& e) { return setStripGainLinked (e, StripRef::track ("A1"), -7.5); },
                     [] (const Session& s) {
                         EXPECT_DOUBLE_EQ (s.tracks[0].gainDb, -7.5);
                         EXPECT_DOUBLE_EQ (s.tracks[1].gainDb, -14.5); // -10 by the same -4.5 dB
                         EXPECT_DOUBLE_EQ (s.tracks[2].gainDb, 0.0);   // not a member
                     });
    // Not in a fader group: only itself.
    performUndoRedo ([] (SessionEditor& e) { return setStripGainLinked (e, StripRef::track ("M1"), -2.0); },
                     [] (const Session& s) {
                         EXPECT_DOUBLE_EQ (s.tracks[2].gainDb, -2.0);
                         EXPECT_DOUBLE_EQ (s.tracks[0].gainDb, -3.0);
                     });
    // Clamped at the top.
    performUndoRedo ([] (SessionEditor& e) { return setStripGainLinked (e, StripRef::track ("A2"), 20.0); },
                     [] (const Session& s) {
                         EXPECT_DOUBLE_EQ (s.tracks[1].gainDb, 20.0);
                         EXPECT_DOUBLE_EQ (s.tracks[0].gainDb, 24.0);
                     });
}
