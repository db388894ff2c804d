// `sprocket-cli deliver` and `validate` with a delivery spec stored in the session's "delivery"
// field: the same files as the spec given with --spec, the file winning over the stored one,
// and clear refusals when there is no spec or the stored one is wrong.
#include "CliRun.h"
#include "engine/TestSessions.h"
#include "io/AudioFileInfo.h"
#include "session/SessionFile.h"
#include "support/TestAudioFiles.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
const auto storedSpec = nlohmann::json::parse (R"({"name": "Stored", "bit_depth": 16, "layout": "split_mono",
    "name_pattern": "{session}_{role}_{bits}",
    "outputs": [{"role": "PM", "source": "master"}, {"role": "DX", "source": "bus:B"},
                {"role": "ME", "source": "master_without:B"}]})");

/** Two seconds of stereo noise through bus B, and a mono sine straight to the master. */
std::filesystem::path writeSession (const std::filesystem::path& folder, const nlohmann::json& delivery)
{
    writeFloatWav (folder / "bed.wav", { noise (2 * 48000, 5), noise (2 * 48000, 6) });
    writeFloatWav (folder / "tone.wav", { sine (440.0, 0.25, 2 * 48000) });
    auto s = emptySession();
    s.name = "Stored";
    s.media = { { "bed", "bed.wav" }, { "tone", "tone.wav" } };
    auto dialogue = track ("dx", 2, "B");
    dialogue.clips.push_back (clip ("c1", "bed", 0, 2 * 48000));
    auto music = track ("mx", 1, session::masterOutputId);
    music.clips.push_back (clip ("c2", "tone", 0, 2 * 48000));
    s.tracks = { dialogue, music };
    s.delivery = delivery;
    const auto file = folder / "stored.sprocket";
    s.filePath = file;
    EXPECT_TRUE (session::saveSessionFile (s, file).ok());
    return file;
}

/** file name -> md5, from the delivery's checksums.md5. */
std::map<std::string, std::string> checksumsIn (const std::filesystem::path& folder)
{
    std::map<std::string, std::string> sums;
    std::ifstream in (folder / "checksums.md5");
    for (std::string md5, name; in >> md5 >> name;)
        sums[name] = md5;
    return sums;
}

CliRun deliver (const std::filesystem::path& session, const std::string& more)
{
    return runSprocketCli ("deliver " + shellQuoted (session) + " " + more);
}
} // namespace

TEST (DeliverStoredSpecCliTest, TheStoredSpecPrintsTheSameFilesAsTheSameSpecGivenAsAFile)
{
    const auto folder = freshTempFolder ("cli_deliver_stored");
    const auto session = writeSession (folder, storedSpec);
    std::ofstream (folder / "spec.json") << storedSpec.dump (2);

    auto stored = deliver (session, "-o " + shellQuoted (folder / "stored"));
    ASSERT_EQ (stored.exitCode, 0) << stored.err;
    auto given = deliver (session, "--spec " + shellQuoted (folder / "spec.json") + " -o " + shellQuoted (folder / "given"));
    ASSERT_EQ (given.exitCode, 0) << given.err;

    const auto storedSums = checksumsIn (folder / "stored");
    EXPECT_EQ (storedSums.size(), 6u); // three outputs, split into L and R
    EXPECT_TRUE (storedSums.contains ("Stored_ME_16.R.wav"));
    EXPECT_EQ (storedSums, checksumsIn (folder / "given"));
    for (auto& [name, md5] : storedSums)
        EXPECT_EQ (io::probeAudioFile (folder / "stored" / name)->subtype, "PCM_16") << name;
}

TEST (DeliverStoredSpecCliTest, ASpecFileWinsOverTheStoredOne)
{
    const auto folder = freshTempFolder ("cli_deliver_file_wins");
    const auto session = writeSession (folder, storedSpec);
    std::ofstream (folder / "spec.json") << R"({"outputs": [{"role": "PM", "source": "master"}]})";
    auto run = deliver (session, "--spec " + shellQuoted (folder / "spec.json") + " -o " + shellQuoted (folder / "out"));
    ASSERT_EQ (run.exitCode, 0) << run.err;
    EXPECT_EQ (checksumsIn (folder / "out").size(), 1u);
    EXPECT_TRUE (std::filesystem::exists (folder / "out/Stored_PM.wav"));
}

TEST (DeliverStoredSpecCliTest, NoSpecAnywhereExits2AndSaysHowToGiveOne)
{
    const auto folder = freshTempFolder ("cli_deliver_no_spec");
    const auto session = writeSession (folder, nullptr);
    auto run = deliver (session, "-o " + shellQuoted (folder / "out"));
    EXPECT_EQ (run.exitCode, 2);
    EXPECT_NE (run.err.find ("has no delivery spec"), std::string::npos) << run.err;
    EXPECT_NE (run.err.find ("--spec FILE"), std::string::npos) << run.err;
    EXPECT_FALSE (std::filesystem::exists (folder / "out/manifest.json"));
}

TEST (DeliverStoredSpecCliTest, ABadStoredSpecIsNamedByItsPathInValidateAndDeliver)
{
    const auto folder = freshTempFolder ("cli_deliver_bad_stored");
    auto bad = storedSpec;
    bad["outputs"][1]["source"] = "stems";
    const auto session = writeSession (folder, bad);

    auto validate = runSprocketCli ("validate " + shellQuoted (session));
    EXPECT_EQ (validate.exitCode, 2);
    EXPECT_NE (validate.out.find ("delivery.outputs[1].source: must be"), std::string::npos) << validate.out;

    auto run = deliver (session, "-o " + shellQuoted (folder / "out"));
    EXPECT_EQ (run.exitCode, 2);
    EXPECT_NE (run.err.find ("delivery.outputs[1].source"), std::string::npos) << run.err;
    EXPECT_FALSE (std::filesystem::exists (folder / "out/manifest.json"));

    // The same session with the spec corrected validates.
    writeSession (folder, storedSpec);
    EXPECT_EQ (runSprocketCli ("validate " + shellQuoted (session)).exitCode, 0);
}
