// Shuffle mode's edits (session/ShuffleEdits.h), sample-exact on clip positions, offsets and
// lengths, with the tracks not concerned left alone and undo/redo back to identical JSON.
#include "session/ShuffleEdits.h"
#include "session/AutomationRipple.h"
#include "session/EditHistory.h"
#include "session/SessionJson.h"
#include "session/SessionValidator.h"

#include "support/TestClips.h"

#include <gtest/gtest.h>

#include <map>

using namespace sprocket;
using namespace sprocket::session;
using core::SampleDuration;
using core::SamplePosition;
using sprocket::test::makeClip;

namespace
{
/** A1: three butted dialogue clips c1 [48000, 96000), c2 [96000, 120000), c3 [120000, 156000)
    with a volume ride; A2: one lav clip; ST: stereo ambience. */
Session shuffleSession()
{
    Session s;
    s.name = "Shuffle";
    s.sampleRate = 48000;
    s.frameRate = core::FrameRate::fps24;
    s.media = { { "boom", "boom.wav" }, { "lav", "lav.wav" }, { "amb", "amb.wav" } };
    Track a1;
    a1.id = "A1";
    a1.clips = { makeClip ("c1", "boom", 48000, 48000, 10000), makeClip ("c2", "boom", 96000, 24000, 100000),
                 makeClip ("c3", "boom", 120000, 36000, 200000) };
    a1.clips[0].fadeIn = { { 480 }, dsp::FadeShape::linear };
    a1.automation["gain_db"] = { { 0, 0.0 }, { 96000, -6.0 }, { 120000, -6.0 }, { 156000, 0.0 } };
    Track a2;
    a2.id = "A2";
    a2.clips = { makeClip ("l1", "lav", 60000, 30000, 0) };
    Track st;
    st.id = "ST";
    st.channels = 2;
    st.clips = { makeClip ("b1", "amb", 0, 480000, 0) };
    st.automation["pan"] = { { 0, -1.0 }, { 200000, 1.0 } };
    s.tracks = { a1, a2, st };
    s.markers = { { { 120000 }, "Scene 2", {} } }; // markers stay where they are
    return s;
}

/** boom 10 s, lav 1 s, amb 20 s. */
MediaFactsLookup facts()
{
    std::map<std::string, MediaFacts> known { { "boom", { 480000, 1, std::nullopt } },
                                              { "lav", { 48000, 1, std::nullopt } },
                                              { "amb", { 960000, 2, std::nullopt } } };
    return [known] (const std::string& id) -> std::optional<MediaFacts> {
        auto found = known.find (id);
        return found == known.end() ? std::nullopt : std::optional<MediaFacts> (found->second);
    };
}

const Track& trackOf (const Session& s, const std::string& id)
{
    for (auto& t : s.tracks)
        if (t.id == id)
            return t;
    throw std::runtime_error ("no track " + id);
}

const Clip& clipOf (const Session& s, const std::string& track, const std::string& id)
{
    for (auto& c : trackOf (s, track).clips)
        if (c.id == id)
            return c;
    throw std::runtime_error ("no clip " + id);
}

/** position, offset, length of a clip. */
std::tuple<int64_t, int64_t, int64_t> placed (const Session& s, const std::string& track, const std::string& id)
{
    const auto& c = clipOf (s, track, id);
    return { c.position.samples, c.sourceOffset.samples, c.length.samples };
}

std::vector<std::string> order (const Session& s, const std::string& track)
{
    std::vector<std::string> ids;
    for (auto& c : trackOf (s, track).clips)
        ids.push_back (c.id);
    return ids;
}

/** Performs `edit`, which must succeed and change something; the tracks not in `touched` stay
    exactly as they were; undo gives back the JSON from before and redo the JSON from after. */
void performAndCheck (EditHistory& history, const std::string& name, const EditHistory::Edit& edit,
                      const std::vector<std::string>& touched)
{
    const auto beforeSession = history.session();
    const auto before = sessionToJson (history.session()).dump();
    auto status = history.perform (name, edit);
    ASSERT_TRUE (status.ok()) << status.error().message;
    const auto after = sessionToJson (history.session()).dump();
    ASSERT_NE (before, after) << name << " changed nothing";
    EXPECT_TRUE (validateStructure (history.session()).empty()) << name << " left an invalid session";
    for (auto& track : beforeSession.tracks)
    {
        if (std::find (touched.begin(), touched.end(), track.id) == touched.end())
        {
            EXPECT_EQ (trackOf (history.session(), track.id), track) << name << " changed track " << track.id;
        }
    }
    EXPECT_EQ (history.session().markers, beforeSession.markers);
    ASSERT_TRUE (history.undo());
    EXPECT_EQ (sessionToJson (history.session()).dump(), before) << name << ": undo";
    ASSERT_TRUE (history.redo());
    EXPECT_EQ (sessionToJson (history.session()).dump(), after) << name << ": redo";
}

/** The edit is refused with a message containing `words`, and the session is unchanged. */
void expectRefused (EditHistory& history, const EditHistory::Edit& edit, const std::string& words)
{
    const auto before = sessionToJson (history.session()).dump();
    auto status = history.perform ("Refused", edit);
    ASSERT_FALSE (status.ok());
    EXPECT_NE (status.error().message.find (words), std::string::npos) << status.error().message;
    EXPECT_EQ (sessionToJson (history.session()).dump(), before);
}

using Tuple = std::tuple<int64_t, int64_t, int64_t>;
} // namespace

