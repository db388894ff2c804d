// Insert edits: add, remove, move and set a parameter on track and bus inserts, each one undo
// step back to identical JSON, input checked first, and automation lanes following their insert.
#include "session/InsertEdits.h"
#include "session/EditHistory.h"
#include "session/SessionJson.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::session;

namespace
{
/** A track with three inserts (eq, compressor, gain) and a lane on each, a bus with one. */
nlohmann::json insertDocument()
{
    return nlohmann::json::parse (R"({
      "format": "sprocket-session", "version": 1, "name": "Inserts", "sample_rate": 48000, "frame_rate": "24",
      "buses": [ { "id": "DX", "output": "master", "inserts": [ { "type": "limiter" } ],
                   "automation": { "inserts[0].ceiling_db": [[0, -3], [48000, -1]] } } ],
      "tracks": [
        { "id": "A1", "channels": 1, "output": "DX",
          "inserts": [ { "type": "eq", "params": { "band2_gain_db": 3 } },
                       { "type": "compressor" },
                       { "type": "gain", "params": { "gain_db": -6 } } ],
          "automation": { "gain_db": [[0, 0]],
                          "inserts[0].band2_gain_db": [[0, 1]],
                          "inserts[1].ratio": [[0, 2]],
                          "inserts[2].gain_db": [[0, -3]] } } ]
    })");
}

std::string jsonOf (const Session& s)
{
    return sessionToJson (s).dump();
}

Session loaded()
{
    Problems problems;
    auto session = sessionFromJson (insertDocument(), problems);
    EXPECT_TRUE (problems.empty());
    return session;
}

/** Performs `edit`, runs `check`, then undo gives the JSON from before and redo the JSON after;
    the result also loads back without a problem (lanes still name existing inserts). */
template <typename Check>
void performUndoRedo (const EditHistory::Edit& edit, Check check)
{
    EditHistory history (loaded());
    const auto before = jsonOf (history.session());
    const auto status = history.perform ("Insert", edit);
    ASSERT_TRUE (status.ok()) << status.error().message;
    check (history.session());
    const auto after = jsonOf (history.session());
    EXPECT_NE (after, before);
    Problems problems;
    sessionFromJson (nlohmann::json::parse (after), problems);
    EXPECT_TRUE (problems.empty()) << (problems.empty() ? "" : problems[0].path + ": " + problems[0].message);
    ASSERT_TRUE (history.undo());
    EXPECT_EQ (jsonOf (history.session()), before);
    ASSERT_TRUE (history.redo());
    EXPECT_EQ (jsonOf (history.session()), after);
}

std::vector<std::string> typesOf (const std::vector<Insert>& inserts)
{
    std::vector<std::string> types;
    for (auto& i : inserts)
        types.push_back (i.type);
    return types;
}

using Lanes = std::vector<std::string>;
Lanes laneKeys (const Automation& automation)
{
    Lanes keys;
    for (auto& [key, lane] : automation)
        keys.push_back (key + "=" + std::to_string (lane.front().value));
    return keys;
}

std::string lane (const std::string& key, double value)
{
    return key + "=" + std::to_string (value);
}
} // namespace

TEST (InsertEdits, DefaultParametersAreEveryParameterAtItsDefault)
{
    const auto gain = defaultInsertParameters ("gain");
    EXPECT_EQ (gain, nlohmann::json ({ { "gain_db", 0.0 } }));
    EXPECT_EQ (defaultInsertParameters ("eq").size(), 14u);
    EXPECT_TRUE (defaultInsertParameters ("no_such").empty());
}

TEST (InsertEdits, AddInsertsAtASlotAndLaterLanesMoveDown)
{
    performUndoRedo (
        [] (SessionEditor& e) { return addInsert (e, StripRef::track ("A1"), 1, "gate", defaultInsertParameters ("gate")); },
        [] (const Session& s) {
            EXPECT_EQ (typesOf (s.tracks[0].inserts), (std::vector<std::string> { "eq", "gate", "compressor", "gain" }));
            EXPECT_DOUBLE_EQ (s.tracks[0].inserts[1].params["threshold_db"].get<double>(), -50.0);
            EXPECT_EQ (laneKeys (s.tracks[0].automation),
                       (Lanes { lane ("gain_db", 0), lane ("inserts[0].band2_gain_db", 1), lane ("inserts[2].ratio", 2),
                                lane ("inserts[3].gain_db", -3) }));
        });
    // At the end, and on a bus.
    performUndoRedo ([] (SessionEditor& e) { return addInsert (e, StripRef::bus ("DX"), 1, "eq", nlohmann::json::object()); },
                     [] (const Session& s) {
                         EXPECT_EQ (typesOf (s.buses[0].inserts), (std::vector<std::string> { "limiter", "eq" }));
                         EXPECT_TRUE (s.buses[0].automation.contains ("inserts[0].ceiling_db"));
                     });
}

