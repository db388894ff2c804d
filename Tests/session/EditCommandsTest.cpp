#include "session/ClipEdits.h"
#include "session/EditHistory.h"
#include "session/Playlists.h"
#include "session/RangeEdits.h"
#include "session/SessionJson.h"
#include "session/SessionValidator.h"
#include "session/TimelineGrid.h"

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
/** Dialogue on two mono tracks and a stereo track: A1 has two clips meeting at 96000. */
Session dialogueSession()
{
    Session s;
    s.name = "Edit";
    s.sampleRate = 48000;
    s.frameRate = core::FrameRate::fps24;
    s.media = { { "boom", "boom.wav" }, { "lav", "lav.wav" }, { "amb", "amb.wav" } };
    Track a1;
    a1.id = "A1";
    a1.clips = { makeClip ("c1", "boom", 48000, 48000, 10000), makeClip ("c2", "boom", 96000, 48000, 200000) };
    a1.clips[0].fadeIn = { { 480 }, dsp::FadeShape::linear };
    a1.clips[1].fadeOut = { { 960 }, dsp::FadeShape::sCurve };
    Track a2;
    a2.id = "A2";
    a2.clips = { makeClip ("l1", "lav", 60000, 30000, 0) };
    Track st;
    st.id = "ST";
    st.channels = 2;
    st.clips = { makeClip ("b1", "amb", 0, 480000, 0) };
    s.tracks = { a1, a2, st };
    return s;
}

/** Media lengths: boom 10 s with a BWF time of 01:00:02:00 (at 24 fps, 48 kHz), lav 1 s, amb 20 s. */
MediaFactsLookup facts()
{
    const int64_t oneHourTwoSeconds = (3600 + 2) * 48000;
    std::map<std::string, MediaFacts> known { { "boom", { 480000, 1, oneHourTwoSeconds } },
                                              { "lav", { 48000, 1, std::nullopt } },
                                              { "amb", { 960000, 2, std::nullopt } } };
    return [known] (const std::string& id) -> std::optional<MediaFacts> {
        auto found = known.find (id);
        return found == known.end() ? std::nullopt : std::optional<MediaFacts> (found->second);
    };
}

const Clip& clipOf (const Session& s, const std::string& track, const std::string& id)
{
    for (auto& t : s.tracks)
        if (t.id == track)
            for (auto& c : t.clips)
                if (c.id == id)
                    return c;
    throw std::runtime_error ("no clip " + id);
}

const Track& trackOf (const Session& s, const std::string& id)
{
    for (auto& t : s.tracks)
        if (t.id == id)
            return t;
    throw std::runtime_error ("no track " + id);
}

/** Performs `edit`, which must succeed; checks undo gives back the JSON from before and redo
    the JSON from after; leaves the history at "after". */
void performAndCheckUndo (EditHistory& history, const std::string& name, const EditHistory::Edit& edit)
{
    const auto before = sessionToJson (history.session()).dump();
    auto status = history.perform (name, edit);
    ASSERT_TRUE (status.ok()) << status.error().message;
    const auto after = sessionToJson (history.session()).dump();
    ASSERT_NE (before, after) << name << " changed nothing";
    EXPECT_TRUE (validateStructure (history.session()).empty()) << name << " left an invalid session";
    EXPECT_EQ (history.undoName(), name);
    ASSERT_TRUE (history.undo());
    EXPECT_EQ (sessionToJson (history.session()).dump(), before) << name << ": undo";
    ASSERT_TRUE (history.redo());
    EXPECT_EQ (sessionToJson (history.session()).dump(), after) << name << ": redo";
}
} // namespace

