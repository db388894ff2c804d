#include "session/SessionFile.h"
#include "session/SessionJson.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace sprocket::session;
using Json = nlohmann::json;

namespace
{
const std::filesystem::path fixture = std::filesystem::path (SPROCKET_TEST_DATA_DIR) / "session_v1.sprocket";

Json withInserts (Json inserts)
{
    std::ifstream in (fixture);
    auto document = Json::parse (in);
    document["tracks"][0]["inserts"] = std::move (inserts);
    return document;
}
} // namespace

TEST (InsertJsonTest, KnownAndUnknownInsertsLoadAndSaveBack)
{
    const Json unknown = { { "type", "vst3:com.example.DeNoise" },
                           { "state", "base64blob==" },
                           { "params", { { "strength", 0.7 } } },
                           { "bypass", false } };
    auto document = withInserts ({ { { "type", "eq" }, { "params", { { "band2_gain_db", -4.5 }, { "hpf_freq_hz", 80 } } } },
                                   { { "type", "compressor" }, { "params", { { "ratio", 3 } } }, { "bypass", true } },
                                   unknown });
    auto loaded = loadSessionText (document.dump(), fixture);
    ASSERT_TRUE (loaded.session) << loaded.problems[0].toString();
    const auto& inserts = loaded.session->tracks[0].inserts;
    ASSERT_EQ (inserts.size(), 3u);
    EXPECT_EQ (inserts[0].type, "eq");
    EXPECT_EQ (inserts[0].params["band2_gain_db"], -4.5);
    EXPECT_TRUE (inserts[1].bypass);
    EXPECT_EQ (inserts[2].unknownOriginal, unknown);

    const auto saved = Json::parse (sessionToJson (*loaded.session).dump());
    EXPECT_EQ (saved["tracks"][0]["inserts"][2], unknown); // unchanged, extra keys and all
    EXPECT_EQ (saved["tracks"][0]["inserts"][0]["params"]["hpf_freq_hz"], 80);
    auto again = loadSessionText (saved.dump(), fixture);
    ASSERT_TRUE (again.session);
    EXPECT_EQ (*again.session, *loaded.session);
}

TEST (InsertJsonTest, BadParametersAreReportedWithTheirPath)
{
    auto problems = loadSessionText (withInserts ({ { { "type", "eq" }, { "params", { { "band1_gain_db", 99 } } } },
                                                    { { "type", "gate" }, { "params", { { "no_such_param", 1 } } } },
                                                    { { "params", {} } } })
                                         .dump(),
                                     fixture)
                        .problems;
    ASSERT_EQ (problems.size(), 3u);
    EXPECT_EQ (problems[0].path, "tracks[0].inserts[0].params");
    EXPECT_NE (problems[0].message.find ("band1_gain_db"), std::string::npos) << problems[0].message;
    EXPECT_EQ (problems[1].path, "tracks[0].inserts[1].params");
    EXPECT_NE (problems[1].message.find ("no_such_param"), std::string::npos) << problems[1].message;
    EXPECT_EQ (problems[2].path, "tracks[0].inserts[2].type");
}

TEST (InsertJsonTest, AConvolutionReverbKeepsItsImpulseResponsePath)
{
    const Json reverb = {
        { "type", "convolution_reverb" }, { "params", { { "mix", 35 } } }, { "bypass", false }, { "ir", "irs/Stage B.wav" }
    };
    auto loaded = loadSessionText (withInserts ({ reverb }).dump(), fixture);
    ASSERT_TRUE (loaded.session) << loaded.problems[0].toString();
    EXPECT_EQ (loaded.session->tracks[0].inserts[0].extra["ir"], "irs/Stage B.wav");
    EXPECT_EQ (processorState (loaded.session->tracks[0].inserts[0])["ir"], "irs/Stage B.wav");

    const auto saved = Json::parse (sessionToJson (*loaded.session).dump());
    EXPECT_EQ (saved["tracks"][0]["inserts"][0], reverb);

    auto bad = reverb;
    bad["ir"] = 12;
    const auto problems = loadSessionText (withInserts ({ bad }).dump(), fixture).problems;
    ASSERT_EQ (problems.size(), 1u);
    EXPECT_EQ (problems[0].toString(), "tracks[0].inserts[0]: ir: must be a file path (a string)");
}