TEST (ShuffleEditsTest, DeletingAClipMovesTheLaterOnesUpByItsLengthWithTheirAutomation)
{
    EditHistory h (shuffleSession());
    performAndCheck (h, "Delete", [] (SessionEditor& e) { return shuffleDeleteClips (e, { { "A1", "c2" } }); }, { "A1" });
    EXPECT_EQ (order (h.session(), "A1"), (std::vector<std::string> { "c1", "c3" }));
    EXPECT_EQ (placed (h.session(), "A1", "c1"), Tuple (48000, 10000, 48000));
    EXPECT_EQ (placed (h.session(), "A1", "c3"), Tuple (96000, 200000, 36000)) << "up by c2's 24000 samples";
    // c2's stretch of the ride went with it; c3 keeps the ramp it had.
    EXPECT_EQ (trackOf (h.session(), "A1").automation.at ("gain_db"),
               (AutomationLane { { 0, 0.0 }, { 96000, -6.0 }, { 132000, 0.0 } }));
}

TEST (ShuffleEditsTest, DeletingSeveralClipsClosesEveryGapAndKeepsOtherGaps)
{
    auto s = shuffleSession();
    s.tracks[0].clips[2].position = { 130000 }; // a 10000-sample gap before c3
    EditHistory h (s);
    performAndCheck (h, "Delete",
                     [] (SessionEditor& e) {
                         return shuffleDeleteClips (e, { { "A1", "c1" }, { "A1", "c2" } });
                     },
                     { "A1" });
    EXPECT_EQ (order (h.session(), "A1"), (std::vector<std::string> { "c3" }));
    EXPECT_EQ (placed (h.session(), "A1", "c3"), Tuple (130000 - 72000, 200000, 36000));
}

TEST (ShuffleEditsTest, DeletingTheFirstOfACrossfadeBringsTheNextToItsStart)
{
    auto s = shuffleSession();
    s.tracks[0].clips[1].position = { 95000 }; // c2 overlaps c1's last 1000 samples
    s.tracks[0].clips[1].sourceOffset = { 99000 };
    s.tracks[0].clips[1].length = { 25000 };
    EditHistory h (s);
    performAndCheck (h, "Delete", [] (SessionEditor& e) { return shuffleDeleteClips (e, { { "A1", "c1" } }); }, { "A1" });
    EXPECT_EQ (placed (h.session(), "A1", "c2"), Tuple (48000, 99000, 25000)) << "not before c1's start";
    EXPECT_EQ (placed (h.session(), "A1", "c3"), Tuple (73000, 200000, 36000)) << "the same 47000 as c2";
}

TEST (ShuffleEditsTest, ClearingARangeClosesItOnEverySelectedTrack)
{
    EditHistory h (shuffleSession());
    const TimelineSelection range { { "A1", "A2" }, { { 100000 }, { 110000 } } };
    performAndCheck (h, "Clear", [&] (SessionEditor& e) { return shuffleClearRange (e, range); }, { "A1" });
    const auto& a1 = trackOf (h.session(), "A1").clips;
    ASSERT_EQ (a1.size(), 4u);
    EXPECT_EQ (placed (h.session(), "A1", "c1"), Tuple (48000, 10000, 48000));
    EXPECT_EQ (placed (h.session(), "A1", "c2"), Tuple (96000, 100000, 4000)) << "the head before the range";
    EXPECT_EQ (Tuple (a1[2].position.samples, a1[2].sourceOffset.samples, a1[2].length.samples), Tuple (100000, 114000, 10000))
        << "the tail butts onto the head";
    EXPECT_EQ (placed (h.session(), "A1", "c3"), Tuple (110000, 200000, 36000));
    EXPECT_EQ (trackOf (h.session(), "A2"), shuffleSession().tracks[1]) << "nothing on A2 after the range";
    const auto& lane = trackOf (h.session(), "A1").automation.at ("gain_db");
    EXPECT_DOUBLE_EQ (automationValueAt (lane, 140000),
                      automationValueAt (shuffleSession().tracks[0].automation.at ("gain_db"), 150000));
}