TEST (EditCommandsTest, MoveAndNudgeByFrames)
{
    EditHistory h (dialogueSession());
    performAndCheckUndo (h, "Move", [] (auto& e) {
        return moveClips (e, { { "A1", "c1" }, { "A2", "l1" } }, SampleDuration { 1234 });
    });
    EXPECT_EQ (clipOf (h.session(), "A1", "c1").position.samples, 49234);
    EXPECT_EQ (clipOf (h.session(), "A2", "l1").position.samples, 61234);
    // Clips stay in timeline order after a move past a neighbour.
    performAndCheckUndo (h, "Move", [] (auto& e) { return moveClips (e, { { "A1", "c1" } }, SampleDuration { 100000 }); });
    EXPECT_EQ (trackOf (h.session(), "A1").clips[0].id, "c2");

    // One frame at 24 fps is 2000 samples; the offset inside the frame is kept.
    EXPECT_EQ (nudgeByFrames (h.session(), SamplePosition { 48010 }, 1).samples, 50010);
    EXPECT_EQ (nudgeByFrames (h.session(), SamplePosition { 48010 }, -3).samples, 42010);
    EXPECT_EQ (snapToFrame (h.session(), SamplePosition { 48999 }).samples, 48000);
    EXPECT_EQ (snapToFrame (h.session(), SamplePosition { 49001 }).samples, 50000);

    auto failed = h.perform ("Move", [] (auto& e) { return moveClips (e, { { "A2", "l1" } }, SampleDuration { -100000 }); });
    EXPECT_FALSE (failed.ok());
    EXPECT_NE (failed.error().message.find ("l1"), std::string::npos);
    EXPECT_EQ (clipOf (h.session(), "A2", "l1").position.samples, 61234); // unchanged
}

TEST (EditCommandsTest, FrameGridFollowsAbsoluteTimecodeAt23976)
{
    auto s = dialogueSession();
    s.frameRate = core::FrameRate::fps23_976; // 2002 samples a frame
    EXPECT_EQ (nudgeByFrames (s, SamplePosition { 0 }, 1).samples, 2002);
    EXPECT_EQ (nudgeByFrames (s, SamplePosition { 2002 * 10 + 5 }, -10).samples, 5);
    auto at = timelinePosition (s, { 1, 0, 1, 0 });
    ASSERT_TRUE (at.ok());
    EXPECT_EQ (at->samples, 24 * 2002);
    EXPECT_FALSE (timelinePosition (s, { 0, 59, 59, 0 }).ok()); // before the session start
}

TEST (EditCommandsTest, NudgeValuesMoveBySamplesMillisecondsOrFrames)
{
    auto s = dialogueSession();
    s.frameRate = core::FrameRate::fps23_976; // 2002 samples a frame at 48 kHz
    const auto& values = nudgeValues();
    const auto moved = [&] (const char* name, int64_t from, int direction) {
        for (auto& value : values)
            if (std::string (value.name) == name)
                return nudgeBy (s, SamplePosition { from }, value, direction).samples - from;
        ADD_FAILURE() << "no nudge value " << name;
        return int64_t (0);
    };
    EXPECT_EQ (std::string (values[defaultNudgeIndex].name), "1 frame");
    EXPECT_EQ (moved ("1 sample", 1000, 1), 1);
    EXPECT_EQ (moved ("10 samples", 1000, -1), -10);
    EXPECT_EQ (moved ("1 ms", 1000, 1), 48);
    EXPECT_EQ (moved ("10 ms", 1000, -1), -480);
    EXPECT_EQ (moved ("1/4 frame", 1000, 1), 501); // 500.5 rounded
    EXPECT_EQ (moved ("1/2 frame", 1000, 1), 1001);
    // Frames keep the offset inside the frame, on the absolute grid.
    EXPECT_EQ (nudgeBy (s, SamplePosition { 2002 * 10 + 5 }, values[defaultNudgeIndex], -1).samples, 2002 * 9 + 5);
    EXPECT_EQ (moved ("5 frames", 5, 1), 5 * 2002);
}

