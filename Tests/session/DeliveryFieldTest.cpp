// The session's "delivery" field: a delivery spec kept as the JSON it was written as.
#include "session/SessionFile.h"
#include "session/SessionJson.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace sprocket::session;

namespace
{
const std::filesystem::path fixture = std::filesystem::path (SPROCKET_TEST_DATA_DIR) / "session_v1.sprocket";

nlohmann::json fixtureJson()
{
    std::ifstream in (fixture);
    return nlohmann::json::parse (in);
}

std::string textOf (const std::filesystem::path& file)
{
    std::ifstream in (file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Keys in the order a person writes them, a number where a string would do, a nested override:
// none of it may be normalised away by a save.
const auto spec = nlohmann::json::parse (R"({
  "name": "Broadcaster HD", "sample_rate": 48000, "bit_depth": 24, "layout": "split_mono",
  "name_pattern": "{session}_{role}_{rate}",
  "normalize": { "target_lufs": -23.0 },
  "outputs": [ { "role": "PM", "source": "master" },
               { "role": "DX", "source": "bus:DX", "normalize": false },
               { "role": "ME", "source": "master_without:DX", "x_vendor_note": "kept" } ]
})");
} // namespace

TEST (DeliveryFieldTest, AStoredSpecSurvivesSaveAndLoadAsTheSameJson)
{
    auto document = fixtureJson();
    document["delivery"] = spec;
    const auto folder = sprocket::test::freshTempFolder ("delivery_field_round_trip");
    const auto first = folder / "first.sprocket";
    std::ofstream (first) << document.dump (2);

    auto loaded = loadSessionFile (first);
    ASSERT_TRUE (loaded.session) << (loaded.problems.empty() ? "" : loaded.problems[0].toString());
    EXPECT_EQ (loaded.session->delivery, spec);

    const auto second = folder / "second.sprocket";
    ASSERT_TRUE (saveSessionFile (*loaded.session, second));
    EXPECT_EQ (nlohmann::json::parse (textOf (second))["delivery"], spec);
    auto reloaded = loadSessionFile (second);
    ASSERT_TRUE (reloaded.session);
    EXPECT_EQ (*reloaded.session, *loaded.session);
}

TEST (DeliveryFieldTest, ASessionWithoutASpecIsSavedWithoutTheField)
{
    auto loaded = loadSessionFile (fixture);
    ASSERT_TRUE (loaded.session);
    EXPECT_TRUE (loaded.session->delivery.is_null());
    EXPECT_FALSE (sessionToJson (*loaded.session).contains ("delivery"));
}

TEST (DeliveryFieldTest, TheSpecTakesPartInSessionEquality)
{
    auto loaded = loadSessionFile (fixture);
    ASSERT_TRUE (loaded.session);
    auto withSpec = *loaded.session;
    withSpec.delivery = spec;
    EXPECT_NE (withSpec, *loaded.session);
}

TEST (DeliveryFieldTest, ADeliveryThatIsNotAnObjectIsAProblemAtItsPath)
{
    auto document = fixtureJson();
    document["delivery"] = nlohmann::json::array ({ spec });
    Problems problems;
    sessionFromJson (document, problems);
    ASSERT_EQ (problems.size(), 1u);
    EXPECT_EQ (problems[0].toString(), "delivery: must be an object");
}