TEST (ShuffleEditsTest, CutThenPasteInsertsAndPushesLaterClips)
{
    EditHistory h (shuffleSession());
    Clipboard board;
    const TimelineSelection c2Range { { "A1" }, { { 96000 }, { 120000 } } };
    performAndCheck (h, "Cut", [&] (SessionEditor& e) { return shuffleCutRange (e, c2Range, board); }, { "A1" });
    EXPECT_EQ (board.length.samples, 24000);
    EXPECT_EQ (placed (h.session(), "A1", "c3"), Tuple (96000, 200000, 36000));

    // Pasted back between c1 and c3: c3 moves on by the clipboard's length.
    performAndCheck (h, "Paste", [&] (SessionEditor& e) { return shufflePasteAt (e, board, { "A1" }, { 96000 }); }, { "A1" });
    const auto& a1 = trackOf (h.session(), "A1").clips;
    ASSERT_EQ (a1.size(), 3u);
    EXPECT_EQ (Tuple (a1[1].position.samples, a1[1].sourceOffset.samples, a1[1].length.samples), Tuple (96000, 100000, 24000));
    EXPECT_EQ (placed (h.session(), "A1", "c3"), Tuple (120000, 200000, 36000));
    EXPECT_EQ (placed (h.session(), "A1", "c1"), Tuple (48000, 10000, 48000));
}

TEST (ShuffleEditsTest, PastingInsideAClipSplitsItAndPushesTheRest)
{
    EditHistory h (shuffleSession());
    const auto board = copyRange (h.session(), { { "A2" }, { { 60000 }, { 90000 } } });
    performAndCheck (h, "Paste", [&] (SessionEditor& e) { return shufflePasteAt (e, board, { "A1" }, { 60000 }); }, { "A1" });
    const auto& a1 = trackOf (h.session(), "A1").clips;
    ASSERT_EQ (a1.size(), 5u);
    EXPECT_EQ (placed (h.session(), "A1", "c1"), Tuple (48000, 10000, 12000)) << "c1 up to the paste";
    EXPECT_EQ (Tuple (a1[1].position.samples, a1[1].sourceOffset.samples, a1[1].length.samples), Tuple (60000, 0, 30000))
        << "the lav clip";
    EXPECT_EQ (a1[1].mediaId, "lav");
    EXPECT_EQ (Tuple (a1[2].position.samples, a1[2].sourceOffset.samples, a1[2].length.samples), Tuple (90000, 22000, 36000))
        << "c1's rest after it";
    EXPECT_EQ (placed (h.session(), "A1", "c2"), Tuple (126000, 100000, 24000));
    EXPECT_EQ (placed (h.session(), "A1", "c3"), Tuple (150000, 200000, 36000));
    const auto& lane = trackOf (h.session(), "A1").automation.at ("gain_db");
    EXPECT_DOUBLE_EQ (automationValueAt (lane, 90000 + 6000), -4.125) << "c1's rest keeps its ride (-3.75 -> -6 over 36000)";
}

TEST (ShuffleEditsTest, TrimmingAnEndMovesTheLaterClipsByTheChange)
{
    EditHistory h (shuffleSession());
    performAndCheck (h, "Trim End",
                     [] (SessionEditor& e) {
                         return shuffleTrimClipEnd (e, { "A1", "c1" }, { 90000 }, facts());
                     },
                     { "A1" });
    EXPECT_EQ (placed (h.session(), "A1", "c1"), Tuple (48000, 10000, 42000));
    EXPECT_EQ (placed (h.session(), "A1", "c2"), Tuple (90000, 100000, 24000));
    EXPECT_EQ (placed (h.session(), "A1", "c3"), Tuple (114000, 200000, 36000));
    EXPECT_EQ (trackOf (h.session(), "A1").automation.at ("gain_db"),
               (AutomationLane { { 0, 0.0 }, { 90000, -5.625 }, { 90000, -6.0 }, { 114000, -6.0 }, { 150000, 0.0 } }))
        << "c1's end arrives where it did, c2 starts at -6 as it did";

    // Longer again, past the end it had: c2 and c3 move later.
    performAndCheck (h, "Trim End",
                     [] (SessionEditor& e) {
                         return shuffleTrimClipEnd (e, { "A1", "c1" }, { 100000 }, facts());
                     },
                     { "A1" });
    EXPECT_EQ (placed (h.session(), "A1", "c1"), Tuple (48000, 10000, 52000));
    EXPECT_EQ (placed (h.session(), "A1", "c2"), Tuple (100000, 100000, 24000));
    EXPECT_EQ (placed (h.session(), "A1", "c3"), Tuple (124000, 200000, 36000));
}

