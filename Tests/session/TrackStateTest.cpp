#include "session/EditHistory.h"
#include "session/SessionJson.h"
#include "session/TrackEdits.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace sprocket;
using namespace sprocket::session;

namespace
{
nlohmann::json stateDocument()
{
    return nlohmann::json::parse (R"({
      "format": "sprocket-session", "version": 1, "name": "Headers", "sample_rate": 48000, "frame_rate": "24",
      "buses": [ { "id": "DX", "color": "#4F8FDC" }, { "id": "MX" } ],
      "tracks": [
        { "id": "A1", "channels": 1, "output": "DX", "color": "#ff8800", "height": 120, "record_arm": true,
          "solo_safe": true },
        { "id": "A2", "channels": 1, "output": "DX" },
        { "id": "M1", "channels": 2, "output": "MX", "height": 24 } ]
    })");
}

std::vector<std::string> lines (const Problems& problems)
{
    std::vector<std::string> out;
    for (auto& p : problems)
        out.push_back (p.toString());
    return out;
}

std::string jsonOf (const Session& s)
{
    return sessionToJson (s).dump();
}

Session loaded (const nlohmann::json& document)
{
    Problems problems;
    auto s = sessionFromJson (document, problems);
    EXPECT_TRUE (problems.empty()) << lines (problems).front();
    return s;
}

/** Loads the document with one field of tracks[2] (or buses[1]) replaced and returns the problems. */
std::vector<std::string> problemsWith (const char* list, size_t index, const char* key, nlohmann::json value)
{
    auto document = stateDocument();
    document[list][index][key] = std::move (value);
    Problems problems;
    sessionFromJson (document, problems);
    return lines (problems);
}

/** Performs `edit`, checks it, then that undo gives back the JSON from before and redo the
    JSON after. */
template <typename Edit, typename Check>
void performUndoRedo (Edit edit, Check check)
{
    EditHistory history (loaded (stateDocument()));
    const auto before = jsonOf (history.session());
    ASSERT_TRUE (history.perform ("Header", edit).ok());
    check (history.session());
    const auto after = jsonOf (history.session());
    EXPECT_NE (after, before);
    ASSERT_TRUE (history.undo());
    EXPECT_EQ (jsonOf (history.session()), before);
    ASSERT_TRUE (history.redo());
    EXPECT_EQ (jsonOf (history.session()), after);
}

/** An edit that must fail, leave the session as it was and record no step. */
template <typename Edit>
void refused (Edit edit, const std::string& messagePart)
{
    EditHistory history (loaded (stateDocument()));
    const auto before = jsonOf (history.session());
    const auto status = history.perform ("Header", edit);
    ASSERT_FALSE (status.ok());
    EXPECT_NE (status.error().message.find (messagePart), std::string::npos) << status.error().message;
    EXPECT_EQ (jsonOf (history.session()), before);
    EXPECT_FALSE (history.canUndo());
}
} // namespace

TEST (TrackState, FieldsLoad)
{
    const auto s = loaded (stateDocument());
    EXPECT_EQ (s.tracks[0].colour, "#ff8800");
    EXPECT_EQ (s.tracks[0].height, 120);
    EXPECT_TRUE (s.tracks[0].recordArm);
    EXPECT_TRUE (s.tracks[0].soloSafe);
    EXPECT_EQ (s.tracks[1].colour, "");
    EXPECT_EQ (s.tracks[1].height, 0);
    EXPECT_FALSE (s.tracks[1].recordArm);
    EXPECT_FALSE (s.tracks[1].soloSafe);
    EXPECT_EQ (s.tracks[2].height, 24);
    EXPECT_EQ (s.buses[0].colour, "#4f8fdc"); // stored lower-case
    EXPECT_EQ (s.buses[1].colour, "");
}

TEST (TrackState, RoundTripsAndLeavesOldSessionsAsTheyWere)
{
    const auto s = loaded (stateDocument());
    const auto written = sessionToJson (s);
    EXPECT_EQ (written["tracks"][0]["color"], "#ff8800");
    EXPECT_EQ (written["tracks"][0]["height"], 120);
    EXPECT_EQ (written["tracks"][0]["record_arm"], true);
    EXPECT_EQ (written["tracks"][0]["solo_safe"], true);
    EXPECT_EQ (written["buses"][0]["color"], "#4f8fdc");
    // Unset fields are not written: a session that never used them saves as before.
    for (const char* key : { "color", "height", "record_arm", "solo_safe" })
        EXPECT_FALSE (written["tracks"][1].contains (key)) << key;
    EXPECT_FALSE (written["buses"][1].contains ("color"));
    const auto again = loaded (nlohmann::json::parse (written.dump()));
    EXPECT_EQ (again, s);
    EXPECT_EQ (sessionToJson (again).dump(), written.dump());
}