TEST (InsertEdits, RemoveDropsTheInsertsLanesAndRenumbersTheRest)
{
    performUndoRedo (
        [] (SessionEditor& e) { return removeInsert (e, StripRef::track ("A1"), 1); },
        [] (const Session& s) {
            EXPECT_EQ (typesOf (s.tracks[0].inserts), (std::vector<std::string> { "eq", "gain" }));
            EXPECT_EQ (laneKeys (s.tracks[0].automation),
                       (Lanes { lane ("gain_db", 0), lane ("inserts[0].band2_gain_db", 1), lane ("inserts[1].gain_db", -3) }));
        });
    performUndoRedo ([] (SessionEditor& e) { return removeInsert (e, StripRef::bus ("DX"), 0); },
                     [] (const Session& s) {
                         EXPECT_TRUE (s.buses[0].inserts.empty());
                         EXPECT_TRUE (s.buses[0].automation.empty());
                     });
}

TEST (InsertEdits, MoveCarriesEachLaneWithItsInsert)
{
    // Down: eq from the top to the bottom.
    performUndoRedo ([] (SessionEditor& e) { return moveInsert (e, StripRef::track ("A1"), 0, 2); },
                     [] (const Session& s) {
                         EXPECT_EQ (typesOf (s.tracks[0].inserts), (std::vector<std::string> { "compressor", "gain", "eq" }));
                         EXPECT_EQ (laneKeys (s.tracks[0].automation),
                                    (Lanes { lane ("gain_db", 0), lane ("inserts[0].ratio", 2), lane ("inserts[1].gain_db", -3),
                                             lane ("inserts[2].band2_gain_db", 1) }));
                         EXPECT_DOUBLE_EQ (s.tracks[0].inserts[2].params["band2_gain_db"].get<double>(), 3.0);
                     });
    // Up: gain from the bottom to the middle.
    performUndoRedo ([] (SessionEditor& e) { return moveInsert (e, StripRef::track ("A1"), 2, 1); },
                     [] (const Session& s) {
                         EXPECT_EQ (typesOf (s.tracks[0].inserts), (std::vector<std::string> { "eq", "gain", "compressor" }));
                         EXPECT_EQ (laneKeys (s.tracks[0].automation),
                                    (Lanes { lane ("gain_db", 0), lane ("inserts[0].band2_gain_db", 1),
                                             lane ("inserts[1].gain_db", -3), lane ("inserts[2].ratio", 2) }));
                     });
}

TEST (InsertEdits, SetParameterWithinItsRange)
{
    performUndoRedo ([] (SessionEditor& e) { return setInsertParameter (e, StripRef::track ("A1"), 2, "gain_db", 6.0); },
                     [] (const Session& s) { EXPECT_DOUBLE_EQ (s.tracks[0].inserts[2].params["gain_db"].get<double>(), 6.0); });
    performUndoRedo (
        [] (SessionEditor& e) { return setInsertParameter (e, StripRef::bus ("DX"), 0, "ceiling_db", -24.0); },
        [] (const Session& s) { EXPECT_DOUBLE_EQ (s.buses[0].inserts[0].params["ceiling_db"].get<double>(), -24.0); });
}

TEST (InsertEdits, AConvolutionReverbTakesAnImpulseResponsePath)
{
    performUndoRedo (
        [] (SessionEditor& e) {
            if (auto added = addInsert (e, StripRef::bus ("DX"), 1, "convolution_reverb", nlohmann::json::object()); ! added.ok())
                return added;
            return setImpulseResponse (e, StripRef::bus ("DX"), 1, "irs/Stage B.wav");
        },
        [] (const Session& s) { EXPECT_EQ (s.buses[0].inserts[1].extra.value ("ir", ""), "irs/Stage B.wav"); });
}