TEST (ShuffleEditsTest, TrimmingAStartKeepsTheClipInPlaceAndMovesWhatFollows)
{
    EditHistory h (shuffleSession());
    performAndCheck (h, "Trim Start",
                     [] (SessionEditor& e) {
                         return shuffleTrimClipStart (e, { "A1", "c2" }, { 100000 }, facts());
                     },
                     { "A1" });
    EXPECT_EQ (placed (h.session(), "A1", "c2"), Tuple (96000, 104000, 20000));
    EXPECT_EQ (placed (h.session(), "A1", "c3"), Tuple (116000, 200000, 36000));
    EXPECT_EQ (placed (h.session(), "A1", "c1"), Tuple (48000, 10000, 48000));

    // Into the media before it: the clip still starts at 96000, c3 moves later.
    performAndCheck (h, "Trim Start",
                     [] (SessionEditor& e) {
                         return shuffleTrimClipStart (e, { "A1", "c2" }, { 86000 }, facts());
                     },
                     { "A1" });
    EXPECT_EQ (placed (h.session(), "A1", "c2"), Tuple (96000, 94000, 30000));
    EXPECT_EQ (placed (h.session(), "A1", "c3"), Tuple (126000, 200000, 36000));
    const auto& lane = trackOf (h.session(), "A1").automation.at ("gain_db");
    EXPECT_DOUBLE_EQ (automationValueAt (lane, 126000 + 18000), -3.0) << "c3's ride moved with it";
}

TEST (ShuffleEditsTest, DraggingAClipPastItsNeighbourReordersThemButted)
{
    EditHistory h (shuffleSession());
    // c1 (48000 long) dropped with its middle past c2's middle (108000): after c2.
    performAndCheck (h, "Move", [] (SessionEditor& e) { return shuffleMoveClip (e, { "A1", "c1" }, "A1", { 90000 }); }, { "A1" });
    EXPECT_EQ (order (h.session(), "A1"), (std::vector<std::string> { "c2", "c1", "c3" }));
    EXPECT_EQ (placed (h.session(), "A1", "c2"), Tuple (48000, 100000, 24000));
    EXPECT_EQ (placed (h.session(), "A1", "c1"), Tuple (72000, 10000, 48000));
    EXPECT_EQ (placed (h.session(), "A1", "c3"), Tuple (120000, 200000, 36000));
    EXPECT_EQ (clipOf (h.session(), "A1", "c1").fadeIn.length.samples, 480) << "the clip is moved whole";
    // Each clip keeps the ride it had: c2 flat at -6, c1 -3 -> -6, c3 -6 -> 0.
    EXPECT_EQ (
        trackOf (h.session(), "A1").automation.at ("gain_db"),
        (AutomationLane {
            { 0, 0.0 }, { 48000, -3.0 }, { 48000, -6.0 }, { 72000, -6.0 }, { 72000, -3.0 }, { 120000, -6.0 }, { 156000, 0.0 } }));

    // To the end: after c3, butted.
    performAndCheck (h, "Move",
                     [] (SessionEditor& e) {
                         return shuffleMoveClip (e, { "A1", "c2" }, "A1", { 200000 });
                     },
                     { "A1" });
    EXPECT_EQ (order (h.session(), "A1"), (std::vector<std::string> { "c1", "c3", "c2" }));
    EXPECT_EQ (placed (h.session(), "A1", "c1"), Tuple (48000, 10000, 48000));
    EXPECT_EQ (placed (h.session(), "A1", "c3"), Tuple (96000, 200000, 36000));
    EXPECT_EQ (placed (h.session(), "A1", "c2"), Tuple (132000, 100000, 24000));
}

TEST (ShuffleEditsTest, DroppingAClipBackInItsPlaceChangesNothing)
{
    EditHistory h (shuffleSession());
    const auto before = sessionToJson (h.session()).dump();
    ASSERT_TRUE (h.perform ("Move", [] (SessionEditor& e) { return shuffleMoveClip (e, { "A1", "c2" }, "A1", { 99000 }); }).ok());
    EXPECT_EQ (sessionToJson (h.session()).dump(), before);
}