TEST (TrackState, BadValuesAreProblemsWithTheirPath)
{
    EXPECT_EQ (problemsWith ("tracks", 2, "color", "#12345"),
               std::vector<std::string> { "tracks[2].color: \"#12345\" is not #rrggbb" });
    EXPECT_EQ (problemsWith ("tracks", 2, "color", "red"),
               std::vector<std::string> { "tracks[2].color: \"red\" is not #rrggbb" });
    EXPECT_EQ (problemsWith ("buses", 1, "color", "#gg0000"),
               std::vector<std::string> { "buses[1].color: \"#gg0000\" is not #rrggbb" });
    EXPECT_EQ (problemsWith ("tracks", 2, "height", 500),
               std::vector<std::string> { "tracks[2].height: 500 is outside 24 .. 400 pixels" });
    EXPECT_EQ (problemsWith ("tracks", 2, "height", 10),
               std::vector<std::string> { "tracks[2].height: 10 is outside 24 .. 400 pixels" });
    EXPECT_EQ (problemsWith ("tracks", 2, "height", 80.5).size(), 1u);
    EXPECT_EQ (problemsWith ("tracks", 2, "record_arm", "yes").size(), 1u);
    EXPECT_EQ (problemsWith ("tracks", 2, "solo_safe", 1).size(), 1u);
    EXPECT_EQ (problemsWith ("tracks", 2, "color", 0xff0000).size(), 1u);
}

TEST (TrackEdits, ColourUndoesAndRedoes)
{
    performUndoRedo ([] (SessionEditor& e) { return setTrackColour (e, "A2", "#00FF7F"); },
                     [] (const Session& s) { EXPECT_EQ (s.tracks[1].colour, "#00ff7f"); });
    performUndoRedo ([] (SessionEditor& e) { return setTrackColour (e, "A1", ""); },
                     [] (const Session& s) { EXPECT_EQ (s.tracks[0].colour, ""); });
    performUndoRedo ([] (SessionEditor& e) { return setStripColour (e, StripRef::bus ("MX"), "#9b6ad6"); },
                     [] (const Session& s) { EXPECT_EQ (s.buses[1].colour, "#9b6ad6"); });
    refused ([] (SessionEditor& e) { return setTrackColour (e, "A2", "#12345"); }, "not a colour");
    refused ([] (SessionEditor& e) { return setTrackColour (e, "nope", "#123456"); }, "no track 'nope'");
    refused ([] (SessionEditor& e) { return setStripColour (e, StripRef::bus ("nope"), "#123456"); }, "no bus 'nope'");
    refused ([] (SessionEditor& e) { return setStripColour (e, StripRef::master(), "#123456"); }, "master");
}

TEST (TrackEdits, HeightUndoesAndRedoes)
{
    performUndoRedo ([] (SessionEditor& e) { return setTrackHeight (e, "A2", 200); },
                     [] (const Session& s) { EXPECT_EQ (s.tracks[1].height, 200); });
    performUndoRedo ([] (SessionEditor& e) { return setTrackHeight (e, "A1", 0); },
                     [] (const Session& s) { EXPECT_EQ (s.tracks[0].height, 0); });
    refused ([] (SessionEditor& e) { return setTrackHeight (e, "A2", 23); }, "between 24 and 400");
    refused ([] (SessionEditor& e) { return setTrackHeight (e, "A2", 401); }, "between 24 and 400");
    refused ([] (SessionEditor& e) { return setTrackHeight (e, "nope", 100); }, "no track");
}

TEST (TrackEdits, RecordArmAndSoloSafeUndoAndRedo)
{
    performUndoRedo ([] (SessionEditor& e) { return setRecordArm (e, "A2", true); },
                     [] (const Session& s) { EXPECT_TRUE (s.tracks[1].recordArm); });
    performUndoRedo ([] (SessionEditor& e) { return setRecordArm (e, "A1", false); },
                     [] (const Session& s) { EXPECT_FALSE (s.tracks[0].recordArm); });
    performUndoRedo ([] (SessionEditor& e) { return setSoloSafe (e, "M1", true); },
                     [] (const Session& s) { EXPECT_TRUE (s.tracks[2].soloSafe); });
    performUndoRedo ([] (SessionEditor& e) { return setSoloSafe (e, "A1", false); },
                     [] (const Session& s) { EXPECT_FALSE (s.tracks[0].soloSafe); });
    refused ([] (SessionEditor& e) { return setRecordArm (e, "nope", true); }, "no track");
    refused ([] (SessionEditor& e) { return setSoloSafe (e, "nope", true); }, "no track");
}

TEST (TrackEdits, RenameUndoesAndRedoesAndRefusesEmptyNames)
{
    performUndoRedo ([] (SessionEditor& e) { return renameTrack (e, "A2", "  Boom 416 "); },
                     [] (const Session& s) { EXPECT_EQ (s.tracks[1].name, "Boom 416"); });
    refused ([] (SessionEditor& e) { return renameTrack (e, "A2", "   "); }, "must not be empty");
    refused ([] (SessionEditor& e) { return renameTrack (e, "A2", std::string (300, 'x')); }, "at most 256");
    refused ([] (SessionEditor& e) { return renameTrack (e, "nope", "X"); }, "no track");
}
