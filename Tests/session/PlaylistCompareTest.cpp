// copyPlaylistRangeToActive: Pro Tools' "Copy Selection to Main Playlist" from the playlists
// view, checked clip by clip to the sample, and undone and redone to identical JSON.
#include "session/EditHistory.h"
#include "session/Playlists.h"
#include "session/SessionJson.h"
#include "session/SessionValidator.h"

#include "support/TestClips.h"

#include <gtest/gtest.h>

#include <set>

using namespace sprocket;
using namespace sprocket::session;
using sprocket::test::makeClip;

namespace
{
/** A1 plays "Main" (boom: c1 48000..96000, c2 96000..144000) and keeps "Take 2" (lav: t1
    40000..80000 with fades, t2 100000..130000). */
Session twoTakes()
{
    Session s;
    s.name = "Takes";
    s.sampleRate = 48000;
    s.frameRate = core::FrameRate::fps24;
    s.media = { { "boom", "boom.wav" }, { "lav", "lav.wav" } };
    Track a1;
    a1.id = "A1";
    a1.playlistName = "Main";
    a1.clips = { makeClip ("c1", "boom", 48000, 48000, 10000), makeClip ("c2", "boom", 96000, 48000, 200000) };
    a1.clips[0].fadeIn = { { 480 }, dsp::FadeShape::linear };
    a1.clips[1].fadeOut = { { 960 }, dsp::FadeShape::sCurve };
    Playlist take { "Take 2", { makeClip ("t1", "lav", 40000, 40000, 500), makeClip ("t2", "lav", 100000, 30000, 5000) } };
    take.clips[0].fadeIn = { { 100 }, dsp::FadeShape::linear };
    take.clips[0].fadeOut = { { 200 }, dsp::FadeShape::linear };
    a1.alternatePlaylists = { take };
    Track a2;
    a2.id = "A2";
    a2.clips = { makeClip ("l1", "lav", 60000, 30000, 0) };
    s.tracks = { a1, a2 };
    return s;
}

std::string json (const Session& s)
{
    return sessionToJson (s).dump();
}

struct Expected
{
    std::string media;
    int64_t position, length, offset, fadeIn, fadeOut;
};

void expectClips (const std::vector<Clip>& clips, const std::vector<Expected>& expected)
{
    ASSERT_EQ (clips.size(), expected.size());
    for (size_t i = 0; i < clips.size(); ++i)
    {
        SCOPED_TRACE ("clip " + std::to_string (i) + " (" + clips[i].id + ")");
        EXPECT_EQ (clips[i].mediaId, expected[i].media);
        EXPECT_EQ (clips[i].position.samples, expected[i].position);
        EXPECT_EQ (clips[i].length.samples, expected[i].length);
        EXPECT_EQ (clips[i].sourceOffset.samples, expected[i].offset);
        EXPECT_EQ (clips[i].fadeIn.length.samples, expected[i].fadeIn);
        EXPECT_EQ (clips[i].fadeOut.length.samples, expected[i].fadeOut);
    }
}
} // namespace