TEST (ShuffleEditsTest, DraggingToAnotherTrackClosesOneAndOpensTheOther)
{
    EditHistory h (shuffleSession());
    performAndCheck (h, "Move",
                     [] (SessionEditor& e) {
                         return shuffleMoveClip (e, { "A1", "c1" }, "A2", { 0 });
                     },
                     { "A1", "A2" });
    EXPECT_EQ (order (h.session(), "A1"), (std::vector<std::string> { "c2", "c3" }));
    EXPECT_EQ (placed (h.session(), "A1", "c2"), Tuple (48000, 100000, 24000));
    EXPECT_EQ (placed (h.session(), "A1", "c3"), Tuple (72000, 200000, 36000));
    EXPECT_EQ (order (h.session(), "A2"), (std::vector<std::string> { "c1", "l1" }));
    EXPECT_EQ (placed (h.session(), "A2", "c1"), Tuple (60000, 10000, 48000)) << "before l1, at its start";
    EXPECT_EQ (placed (h.session(), "A2", "l1"), Tuple (108000, 0, 30000));
}

TEST (ShuffleEditsTest, RefusesWithAReasonAndChangesNothing)
{
    EditHistory h (shuffleSession());
    expectRefused (
        h,
        [] (SessionEditor& e) {
            return shuffleDeleteClips (e, { { "A1", "c1" }, { "A1", "nope" } });
        },
        "nope");
    expectRefused (
        h,
        [] (SessionEditor& e) {
            return shuffleClearRange (e, { { "A1", "X9" }, { { 0 }, { 10 } } });
        },
        "X9");
    expectRefused (
        h,
        [] (SessionEditor& e) {
            return shuffleMoveClip (e, { "A1", "c1" }, "ST", { 0 });
        },
        "channel");
    expectRefused (
        h,
        [] (SessionEditor& e) {
            return shuffleMoveClip (e, { "A1", "c1" }, "A1", { -5 });
        },
        "session start");
    expectRefused (
        h,
        [] (SessionEditor& e) {
            return shuffleMoveClip (e, { "A1", "c1" }, "Z", { 0 });
        },
        "no track 'Z'");
    const auto stereo = copyRange (h.session(), { { "ST" }, { { 0 }, { 1000 } } });
    expectRefused (
        h, [&] (SessionEditor& e) { return shufflePasteAt (e, stereo, { "A1" }, { 0 }); }, "channel");
    expectRefused (
        h,
        [] (SessionEditor& e) {
            return shuffleTrimClipEnd (e, { "A1", "c1" }, { 500000 }, {});
        },
        "cannot be read");

    // c2 starting 47000 samples into c1: trimming c1 to 1000 samples would put c2 before 0.
    auto s = shuffleSession();
    s.tracks[0].clips[0].position = { 0 };
    s.tracks[0].clips[1].position = { 47000 };
    EditHistory overlapping (s);
    expectRefused (
        overlapping,
        [] (SessionEditor& e) {
            return shuffleTrimClipStart (e, { "A1", "c1" }, { 47999 }, facts());
        },
        "before the session start");
}

TEST (ShuffleEditsTest, AutomationRippleKeepsTheLineAroundTheEdit)
{
    const AutomationLane lane { { 0, 0.0 }, { 1000, -10.0 } };
    EXPECT_EQ (laneWithTimeRemoved (lane, 200, 600),
               (AutomationLane { { 0, 0.0 }, { 200, -2.0 }, { 200, -6.0 }, { 600, -10.0 } }));
    EXPECT_EQ (laneWithTimeInserted (lane, 500, 1000),
               (AutomationLane { { 0, 0.0 }, { 500, -5.0 }, { 1500, -5.0 }, { 2000, -10.0 } }));
    EXPECT_EQ (lanePiece (lane, 500, 700), (AutomationLane { { 0, -5.0 }, { 200, -7.0 } }));
    EXPECT_EQ (laneWithTimeRemoved (lane, 2000, 3000), lane) << "after every point: unchanged";
    EXPECT_TRUE (laneWithTimeInserted ({}, 0, 100).empty());
    // A step at the removed range's end keeps only what follows it.
    const AutomationLane step { { 0, 0.0 }, { 400, -4.0 }, { 400, -9.0 } };
    EXPECT_EQ (laneWithTimeRemoved (step, 100, 400), (AutomationLane { { 0, 0.0 }, { 100, -1.0 }, { 100, -9.0 } }));
}
