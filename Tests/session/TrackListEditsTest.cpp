// Track > New and Track > Delete on the model: names and ids the new strips get, what a removed
// track or bus takes with it, what is refused (and that a refusal changes nothing), and undo
// back to identical JSON.
#include "session/TrackListEdits.h"
#include "session/EditHistory.h"
#include "session/SessionJson.h"
#include "session/SessionValidator.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::session;

namespace
{
/** Tracks "Audio 1" and "Audio 3" into DX, a reverb bus fed by a send, a VCA over both tracks. */
Session twoTracks()
{
    Session s;
    s.name = "Tracks";
    Bus dx;
    dx.id = "DX";
    dx.name = "Dialogue";
    Bus verb;
    verb.id = "VERB";
    verb.name = "Reverb";
    s.buses = { dx, verb };
    Track a;
    a.id = "a1";
    a.name = "Audio 1";
    a.output = "DX";
    a.sends = { { "s1", "VERB", -10.0, false, false } };
    Track b;
    b.id = "a3";
    b.name = "Audio 3";
    b.output = "DX";
    s.tracks = { a, b };
    Group vca;
    vca.id = "g1";
    vca.name = "Dialogue VCA";
    vca.members = { "a1", "a3" };
    s.groups = { vca };
    return s;
}

std::string jsonOf (const Session& s)
{
    return sessionToJson (s).dump();
}

struct Recorded
{
    EditHistory history { twoTracks() };
    std::string before = jsonOf (history.session());

    /** Performs, expects success, then undo gives the JSON from before and redo the JSON after. */
    void performAndUndo (const EditHistory::Edit& edit, const std::function<void (const Session&)>& check)
    {
        ASSERT_TRUE (history.perform ("Tracks", edit).ok());
        check (history.session());
        const auto after = jsonOf (history.session());
        ASSERT_TRUE (history.undo());
        EXPECT_EQ (jsonOf (history.session()), before);
        ASSERT_TRUE (history.redo());
        EXPECT_EQ (jsonOf (history.session()), after);
        ASSERT_TRUE (history.undo());
    }

    void refused (const EditHistory::Edit& edit, const std::string& messagePart)
    {
        const auto status = history.perform ("Tracks", edit);
        ASSERT_FALSE (status.ok());
        EXPECT_NE (status.error().message.find (messagePart), std::string::npos) << status.error().message;
        EXPECT_EQ (jsonOf (history.session()), before);
    }
};
} // namespace

TEST (TrackListEdits, NewTracksAreNumberedAfterTheHighestNumberInUse)
{
    Recorded r;
    std::vector<std::string> created;
    r.performAndUndo (
        [&] (SessionEditor& e) {
            created.clear();
            return addTracks (e, { 3, 2, "Audio", "DX" }, &created);
        },
        [&] (const Session& s) {
            ASSERT_EQ (s.tracks.size(), 5u);
            EXPECT_EQ (s.tracks[2].name, "Audio 4");
            EXPECT_EQ (s.tracks[3].name, "Audio 5");
            EXPECT_EQ (s.tracks[4].name, "Audio 6");
            for (size_t i = 2; i < 5; ++i)
            {
                EXPECT_EQ (s.tracks[i].channels, 2);
                EXPECT_EQ (s.tracks[i].output, "DX");
                EXPECT_TRUE (s.tracks[i].clips.empty());
            }
            EXPECT_EQ (created, (std::vector<std::string> { "Audio 4", "Audio 5", "Audio 6" }));
            const auto problems = validateStructure (s);
            EXPECT_TRUE (problems.empty()) << problems.front().toString();
        });
}

TEST (TrackListEdits, OneNewTrackKeepsAFreeNameAndATakenOneIsNumbered)
{
    Recorded r;
    r.performAndUndo (
        [] (SessionEditor& e) {
            return addTracks (e, { 1, 1, "  Boom  ", "master" });
        },
        [] (const Session& s) {
            EXPECT_EQ (s.tracks.back().name, "Boom");
            EXPECT_EQ (s.tracks.back().output, "master");
        });
    r.performAndUndo (
        [] (SessionEditor& e) {
            return addTracks (e, { 1, 1, "Audio 1", "master" });
        },
        [] (const Session& s) { EXPECT_EQ (s.tracks.back().name, "Audio 1 1"); });
}