TEST (EditCommandsTest, MoveToTrackNeedsTheSameChannelCount)
{
    EditHistory h (dialogueSession());
    performAndCheckUndo (h, "Move to Track", [] (auto& e) {
        return moveClipToTrack (e, { "A2", "l1" }, "A1", SamplePosition { 200000 });
    });
    EXPECT_TRUE (trackOf (h.session(), "A2").clips.empty());
    EXPECT_EQ (clipOf (h.session(), "A1", "l1").position.samples, 200000);
    auto refused = h.perform ("Move to Track", [] (auto& e) {
        return moveClipToTrack (e, { "A1", "l1" }, "ST", SamplePosition { 0 });
    });
    ASSERT_FALSE (refused.ok());
    EXPECT_NE (refused.error().message.find ("channel"), std::string::npos);
}

TEST (EditCommandsTest, SpotToTimecodeAndToOriginalBwfTime)
{
    EditHistory h (dialogueSession());
    const auto spot = *timelinePosition (h.session(), { 1, 0, 10, 12 }); // 10.5 s
    performAndCheckUndo (h, "Spot", [&] (auto& e) { return spotClip (e, { "A1", "c1" }, spot); });
    EXPECT_EQ (clipOf (h.session(), "A1", "c1").position.samples, 504000);

    // boom was recorded from 01:00:02:00; c2 plays it from 200000 samples in.
    performAndCheckUndo (h, "Spot to Original Time", [] (auto& e) {
        return spotClipToOriginalTime (e, { "A1", "c2" }, facts());
    });
    EXPECT_EQ (clipOf (h.session(), "A1", "c2").position.samples, 2 * 48000 + 200000);
    auto noTime = h.perform ("Spot", [] (auto& e) { return spotClipToOriginalTime (e, { "A2", "l1" }, facts()); });
    ASSERT_FALSE (noTime.ok());
    EXPECT_NE (noTime.error().message.find ("time reference"), std::string::npos);
}

TEST (EditCommandsTest, TrimStaysInsideTheMediaAndKeepsFadesFitting)
{
    EditHistory h (dialogueSession());
    // c1 reads boom from 10000: its start can come 10000 samples earlier, no more.
    performAndCheckUndo (h, "Trim Start", [] (auto& e) {
        return trimClipStart (e, { "A1", "c1" }, SamplePosition { 0 }, facts());
    });
    auto c1 = clipOf (h.session(), "A1", "c1");
    EXPECT_EQ (c1.position.samples, 38000);
    EXPECT_EQ (c1.sourceOffset.samples, 0);
    EXPECT_EQ (c1.length.samples, 58000);
    EXPECT_EQ (c1.end().samples, 96000); // the end did not move

    performAndCheckUndo (h, "Trim Start", [] (auto& e) {
        return trimClipStart (e, { "A1", "c1" }, SamplePosition { 95900 }, facts());
    });
    c1 = clipOf (h.session(), "A1", "c1");
    EXPECT_EQ (c1.length.samples, 100);
    EXPECT_EQ (c1.sourceOffset.samples, 57900);
    EXPECT_EQ (c1.fadeIn.length.samples, 100); // the 480-sample fade-in shortened to fit

    // lav is 48000 long; l1 reads [0, 30000): its end can go 18000 further.
    performAndCheckUndo (h, "Trim End", [] (auto& e) {
        return trimClipEnd (e, { "A2", "l1" }, SamplePosition { 1000000 }, facts());
    });
    EXPECT_EQ (clipOf (h.session(), "A2", "l1").length.samples, 48000);
    performAndCheckUndo (h, "Trim End", [] (auto& e) {
        return trimClipEnd (e, { "A2", "l1" }, SamplePosition { 61000 }, facts());
    });
    EXPECT_EQ (clipOf (h.session(), "A2", "l1").length.samples, 1000);
}

TEST (EditCommandsTest, SlipMovesTheAudioNotTheClip)
{
    EditHistory h (dialogueSession());
    performAndCheckUndo (h, "Slip", [] (auto& e) { return slipClip (e, { "A1", "c1" }, SampleDuration { 5000 }, facts()); });
    EXPECT_EQ (clipOf (h.session(), "A1", "c1").sourceOffset.samples, 15000);
    EXPECT_EQ (clipOf (h.session(), "A1", "c1").position.samples, 48000);
    performAndCheckUndo (h, "Slip", [] (auto& e) { return slipClip (e, { "A1", "c1" }, SampleDuration { 10000000 }, facts()); });
    EXPECT_EQ (clipOf (h.session(), "A1", "c1").sourceOffset.samples, 480000 - 48000); // against the media's end
}

