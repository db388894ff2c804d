#include "session/SessionFile.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <sstream>

using namespace sprocket::session;
using Json = nlohmann::json;

namespace
{
const std::filesystem::path fixture = std::filesystem::path (SPROCKET_TEST_DATA_DIR) / "session_v1.sprocket";

Json fixtureJson()
{
    std::ifstream in (fixture);
    return Json::parse (in);
}

Problems problemsAfter (const std::function<void (Json&)>& mutate)
{
    auto document = fixtureJson();
    mutate (document);
    return loadSessionText (document.dump(), fixture).problems;
}

bool hasProblem (const Problems& problems, const std::string& path, const std::string& fragment)
{
    for (auto& p : problems)
        if (p.path == path && p.message.find (fragment) != std::string::npos)
            return true;
    return false;
}

std::string describe (const Problems& problems)
{
    std::string text;
    for (auto& p : problems)
        text += "  " + p.toString() + "\n";
    return text;
}

struct Case
{
    const char* name;
    std::function<void (Json&)> mutate;
    std::string path;
    std::string fragment;
};
} // namespace

TEST (SessionValidationTest, TheFixtureIsValid)
{
    auto problems = problemsAfter ([] (Json&) {});
    EXPECT_TRUE (problems.empty()) << describe (problems);
}

