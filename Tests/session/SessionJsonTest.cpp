#include "session/SessionJson.h"
#include "session/SessionFile.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace sprocket;
using namespace sprocket::session;

namespace
{
std::string readText (const std::filesystem::path& file)
{
    std::ifstream in (file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::filesystem::path fixture = std::filesystem::path (SPROCKET_TEST_DATA_DIR) / "session_v1.sprocket";
} // namespace

TEST (SessionJsonTest, LoadsTheIssueExampleWithEveryField)
{
    auto loaded = loadSessionFile (fixture);
    ASSERT_TRUE (loaded.session.has_value()) << (loaded.problems.empty() ? "" : loaded.problems[0].toString());
    const auto& s = *loaded.session;
    EXPECT_EQ (s.name, "Reel 1");
    EXPECT_EQ (s.sampleRate, 48000);
    EXPECT_EQ (s.frameRate, core::FrameRate::fps23_976);
    EXPECT_EQ (s.startTimecode, (core::Timecode { 1, 0, 0, 0 }));
    ASSERT_EQ (s.tracks.size(), 2u);
    const auto& clip = s.tracks[0].clips[0];
    EXPECT_EQ (clip.position.samples, 48000);
    EXPECT_EQ (clip.length.samples, 96000);
    EXPECT_EQ (clip.fadeIn.length.samples, 480);
    EXPECT_EQ (clip.fadeOut.shape, dsp::FadeShape::equalPower);
    EXPECT_EQ (s.tracks[0].gainDb, -3.0);
    EXPECT_EQ (s.tracks[0].output, "DX");
    EXPECT_TRUE (s.tracks[1].mute);
    EXPECT_EQ (s.tracks[1].pan, 0.25);
    EXPECT_EQ (s.tracks[1].clips[0].sourceOffset.samples, 1000);
    EXPECT_EQ (s.tracks[1].clips[0].name, "Cue 1M1");
    EXPECT_EQ (s.buses[1].gainDb, -1.5);
    EXPECT_EQ (s.buses[1].output, "master"); // a bus without output feeds the master
    ASSERT_EQ (s.markers.size(), 2u);
    EXPECT_EQ (s.markers[1].name, "Door");
    EXPECT_EQ (s.resolveMediaPath (s.media[0]), fixture.parent_path() / "audio/dx_sc12_t3.wav");
}

TEST (SessionJsonTest, LoadSaveLoadIsIdentical)
{
    auto first = loadSessionFile (fixture);
    ASSERT_TRUE (first.session);

    // Save to a folder at the same depth as the fixture's, so relative media paths resolve alike.
    const auto folder = sprocket::test::freshTempFolder ("roundtrip") / "data";
    std::filesystem::create_directories (folder / "audio");
    auto copy = *first.session;
    copy.filePath = folder / "fixture.sprocket";
    copy.media[0].path = "audio/dx_sc12_t3.wav";
    copy.media[1].path = "audio/mx_cue.wav";
    auto expected = copy;
    const auto saved = folder / "roundtrip.sprocket";
    ASSERT_TRUE (saveSessionFile (copy, saved));
    auto second = loadSessionFile (saved);
    ASSERT_TRUE (second.session);
    EXPECT_EQ (expected, *second.session);
    EXPECT_EQ (second.session->media[0].path, std::filesystem::path ("audio/dx_sc12_t3.wav"));

    // The canonical text is a fixed point: saving what was loaded gives the same bytes.
    const auto text = readText (saved);
    ASSERT_TRUE (saveSessionFile (*second.session, saved));
    EXPECT_EQ (readText (saved), text);
    std::filesystem::remove (saved);
}

TEST (SessionJsonTest, CanonicalJsonHasTheDocumentedNames)
{
    auto loaded = loadSessionFile (fixture);
    ASSERT_TRUE (loaded.session);
    const auto json = sessionToJson (*loaded.session);
    EXPECT_EQ (json["format"], "sprocket-session");
    EXPECT_EQ (json["version"], 1);
    EXPECT_EQ (json["frame_rate"], "23.976");
    EXPECT_EQ (json["start_timecode"], "01:00:00:00");
    EXPECT_EQ (json["tracks"][0]["clips"][0]["fade_out"]["shape"], "equal_power");
    EXPECT_EQ (json["tracks"][1]["clips"][0]["fade_in"]["shape"], "s_curve");
    EXPECT_EQ (json["tracks"][0]["clips"][0]["source_offset"], 0);
    EXPECT_EQ (json["buses"][1]["output"], "master");
}

TEST (SessionJsonTest, DropFrameStartTimecodeKeepsItsSemicolon)
{
    auto text = readText (fixture);
    text.replace (text.find ("\"23.976\""), 8, "\"29.97df\"");
    text.replace (text.find ("01:00:00:00"), 11, "01:00:00;00");
    auto loaded = loadSessionText (text, fixture);
    ASSERT_TRUE (loaded.session);
    EXPECT_EQ (sessionToJson (*loaded.session)["start_timecode"], "01:00:00;00");
}