TEST (EditCommandsTest, SplitAtThePlayheadKeepsOuterFadesAndEveryRead)
{
    EditHistory h (dialogueSession());
    performAndCheckUndo (h, "Split", [] (auto& e) { return splitAt (e, { "A1", "A2" }, SamplePosition { 70000 }); });
    const auto& a1 = trackOf (h.session(), "A1").clips;
    ASSERT_EQ (a1.size(), 3u);
    EXPECT_EQ (a1[0].id, "c1");
    EXPECT_EQ (a1[0].length.samples, 22000);
    EXPECT_EQ (a1[0].fadeIn.length.samples, 480);
    EXPECT_EQ (a1[1].position.samples, 70000);
    EXPECT_EQ (a1[1].sourceOffset.samples, 10000 + 22000); // the right half reads on where the left stops
    EXPECT_EQ (a1[1].length.samples, 26000);
    EXPECT_EQ (a1[1].fadeIn.length.samples, 0);
    EXPECT_NE (a1[1].id, "c1");
    EXPECT_EQ (trackOf (h.session(), "A2").clips.size(), 2u);
}

TEST (EditCommandsTest, GainFadesMuteRenameDelete)
{
    EditHistory h (dialogueSession());
    performAndCheckUndo (h, "Clip Gain", [] (auto& e) { return setClipGain (e, { { "A1", "c1" }, { "A1", "c2" } }, -4.5); });
    EXPECT_EQ (clipOf (h.session(), "A1", "c2").gainDb, -4.5);
    performAndCheckUndo (h, "Fade In", [] (auto& e) {
        return setClipFadeIn (e, { "A2", "l1" }, { { 2400 }, dsp::FadeShape::equalPower });
    });
    EXPECT_EQ (clipOf (h.session(), "A2", "l1").fadeIn.shape, dsp::FadeShape::equalPower);
    performAndCheckUndo (h, "Fade Out", [] (auto& e) {
        return setClipFadeOut (e, { "A2", "l1" }, { { 4800 }, dsp::FadeShape::sCurve });
    });
    EXPECT_EQ (clipOf (h.session(), "A2", "l1").fadeOut.length.samples, 4800);
    EXPECT_FALSE (h.perform ("Fade Out", [] (auto& e) { return setClipFadeOut (e, { "A2", "l1" }, { { 29000 }, {} }); }).ok());
    performAndCheckUndo (h, "Mute Clip", [] (auto& e) { return setClipsMuted (e, { { "ST", "b1" } }, true); });
    EXPECT_TRUE (clipOf (h.session(), "ST", "b1").mute);
    performAndCheckUndo (h, "Rename", [] (auto& e) { return renameClip (e, { "A2", "l1" }, "Sc12 Tk3 lav"); });
    EXPECT_EQ (clipOf (h.session(), "A2", "l1").name, "Sc12 Tk3 lav");
    performAndCheckUndo (h, "Delete", [] (auto& e) { return deleteClips (e, { { "A1", "c2" } }); });
    EXPECT_EQ (trackOf (h.session(), "A1").clips.size(), 1u);
    EXPECT_FALSE (h.perform ("Delete", [] (auto& e) { return deleteClips (e, { { "A1", "nope" } }); }).ok());
}

TEST (EditCommandsTest, DuplicatePlacesCopiesRightAfterTheSelection)
{
    EditHistory h (dialogueSession());
    std::vector<ClipRef> made;
    performAndCheckUndo (h, "Duplicate", [&] (auto& e) {
        made.clear();
        return duplicateClips (e, { { "A1", "c1" }, { "A1", "c2" } }, &made);
    });
    ASSERT_EQ (made.size(), 2u);
    const auto& copy = clipOf (h.session(), "A1", made[0].clipId);
    EXPECT_EQ (copy.position.samples, 48000 + 96000); // after the span [48000, 144000)
    EXPECT_EQ (copy.sourceOffset.samples, 10000);
    EXPECT_EQ (trackOf (h.session(), "A1").clips.size(), 4u);
}