TEST (SessionValidationTest, EveryProblemIsReportedWithItsJsonPath)
{
    const std::vector<Case> cases {
        { "wrong format", [] (Json& j) { j["format"] = "other"; }, "format", "sprocket-session" },
        { "missing version", [] (Json& j) { j.erase ("version"); }, "version", "required" },
        { "newer version", [] (Json& j) { j["version"] = 99; }, "version", "newer Sprocket" },
        { "version zero", [] (Json& j) { j["version"] = 0; }, "version", ">= 1" },
        { "name not string", [] (Json& j) { j["name"] = 5; }, "name", "must be a string" },
        { "missing sample rate", [] (Json& j) { j.erase ("sample_rate"); }, "sample_rate", "required" },
        { "fractional sample rate", [] (Json& j) { j["sample_rate"] = 48000.5; }, "sample_rate", "integer" },
        { "absurd sample rate", [] (Json& j) { j["sample_rate"] = 12; }, "sample_rate", "between" },
        { "bad frame rate", [] (Json& j) { j["frame_rate"] = "29.976"; }, "frame_rate", "unknown frame rate" },
        { "bad start timecode", [] (Json& j) { j["start_timecode"] = "25:00:00:00"; }, "start_timecode", "hours" },
        { "media not array", [] (Json& j) { j["media"] = 3; }, "media", "must be an array" },
        { "media without path", [] (Json& j) { j["media"][0].erase ("path"); }, "media[0].path", "required" },
        { "duplicate media id", [] (Json& j) { j["media"][1]["id"] = "m1"; }, "media[1].id", "duplicate" },
        { "bus channels", [] (Json& j) { j["buses"][0]["channels"] = 3; }, "buses[0].channels", "5.1" },
        { "bus called master", [] (Json& j) { j["buses"][0]["id"] = "master"; }, "buses[0].id", "reserved" },
        { "bus output unknown", [] (Json& j) { j["buses"][0]["output"] = "NOPE"; }, "buses[0].output", "NOPE" },
        { "bus loop",
          [] (Json& j) {
              j["buses"][0]["output"] = "MX";
              j["buses"][1]["output"] = "DX";
          },
          "buses[0].output", "loop" },
        { "master channels", [] (Json& j) { j["master"]["channels"] = 0; }, "master.channels", "stereo" },
        { "gain too high", [] (Json& j) { j["master"]["gain_db"] = 40; }, "master.gain_db", "between" },
        { "track channels", [] (Json& j) { j["tracks"][0]["channels"] = 4; }, "tracks[0].channels", "mono" },
        { "track without channels", [] (Json& j) { j["tracks"][0].erase ("channels"); }, "tracks[0].channels", "required" },
        { "track output unknown", [] (Json& j) { j["tracks"][0]["output"] = "FX"; }, "tracks[0].output", "'FX'" },
        { "pan out of range", [] (Json& j) { j["tracks"][0]["pan"] = 1.5; }, "tracks[0].pan", "-1" },
        { "mute not bool", [] (Json& j) { j["tracks"][0]["mute"] = "yes"; }, "tracks[0].mute", "true or false" },
        { "duplicate track id", [] (Json& j) { j["tracks"][1]["id"] = "t1"; }, "tracks[1].id", "duplicate" },
        { "clip length zero", [] (Json& j) { j["tracks"][0]["clips"][0]["length"] = 0; }, "tracks[0].clips[0].length", "> 0" },
        { "clip negative position", [] (Json& j) { j["tracks"][0]["clips"][0]["position"] = -1; }, "tracks[0].clips[0].position",
          ">= 0" },
        { "clip negative offset", [] (Json& j) { j["tracks"][0]["clips"][0]["source_offset"] = -5; },
          "tracks[0].clips[0].source_offset", ">= 0" },
        { "clip unknown media", [] (Json& j) { j["tracks"][0]["clips"][0]["media"] = "m9"; }, "tracks[0].clips[0].media", "m9" },
        { "clip without media", [] (Json& j) { j["tracks"][0]["clips"][0].erase ("media"); }, "tracks[0].clips[0].media",
          "required" },
        { "duplicate clip id", [] (Json& j) { j["tracks"][1]["clips"][0]["id"] = "c1"; }, "tracks[1].clips[0].id", "duplicate" },
        { "fade shape", [] (Json& j) { j["tracks"][0]["clips"][0]["fade_in"]["shape"] = "log"; },
          "tracks[0].clips[0].fade_in.shape", "equal_power" },
        { "negative fade", [] (Json& j) { j["tracks"][0]["clips"][0]["fade_out"]["length"] = -1; },
          "tracks[0].clips[0].fade_out.length", ">= 0" },
        { "fades longer than clip", [] (Json& j) { j["tracks"][0]["clips"][0]["fade_in"]["length"] = 96000; },
          "tracks[0].clips[0]", "must not exceed length" },
        { "marker without position", [] (Json& j) { j["markers"][0].erase ("position"); }, "markers[0].position", "required" },
        { "track not object", [] (Json& j) { j["tracks"][1] = 7; }, "tracks[1]", "must be an object" },
    };

    for (auto& c : cases)
    {
        auto problems = problemsAfter (c.mutate);
        EXPECT_TRUE (hasProblem (problems, c.path, c.fragment))
            << c.name << ": expected '" << c.path << ": ..." << c.fragment << "...', got\n"
            << describe (problems);
    }
}

TEST (SessionValidationTest, SeveralProblemsAreAllReported)
{
    auto problems = problemsAfter ([] (Json& j) {
        j["tracks"][0]["pan"] = 3;
        j["tracks"][1]["clips"][0]["length"] = -1;
        j["markers"][1]["position"] = "soon";
    });
    EXPECT_EQ (problems.size(), 3u) << describe (problems);
}

TEST (SessionValidationTest, BrokenJsonNamesTheByte)
{
    auto loaded = loadSessionText ("{ \"format\": \"sprocket-session\", ", fixture);
    ASSERT_EQ (loaded.problems.size(), 1u);
    EXPECT_NE (loaded.problems[0].message.find ("not valid JSON"), std::string::npos);
    EXPECT_FALSE (loaded.session);
}

TEST (SessionValidationTest, MissingFileIsNamed)
{
    auto loaded = loadSessionFile ("/nonexistent/reel9.sprocket");
    ASSERT_EQ (loaded.problems.size(), 1u);
    EXPECT_NE (loaded.problems[0].message.find ("/nonexistent/reel9.sprocket: no such file"), std::string::npos);
}
