#include "session/MixEdits.h"
#include "session/EditHistory.h"
#include "session/SessionJson.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::session;

namespace
{
/** Two tracks into a DX stem (with an EQ insert), a 5.1 master. */
Session mixSession()
{
    Session s;
    s.name = "Mix";
    s.master.channels = 6;
    Bus dx;
    dx.id = "DX";
    dx.name = "Dialogue";
    dx.channels = 6;
    dx.inserts = { { "eq", nlohmann::json::object(), false, nullptr, nlohmann::json::object() } };
    s.buses = { dx };
    Track a;
    a.id = "A1";
    a.output = "DX";
    a.inserts = { { "compressor", nlohmann::json::object(), false, nullptr, nlohmann::json::object() } };
    Track b;
    b.id = "A2";
    b.output = "DX";
    s.tracks = { a, b };
    return s;
}

std::string jsonOf (const Session& s)
{
    return sessionToJson (s).dump();
}

/** Performs `edit`, checks it, then that undo gives back the JSON from before and redo the
    JSON after. */
template <typename Edit, typename Check>
void performUndoRedo (Edit edit, Check check)
{
    EditHistory history (mixSession());
    const auto before = jsonOf (history.session());
    ASSERT_TRUE (history.perform ("Mix", edit).ok());
    check (history.session());
    const auto after = jsonOf (history.session());
    EXPECT_NE (after, before);
    ASSERT_TRUE (history.undo());
    EXPECT_EQ (jsonOf (history.session()), before);
    ASSERT_TRUE (history.redo());
    EXPECT_EQ (jsonOf (history.session()), after);
}
} // namespace

TEST (MixEdits, TrackFaderChangesOnlyThatTrackAndUndoes)
{
    performUndoRedo ([] (SessionEditor& e) { return setStripGain (e, StripRef::track ("A2"), -6.5); },
                     [] (const Session& s) {
                         EXPECT_DOUBLE_EQ (s.tracks[1].gainDb, -6.5);
                         EXPECT_DOUBLE_EQ (s.tracks[0].gainDb, 0.0);
                         EXPECT_DOUBLE_EQ (stripGain (s, StripRef::track ("A2")), -6.5);
                     });
}

TEST (MixEdits, BusAndMasterFadersUndo)
{
    performUndoRedo ([] (SessionEditor& e) { return setStripGain (e, StripRef::bus ("DX"), 3.0); },
                     [] (const Session& s) { EXPECT_DOUBLE_EQ (s.buses[0].gainDb, 3.0); });
    performUndoRedo ([] (SessionEditor& e) { return setStripGain (e, StripRef::master(), -144.0); },
                     [] (const Session& s) {
                         EXPECT_DOUBLE_EQ (s.master.gainDb, -144.0);
                         EXPECT_DOUBLE_EQ (stripGain (s, StripRef::master()), -144.0);
                     });
}

TEST (MixEdits, PanMuteSoloUndo)
{
    performUndoRedo ([] (SessionEditor& e) { return setTrackPan (e, "A1", -0.25); },
                     [] (const Session& s) { EXPECT_DOUBLE_EQ (s.tracks[0].pan, -0.25); });
    performUndoRedo ([] (SessionEditor& e) { return setTrackMute (e, "A1", true); },
                     [] (const Session& s) { EXPECT_TRUE (s.tracks[0].mute); });
    performUndoRedo ([] (SessionEditor& e) { return setTrackSolo (e, "A2", true); },
                     [] (const Session& s) {
                         EXPECT_TRUE (s.tracks[1].solo);
                         EXPECT_FALSE (s.tracks[0].solo);
                     });
}

TEST (MixEdits, SurroundPanSetsTheWholePositionAndUndoes)
{
    SurroundPan position;
    position.x = -0.5;
    position.y = 0.25;
    position.divergence = 0.3;
    position.centrePercent = 40.0;
    position.lfeDb = -10.0;
    performUndoRedo ([position] (SessionEditor& e) { return setTrackSurroundPan (e, "A1", position); },
                     [position] (const Session& s) {
                         ASSERT_TRUE (s.tracks[0].surroundPan.has_value());
                         EXPECT_EQ (*s.tracks[0].surroundPan, position);
                         EXPECT_FALSE (s.tracks[1].surroundPan.has_value());
                     });
}

TEST (MixEdits, InsertBypassOnTracksAndBusesUndo)
{
    performUndoRedo ([] (SessionEditor& e) { return setInsertBypass (e, StripRef::track ("A1"), 0, true); },
                     [] (const Session& s) { EXPECT_TRUE (s.tracks[0].inserts[0].bypass); });
    performUndoRedo ([] (SessionEditor& e) { return setInsertBypass (e, StripRef::bus ("DX"), 0, true); },
                     [] (const Session& s) { EXPECT_TRUE (s.buses[0].inserts[0].bypass); });
}

TEST (MixEdits, BadInputChangesNothing)
{
    EditHistory history (mixSession());
    const auto before = jsonOf (history.session());
    const auto refused = [&] (const EditHistory::Edit& edit) {
        EXPECT_FALSE (history.perform ("Mix", edit).ok());
        EXPECT_EQ (jsonOf (history.session()), before);
        EXPECT_FALSE (history.canUndo());
    };
    refused ([] (SessionEditor& e) { return setStripGain (e, StripRef::track ("A1"), 25.0); });
    refused ([] (SessionEditor& e) { return setStripGain (e, StripRef::track ("A1"), std::nan ("")); });
    refused ([] (SessionEditor& e) { return setStripGain (e, StripRef::track ("nope"), 0.0); });
    refused ([] (SessionEditor& e) { return setStripGain (e, StripRef::bus ("MX"), 0.0); });
    refused ([] (SessionEditor& e) { return setTrackPan (e, "A1", 1.5); });
    refused ([] (SessionEditor& e) { return setTrackMute (e, "nope", true); });
    const auto surroundWith = [] (auto change) {
        SurroundPan position;
        change (position);
        return [position] (SessionEditor& e) { return setTrackSurroundPan (e, "A1", position); };
    };
    refused (surroundWith ([] (SurroundPan& p) { p.x = 1.01; }));
    refused (surroundWith ([] (SurroundPan& p) { p.y = std::nan (""); }));
    refused (surroundWith ([] (SurroundPan& p) { p.divergence = -0.1; }));
    refused (surroundWith ([] (SurroundPan& p) { p.centrePercent = 101.0; }));
    refused (surroundWith ([] (SurroundPan& p) { p.lfeDb = 30.0; }));
    refused ([] (SessionEditor& e) { return setTrackSurroundPan (e, "nope", SurroundPan {}); });
    refused ([] (SessionEditor& e) { return setInsertBypass (e, StripRef::track ("A2"), 0, true); });
    refused ([] (SessionEditor& e) { return setInsertBypass (e, StripRef::master(), 0, true); });
}

TEST (MixEdits, AFailedEditAfterABusChangeRollsTheBusBack)
{
    EditHistory history (mixSession());
    const auto before = jsonOf (history.session());
    EXPECT_FALSE (history
                      .perform ("Mix",
                                [] (SessionEditor& e) -> core::Status {
                                    if (auto done = setStripGain (e, StripRef::bus ("DX"), -3.0); ! done)
                                        return done;
                                    return setTrackPan (e, "A1", 7.0);
                                })
                      .ok());
    EXPECT_EQ (jsonOf (history.session()), before);
}