TEST (TrackListEdits, NewBusesGetIdsFromTheirNamesNeverMaster)
{
    Recorded r;
    std::vector<std::string> created;
    r.performAndUndo (
        [&] (SessionEditor& e) {
            created.clear();
            return addBuses (e, { 1, 6, "Foley Stem", "master" }, &created);
        },
        [&] (const Session& s) {
            ASSERT_EQ (s.buses.size(), 3u);
            EXPECT_EQ (s.buses[2].id, "Foley_Stem");
            EXPECT_EQ (s.buses[2].name, "Foley Stem");
            EXPECT_EQ (s.buses[2].channels, 6);
            EXPECT_EQ (created, std::vector<std::string> { "Foley_Stem" });
        });
    r.performAndUndo (
        [] (SessionEditor& e) {
            return addBuses (e, { 1, 2, "master", "DX" });
        },
        [] (const Session& s) {
            EXPECT_EQ (s.buses.back().id, "master-2");
            EXPECT_EQ (s.buses.back().output, "DX") << "a bus may feed another bus";
        });
}

TEST (TrackListEdits, DeletingTracksTakesThemOutOfTheirGroups)
{
    Recorded r;
    r.performAndUndo ([] (SessionEditor& e) { return removeTracks (e, { "a1" }); },
                      [] (const Session& s) {
                          ASSERT_EQ (s.tracks.size(), 1u);
                          EXPECT_EQ (s.tracks[0].id, "a3");
                          EXPECT_EQ (s.groups[0].members, std::vector<std::string> { "a3" });
                      });
}

TEST (TrackListEdits, ABusThatIsFedCannotBeDeleted)
{
    Recorded r;
    r.refused ([] (SessionEditor& e) { return removeBus (e, "DX"); }, "track 'Audio 1', track 'Audio 3'");
    r.refused ([] (SessionEditor& e) { return removeBus (e, "VERB"); }, "track 'Audio 1'");
    r.performAndUndo (
        [] (SessionEditor& e) -> core::Status {
            if (auto removed = removeTracks (e, { "a1", "a3" }); ! removed.ok())
                return removed;
            return removeBus (e, "VERB");
        },
        [] (const Session& s) {
            ASSERT_EQ (s.buses.size(), 1u);
            EXPECT_EQ (s.buses[0].id, "DX");
        });
}

TEST (TrackListEdits, BadInputChangesNothing)
{
    Recorded r;
    r.refused ([] (SessionEditor& e) { return addTracks (e, { 0, 1, "Audio", "master" }); }, "between 1 and 128");
    r.refused ([] (SessionEditor& e) { return addTracks (e, { 129, 1, "Audio", "master" }); }, "between 1 and 128");
    r.refused ([] (SessionEditor& e) { return addTracks (e, { 1, 3, "Audio", "master" }); }, "not 3 channels");
    r.refused ([] (SessionEditor& e) { return addTracks (e, { 1, 1, "   ", "master" }); }, "needs a name");
    r.refused ([] (SessionEditor& e) { return addTracks (e, { 1, 1, "Audio", "MX" }); }, "no bus 'MX'");
    r.refused ([] (SessionEditor& e) { return addBuses (e, { 1, 2, "Verb 2", "NOPE" }); }, "no bus 'NOPE'");
    r.refused ([] (SessionEditor& e) { return removeTracks (e, { "a1", "zz" }); }, "no track 'zz'");
    r.refused ([] (SessionEditor& e) { return removeTracks (e, {}); }, "no tracks");
    r.refused ([] (SessionEditor& e) { return removeBus (e, "MX"); }, "no bus 'MX'");
}