TEST (InsertEdits, BadInputIsRefusedNamingWhatIsWrongAndChangesNothing)
{
    EditHistory history (loaded());
    const auto original = jsonOf (history.session());
    const auto error = [&] (EditHistory::Edit edit) {
        const auto status = history.perform ("Insert", edit);
        return status.ok() ? std::string ("(accepted)") : status.error().message;
    };
    const auto a1 = StripRef::track ("A1");
    EXPECT_EQ (error ([&] (SessionEditor& e) { return setInsertParameter (e, a1, 2, "gain_db", 24.5); }),
               "gain parameter 'gain_db' must be within -96 .. 24 dB");
    EXPECT_EQ (error ([&] (SessionEditor& e) { return setInsertParameter (e, a1, 0, "band1_gain_db", -24.01); }),
               "eq parameter 'band1_gain_db' must be within -24 .. 24 dB");
    EXPECT_EQ (error ([&] (SessionEditor& e) { return setInsertParameter (e, a1, 2, "gain_db", std::nan ("")); }),
               "gain parameter 'gain_db' must be within -96 .. 24 dB");
    EXPECT_EQ (error ([&] (SessionEditor& e) { return setInsertParameter (e, a1, 2, "colour", 1.0); }),
               "a gain insert has no parameter 'colour'");
    EXPECT_EQ (error ([&] (SessionEditor& e) { return setInsertParameter (e, a1, 3, "gain_db", 0.0); }),
               "track 'A1' has no insert 4 (it has 3)");
    EXPECT_EQ (error ([&] (SessionEditor& e) { return addInsert (e, a1, 0, "flanger", nlohmann::json::object()); }),
               "there is no built-in processor 'flanger'");
    EXPECT_EQ (error ([&] (SessionEditor& e) { return addInsert (e, a1, 4, "gain", nlohmann::json::object()); }),
               "an insert can go in slots 1 .. 4 of track 'A1', not 5");
    EXPECT_EQ (error ([&] (SessionEditor& e) {
                   return addInsert (e, a1, 0, "gain", { { "gain_db", 30.0 } });
               }),
               "gain parameter 'gain_db' must be within -96 .. 24 dB");
    EXPECT_EQ (error ([&] (SessionEditor& e) {
                   return addInsert (e, a1, 0, "gain", { { "gain_db", "loud" } });
               }),
               "gain parameter 'gain_db' must be a number");
    EXPECT_EQ (error ([&] (SessionEditor& e) { return addInsert (e, StripRef::master(), 0, "gain", nlohmann::json::object()); }),
               "the master has no inserts");
    EXPECT_EQ (error ([&] (SessionEditor& e) { return removeInsert (e, StripRef::bus ("DX"), 1); }),
               "bus 'DX' has no insert 2 (it has 1)");
    EXPECT_EQ (error ([&] (SessionEditor& e) { return removeInsert (e, StripRef::bus ("NOPE"), 0); }), "there is no bus 'NOPE'");
    EXPECT_EQ (error ([&] (SessionEditor& e) { return moveInsert (e, a1, 0, 3); }), "track 'A1' has no insert 4 (it has 3)");
    EXPECT_EQ (error ([&] (SessionEditor& e) { return moveInsert (e, a1, 1, 1); }), "insert 2 is already in that slot");
    EXPECT_EQ (error ([&] (SessionEditor& e) { return setImpulseResponse (e, a1, 0, "irs/hall.wav"); }),
               "insert 1 of track 'A1' is not a convolution reverb, so it has no impulse response");
    EXPECT_EQ (error ([&] (SessionEditor& e) { return setImpulseResponse (e, a1, 3, "irs/hall.wav"); }),
               "track 'A1' has no insert 4 (it has 3)");
    EXPECT_EQ (jsonOf (history.session()), original);
    EXPECT_FALSE (history.canUndo());
}

TEST (InsertEdits, AnUnknownInsertCanMoveButItsParametersCannotBeSet)
{
    auto document = insertDocument();
    document["tracks"][0]["inserts"].push_back ({ { "type", "vendor_thing" }, { "params", { { "x", 1 } } } });
    Problems problems;
    EditHistory history (sessionFromJson (document, problems));
    ASSERT_TRUE (problems.empty());
    const auto status =
        history.perform ("Insert", [] (SessionEditor& e) { return setInsertParameter (e, StripRef::track ("A1"), 3, "x", 2.0); });
    ASSERT_FALSE (status.ok());
    EXPECT_NE (status.error().message.find ("not a processor this build knows"), std::string::npos);
    ASSERT_TRUE (history.perform ("Move", [] (SessionEditor& e) { return moveInsert (e, StripRef::track ("A1"), 3, 0); }).ok());
    EXPECT_EQ (history.session().tracks[0].inserts[0].type, "vendor_thing");
    EXPECT_EQ (history.session().tracks[0].inserts[0].unknownOriginal["params"]["x"], 1);
}
