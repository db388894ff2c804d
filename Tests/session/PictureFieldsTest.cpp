// The session fields of working to picture: "video", "tempo_map", "adr_cues", "music_cues".
#include "session/EditHistory.h"
#include "session/SessionFile.h"
#include "session/SessionJson.h"
#include "session/TimecodeSettings.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace sprocket;
using namespace sprocket::session;

namespace
{
const std::filesystem::path fixture = std::filesystem::path (SPROCKET_TEST_DATA_DIR) / "session_v1.sprocket";

nlohmann::json fixtureJson()
{
    std::ifstream in (fixture);
    return nlohmann::json::parse (in);
}

const auto pictureFields = nlohmann::json::parse (R"({
  "video": { "path": "picture/reel1.mov", "start_timecode": "00:59:58:00", "offset_frames": 2, "burn_in": true,
             "conform": true },
  "tempo_map": { "bar_one": 96000,
                 "tempos": [ { "at": "1|1|000", "bpm": 120.0 }, { "at": "5|2|480", "bpm": 96.5 } ],
                 "meters": [ { "bar": 1, "numerator": 4, "denominator": 4 }, { "bar": 9, "numerator": 6, "denominator": 8 } ] },
  "adr_cues": [ { "id": "101", "character": "MARY", "line": "Where were you, Tom?", "in": 48000, "out": 120000,
                  "notes": "noise, plane", "status": "recorded" } ],
  "music_cues": [ { "number": "1M1", "title": "Main Title", "start": 0, "end": 2880000, "usage": "MT",
                    "composer": "A. Composer", "publisher": "Sprocket Music" } ],
  "markers": [ { "position": 48000, "name": "Scene 12", "length": 96000 } ]
})");

LoadResult loadWith (const nlohmann::json& fields)
{
    auto document = fixtureJson();
    document.update (fields);
    return loadSessionText (document.dump(), fixture);
}

std::string problemsText (const LoadResult& loaded)
{
    std::string text;
    for (auto& problem : loaded.problems)
        text += problem.toString() + "\n";
    return text;
}
} // namespace

TEST (PictureFieldsTest, LoadsEveryFieldWithItsDocumentedMeaning)
{
    const auto loaded = loadWith (pictureFields);
    ASSERT_TRUE (loaded.session) << problemsText (loaded);
    const auto& session = *loaded.session;

    ASSERT_TRUE (session.video);
    EXPECT_EQ (session.video->path, "picture/reel1.mov");
    EXPECT_EQ (session.video->startTimecode, (core::Timecode { 0, 59, 58, 0 }));
    EXPECT_EQ (session.video->offsetFrames, 2);
    EXPECT_TRUE (session.video->burnIn);
    EXPECT_TRUE (session.video->conform);

    const auto& map = session.tempoMap;
    EXPECT_EQ (map.barOnePosition().samples, 96000);
    ASSERT_EQ (map.tempos().size(), 2u);
    EXPECT_EQ (map.tempos()[1].tick, 4 * 3840 + 960 + 480);
    EXPECT_EQ (map.meterAtBar (9).denominator, 8);

    ASSERT_EQ (session.cues.adr.size(), 1u);
    EXPECT_EQ (session.cues.adr[0].status, AdrStatus::recorded);
    EXPECT_EQ (session.cues.adr[0].out.samples, 120000);
    ASSERT_EQ (session.cues.music.size(), 1u);
    EXPECT_EQ (session.cues.music[0].duration().samples, 2880000);
    EXPECT_EQ (session.markers[0].length.samples, 96000);
}

TEST (PictureFieldsTest, SaveAndLoadGiveTheSameSessionAndTheSameFile)
{
    const auto loaded = loadWith (pictureFields);
    ASSERT_TRUE (loaded.session) << problemsText (loaded);
    const auto folder = test::freshTempFolder ("picture-fields");
    ASSERT_TRUE (saveSessionFile (*loaded.session, folder / "a.sprocket"));
    const auto again = loadSessionFile (folder / "a.sprocket");
    ASSERT_TRUE (again.session) << problemsText (again);

    // Movie and media paths are rewritten relative to wherever the session is saved.
    auto expected = *loaded.session;
    EXPECT_EQ (again.session->resolvePath (again.session->video->path), loaded.session->resolvePath (expected.video->path));
    EXPECT_EQ (again.session->video->path, std::filesystem::relative (fixture.parent_path(), folder) / "picture/reel1.mov");
    expected.video->path = again.session->video->path;
    expected.media = again.session->media;
    expected.filePath = again.session->filePath;
    EXPECT_EQ (*again.session, expected);
    EXPECT_EQ (sessionToJson (*again.session).dump(), sessionToJson (expected).dump());
    EXPECT_EQ (sessionToJson (*again.session)["tempo_map"]["tempos"][1]["at"], "5|2|480");
}

TEST (PictureFieldsTest, ASessionWithoutThemGetsTheDefaults)
{
    const auto loaded = loadSessionFile (fixture);
    ASSERT_TRUE (loaded.session) << problemsText (loaded);
    EXPECT_FALSE (loaded.session->video);
    EXPECT_EQ (loaded.session->tempoMap, core::TempoMap {});
    EXPECT_TRUE (loaded.session->cues.adr.empty());
    EXPECT_FALSE (sessionToJson (*loaded.session).contains ("video"));
}