TEST (EditCommandsTest, CrossfadeIsCentredOnTheCut)
{
    EditHistory h (dialogueSession());
    performAndCheckUndo (h, "Crossfade", [] (auto& e) {
        return crossfadeAt (e, "A1", SamplePosition { 96000 }, SampleDuration { 960 }, dsp::FadeShape::equalPower, facts());
    });
    const auto& out = clipOf (h.session(), "A1", "c1");
    const auto& in = clipOf (h.session(), "A1", "c2");
    EXPECT_EQ (out.end().samples, 96480);
    EXPECT_EQ (out.fadeOut.length.samples, 960);
    EXPECT_EQ (in.position.samples, 95520);
    EXPECT_EQ (in.sourceOffset.samples, 200000 - 480); // the same media sample still plays at 96000
    EXPECT_EQ (in.fadeIn.shape, dsp::FadeShape::equalPower);
    // Both fades cover the same stretch of timeline.
    EXPECT_EQ ((out.end() - out.fadeOut.length).samples, in.position.samples);

    auto noCut = h.perform ("Crossfade", [] (auto& e) {
        return crossfadeAt (e, "A2", SamplePosition { 60000 }, SampleDuration { 960 }, dsp::FadeShape::linear, facts());
    });
    EXPECT_FALSE (noCut.ok());
}

TEST (EditCommandsTest, CutCopyPasteRanges)
{
    EditHistory h (dialogueSession());
    const TimelineSelection selection { { "A1" }, { { 90000 }, { 100000 } } };
    const auto board = copyRange (h.session(), selection);
    ASSERT_EQ (board.tracks.size(), 1u);
    ASSERT_EQ (board.tracks[0].clips.size(), 2u); // the end of c1 and the start of c2
    EXPECT_EQ (board.tracks[0].clips[0].position.samples, 0);
    EXPECT_EQ (board.tracks[0].clips[0].length.samples, 6000);
    EXPECT_EQ (board.tracks[0].clips[1].position.samples, 6000);
    EXPECT_EQ (board.tracks[0].clips[1].sourceOffset.samples, 200000);

    Clipboard cut;
    performAndCheckUndo (h, "Cut", [&] (auto& e) { return cutRange (e, selection, cut); });
    const auto& a1 = trackOf (h.session(), "A1").clips;
    ASSERT_EQ (a1.size(), 2u);
    EXPECT_EQ (a1[0].end().samples, 90000);
    EXPECT_EQ (a1[1].position.samples, 100000);
    EXPECT_EQ (a1[1].sourceOffset.samples, 204000);
    EXPECT_EQ (a1[1].fadeOut.length.samples, 960); // the outer fade survives

    performAndCheckUndo (h, "Paste", [&] (auto& e) { return pasteAt (e, cut, { "A2" }, SamplePosition { 65000 }); });
    const auto& a2 = trackOf (h.session(), "A2").clips;
    ASSERT_EQ (a2.size(), 4u); // l1's head, the two pasted pieces, l1's tail
    EXPECT_EQ (a2[0].end().samples, 65000);
    EXPECT_EQ (a2[1].position.samples, 65000);
    EXPECT_EQ (a2[1].mediaId, "boom");
    EXPECT_EQ (a2[3].position.samples, 75000);
    EXPECT_EQ (a2[3].sourceOffset.samples, 15000);

    auto refused = h.perform ("Paste", [&] (auto& e) { return pasteAt (e, cut, { "ST" }, SamplePosition { 0 }); });
    ASSERT_FALSE (refused.ok());
    EXPECT_NE (refused.error().message.find ("channel"), std::string::npos);

    // Duplicating [50000, 60000) writes that stretch of c1 over [60000, 70000).
    performAndCheckUndo (h, "Duplicate", [] (auto& e) { return duplicateRange (e, { { "A1" }, { { 50000 }, { 60000 } } }); });
    const auto& after = trackOf (h.session(), "A1").clips;
    ASSERT_EQ (after.size(), 4u); // c1's head, the copy, c1's tail, c2
    EXPECT_EQ (after[1].position.samples, 60000);
    EXPECT_EQ (after[1].sourceOffset.samples, 12000);
    EXPECT_EQ (after[2].position.samples, 70000);
    EXPECT_EQ (after[2].sourceOffset.samples, 32000);
}