TEST (PlaylistCompare, CopySelectionToMainReplacesTheRangeToTheSample)
{
    EditHistory h (twoTakes());
    const auto before = json (h.session());
    const auto alternateBefore = h.session().tracks[0].alternatePlaylists;
    const core::SampleRange range { { 70000 }, { 110000 } };
    auto status =
        h.perform ("Copy to Main Playlist", [&] (auto& e) { return copyPlaylistRangeToActive (e, "A1", "Take 2", range); });
    ASSERT_TRUE (status.ok()) << status.error().message;
    const auto after = json (h.session());
    const auto& track = h.session().tracks[0];

    // Main's c1 up to the range, Take 2's material inside it (t1's tail, a gap, t2's head), c2
    // from the range's end; the cut edges lose their fades, the outer ones keep theirs.
    expectClips (track.clips, {
                                  { "boom", 48000, 22000, 10000, 480, 0 },
                                  { "lav", 70000, 10000, 500 + 30000, 0, 200 },
                                  { "lav", 100000, 10000, 5000, 0, 0 },
                                  { "boom", 110000, 34000, 200000 + 14000, 0, 960 },
                              });
    EXPECT_EQ (track.playlistName, "Main");
    EXPECT_EQ (track.alternatePlaylists, alternateBefore) << "the alternate is not changed";
    EXPECT_EQ (h.session().tracks[1].clips.size(), 1u) << "other tracks are not touched";
    EXPECT_TRUE (validateStructure (h.session()).empty());

    // Every clip id in the session (playing and alternate) is still unique.
    std::set<std::string> ids;
    size_t count = 0;
    for (auto& t : h.session().tracks)
    {
        for (auto& c : t.clips)
            ids.insert (c.id), ++count;
        for (auto& p : t.alternatePlaylists)
            for (auto& c : p.clips)
                ids.insert (c.id), ++count;
    }
    EXPECT_EQ (ids.size(), count);

    EXPECT_EQ (h.undoName(), "Copy to Main Playlist");
    ASSERT_TRUE (h.undo());
    EXPECT_EQ (json (h.session()), before);
    ASSERT_TRUE (h.redo());
    EXPECT_EQ (json (h.session()), after);
}

TEST (PlaylistCompare, ARangeOverAnEmptyPartOfTheAlternateClearsMain)
{
    EditHistory h (twoTakes());
    ASSERT_TRUE (h.perform ("Copy", [] (auto& e) {
                      return copyPlaylistRangeToActive (e, "A1", "Take 2", { { 85000 }, { 95000 } });
                  }).ok());
    expectClips (h.session().tracks[0].clips, {
                                                  { "boom", 48000, 37000, 10000, 480, 0 },
                                                  { "boom", 95000, 1000, 10000 + 47000, 0, 0 },
                                                  { "boom", 96000, 48000, 200000, 0, 960 },
                                              });
}

TEST (PlaylistCompare, BadRequestsSayWhyAndChangeNothing)
{
    EditHistory h (twoTakes());
    const auto before = json (h.session());
    const auto refused = [&] (const std::string& track, const std::string& playlist, core::SampleRange range,
                              const std::string& says) {
        auto status = h.perform ("Copy", [&] (auto& e) { return copyPlaylistRangeToActive (e, track, playlist, range); });
        ASSERT_FALSE (status.ok());
        EXPECT_NE (status.error().message.find (says), std::string::npos) << status.error().message;
        EXPECT_EQ (json (h.session()), before);
        EXPECT_FALSE (h.canUndo());
    };
    const core::SampleRange range { { 70000 }, { 110000 } };
    refused ("nope", "Take 2", range, "no track 'nope'");
    refused ("A1", "Take 9", range, "no playlist called 'Take 9'");
    refused ("A1", "Main", range, "plays already");
    refused ("A1", "Take 2", { { 70000 }, { 70000 } }, "select a range");
    refused ("A1", "Take 2", { { -100 }, { 70000 } }, "before the session start");
    // A track that never had alternates plays its unnamed first playlist, "Main".
    refused ("A2", "Main", range, "plays already");
    refused ("A2", "Take 2", range, "no playlist called 'Take 2'");
}

TEST (PlaylistCompare, AuditionPlaysTheAlternateInACopyOnly)
{
    auto s = twoTakes();
    const auto before = json (s);
    ASSERT_TRUE (auditionPlaylist (s, "A1", "Take 2").ok());
    expectClips (s.tracks[0].clips, { { "lav", 40000, 40000, 500, 100, 200 }, { "lav", 100000, 30000, 5000, 0, 0 } });
    EXPECT_EQ (s.tracks[0].playlistName, "Take 2");
    EXPECT_EQ (s.tracks[0].alternatePlaylists[0].clips[0].id, "c1");
    EXPECT_TRUE (validateStructure (s).empty());

    auto untouched = twoTakes();
    EXPECT_FALSE (auditionPlaylist (untouched, "A1", "Take 9").ok());
    EXPECT_FALSE (auditionPlaylist (untouched, "nope", "Take 2").ok());
    EXPECT_EQ (json (untouched), before);
}