TEST (PictureFieldsTest, EveryMistakeIsReportedWithItsPath)
{
    const auto cases = std::vector<std::pair<std::string, std::string>> {
        { R"({"video": {"path": ""}})", "video.path" },
        { R"({"video": {"path": "a.mov", "start_timecode": "01:00:00:99"}})", "video.start_timecode" },
        { R"({"video": {"path": "a.mov", "offset_frames": 500}})", "video.offset_frames" },
        { R"({"tempo_map": {"tempos": [{"at": "1|1|000", "bpm": 120}], "meters": [{"bar": 1, "numerator": 4, "denominator": 3}]}})",
          "tempo_map.meters" },
        { R"({"tempo_map": {"tempos": [{"at": "1|1|000", "bpm": 120}, {"at": "2|5|000", "bpm": 90}], "meters": [{"bar": 1, "numerator": 4, "denominator": 4}]}})",
          "tempo_map.tempos[1].at" },
        { R"({"tempo_map": {"tempos": [{"at": "1|1|000", "bpm": 2000}], "meters": [{"bar": 1, "numerator": 4, "denominator": 4}]}})",
          "tempo_map.tempos" },
        { R"({"adr_cues": [{"id": "1", "in": 10, "out": 5}]})", "adr_cues[0].out" },
        { R"({"adr_cues": [{"id": "1", "in": 0, "out": 5}, {"id": "1", "in": 0, "out": 5}]})", "adr_cues[1].id" },
        { R"({"adr_cues": [{"id": "1", "in": 0, "out": 5, "status": "lost"}]})", "adr_cues[0].status" },
        { R"({"adr_cues": [{"id": "1", "in": -1, "out": 5}]})", "adr_cues[0].in" },
        { R"({"music_cues": [{"number": "1M1", "start": 10, "end": 5}]})", "music_cues[0].end" },
        { R"({"music_cues": [{"start": 10, "end": 50}]})", "music_cues[0].number" },
        { R"({"markers": [{"position": 10, "name": "x", "length": -5}]})", "markers[0].length" },
    };
    for (auto& [fields, path] : cases)
    {
        const auto loaded = loadWith (nlohmann::json::parse (fields));
        EXPECT_FALSE (loaded.session) << fields;
        EXPECT_NE (problemsText (loaded).find (path + ":"), std::string::npos) << fields << "\n" << problemsText (loaded);
    }
}

TEST (PictureFieldsTest, CueTempoAndMovieEditsUndoAndRedoExactly)
{
    const auto loaded = loadWith (pictureFields);
    ASSERT_TRUE (loaded.session) << problemsText (loaded);
    EditHistory history (*loaded.session);
    const auto before = sessionToJson (history.session()).dump();

    ASSERT_TRUE (history.perform ("Edit Cues", [] (SessionEditor& editor) -> core::Status {
        editor.cues().adr[0].status = AdrStatus::approved;
        editor.cues().music.push_back ({ "1M2", "Chase", { 3000000 }, { 3480000 }, "BI", "", "" });
        editor.tempoMap() = *core::TempoMap::create ({ 0 }, { { 0, 100.0 } }, { { 1, 3, 4 } });
        editor.video()->offsetFrames = -1;
        return {};
    }));
    const auto after = sessionToJson (history.session()).dump();
    EXPECT_NE (after, before);
    EXPECT_EQ (history.session().cues.music.size(), 2u);

    history.undo();
    EXPECT_EQ (sessionToJson (history.session()).dump(), before);
    history.redo();
    EXPECT_EQ (sessionToJson (history.session()).dump(), after);
}

TEST (PictureFieldsTest, ChangingTheFrameRateKeepsTheLabelsAndEveryPositionAndUndoesExactly)
{
    auto loaded = loadWith (pictureFields);
    ASSERT_TRUE (loaded.session) << problemsText (loaded);
    loaded.session->frameRate = core::FrameRate::fps25;
    loaded.session->startTimecode = { 0, 59, 59, 24 };
    EditHistory history (*loaded.session);
    const auto before = sessionToJson (history.session()).dump();

    ASSERT_TRUE (history.perform ("Change Frame Rate",
                                  [] (SessionEditor& editor) { return changeFrameRate (editor, core::FrameRate::fps24); }));
    const auto& changed = history.session();
    EXPECT_EQ (changed.frameRate, core::FrameRate::fps24);
    // 00:59:59:24 does not exist at 24 fps: the second's last frame; the movie's start label stays.
    EXPECT_EQ (changed.startTimecode, (core::Timecode { 0, 59, 59, 23 }));
    EXPECT_EQ (changed.video->startTimecode, (core::Timecode { 0, 59, 58, 0 }));
    // Positions are samples from the session start: nothing moves in time.
    EXPECT_EQ (changed.tracks, loaded.session->tracks);
    EXPECT_EQ (changed.markers, loaded.session->markers);
    EXPECT_EQ (changed.cues, loaded.session->cues);
    const auto after = sessionToJson (changed).dump();
    EXPECT_EQ (sessionToJson (changed)["frame_rate"], "24");

    history.undo();
    EXPECT_EQ (sessionToJson (history.session()).dump(), before);
    history.redo();
    EXPECT_EQ (sessionToJson (history.session()).dump(), after);
}