TEST (EditCommandsTest, PlaylistsDuplicateSwitchAndCompare)
{
    EditHistory h (dialogueSession());
    performAndCheckUndo (h, "Duplicate Playlist", [] (auto& e) { return duplicatePlaylist (e, "A1", "Alt cut"); });
    auto track = trackOf (h.session(), "A1");
    EXPECT_EQ (track.playlistName, "Alt cut");
    ASSERT_EQ (track.alternatePlaylists.size(), 1u);
    EXPECT_EQ (track.alternatePlaylists[0].name, "Main");
    EXPECT_EQ (track.clips.size(), 2u);
    EXPECT_NE (track.clips[0].id, "c1"); // copies have their own ids

    performAndCheckUndo (h, "Trim", [&] (auto& e) {
        return trimClipEnd (e, { "A1", track.clips[1].id }, SamplePosition { 100000 }, facts());
    });
    performAndCheckUndo (h, "Switch Playlist", [] (auto& e) { return switchPlaylist (e, "A1", "Main"); });
    track = trackOf (h.session(), "A1");
    EXPECT_EQ (track.playlistName, "Main");
    EXPECT_EQ (track.clips[1].length.samples, 48000); // the original cut, untouched
    EXPECT_EQ (track.alternatePlaylists[0].clips[1].length.samples, 4000);

    performAndCheckUndo (h, "New Playlist", [] (auto& e) { return newPlaylist (e, "A1", "Empty"); });
    EXPECT_TRUE (trackOf (h.session(), "A1").clips.empty());
    EXPECT_FALSE (h.perform ("New Playlist", [] (auto& e) { return newPlaylist (e, "A1", "Main"); }).ok());
    EXPECT_FALSE (h.perform ("Switch", [] (auto& e) { return switchPlaylist (e, "A1", "Nope"); }).ok());

    // Playlists survive a JSON round trip.
    Problems problems;
    const auto reloaded = sessionFromJson (nlohmann::json::parse (sessionToJson (h.session()).dump()), problems);
    EXPECT_TRUE (problems.empty());
    EXPECT_EQ (trackOf (reloaded, "A1"), trackOf (h.session(), "A1"));
}

TEST (EditCommandsTest, HistoryForgetsRedoAfterANewEditAndIsBounded)
{
    EditHistory h (dialogueSession(), 3);
    for (int i = 1; i <= 5; ++i)
        ASSERT_TRUE (h.perform ("Gain " + std::to_string (i), [i] (auto& e) {
                          return setClipGain (e, { { "A2", "l1" } }, -double (i));
                      }).ok());
    int undos = 0;
    while (h.undo())
        ++undos;
    EXPECT_EQ (undos, 3);
    EXPECT_EQ (clipOf (h.session(), "A2", "l1").gainDb, -2.0);
    ASSERT_TRUE (h.redo());
    ASSERT_TRUE (h.perform ("Gain", [] (auto& e) { return setClipGain (e, { { "A2", "l1" } }, 0.0); }).ok());
    EXPECT_FALSE (h.canRedo());
    EXPECT_TRUE (h.isModified());
    h.markSaved();
    EXPECT_FALSE (h.isModified());
    // An edit that changes nothing leaves no step.
    const auto steps = h.undoName();
    ASSERT_TRUE (h.perform ("Nothing", [] (auto&) { return core::Status {}; }).ok());
    EXPECT_EQ (h.undoName(), steps);
}
