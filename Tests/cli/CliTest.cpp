#include "core/Decibels.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <set>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numbers>
#include <sys/wait.h>

using namespace sprocket;

namespace
{
struct Run
{
    int exitCode = -1;
    std::string out; // stdout
    std::string err; // stderr
};

Run runCli (const std::string& arguments)
{
    const auto errFile = test::freshTempFolder ("stderr") / "stderr.txt";
    const auto command = std::string ("'") + SPROCKET_CLI + "' " + arguments + " 2>'" + errFile.string() + "'";
    Run run;
    FILE* pipe = ::popen (command.c_str(), "r");
    std::array<char, 4096> buffer;
    while (size_t n = std::fread (buffer.data(), 1, buffer.size(), pipe))
        run.out.append (buffer.data(), n);
    const int status = ::pclose (pipe);
    run.exitCode = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
    std::ifstream err (errFile);
    run.err.assign (std::istreambuf_iterator<char> (err), {});
    return run;
}

std::string quoted (const std::filesystem::path& p) { return "'" + p.string() + "'"; }

std::filesystem::path freshFolder (const std::string& name)
{
    auto folder = test::freshTempFolder ("cli_" + name);
    std::filesystem::create_directories (folder / "audio");
    return folder;
}

void writeTone (const std::filesystem::path& file, int64_t frames, std::optional<io::BroadcastInfo> bext = {})
{
    io::WriteSpec spec;
    spec.channels = 1;
    spec.sampleFormat = io::SampleFormat::float32;
    spec.bext = bext;
    auto writer = io::AudioFileWriter::create (file, spec);
    ASSERT_TRUE (writer.ok());
    std::vector<float> samples (static_cast<size_t> (frames));
    for (size_t i = 0; i < samples.size(); ++i)
        samples[i] = float (core::gainFromDb (-20.0) * std::sin (2.0 * std::numbers::pi * 1000.0 * double (i) / 48000.0));
    ASSERT_TRUE ((*writer)->writeInterleaved (samples.data(), frames));
    ASSERT_TRUE ((*writer)->finish());
}

/** The issue's example session, with its media written into `folder`. */
std::filesystem::path exampleSession (const std::filesystem::path& folder)
{
    writeTone (folder / "audio/dx_sc12_t3.wav", 200000);
    std::ifstream in (std::filesystem::path (SPROCKET_TEST_DATA_DIR) / "session_v1.sprocket");
    auto json = nlohmann::json::parse (in);
    json["media"].erase (1);
    json["tracks"].erase (1);
    const auto file = folder / "reel1.sprocket";
    std::ofstream (file) << json.dump (2);
    return file;
}
} // namespace

TEST (CliTest, InfoJsonReportsFormatAndBext)
{
    const auto folder = freshFolder ("info");
    io::BroadcastInfo bext;
    bext.description = "Sc 12 T 3";
    bext.originator = "Recorder";
    bext.originationDate = "2026-11-20";
    bext.originationTime = "14:03:27";
    bext.timeReference = 172972800;
    writeTone (folder / "audio/take.wav", 48000, bext);

    auto run = runCli ("info --json " + quoted (folder / "audio/take.wav"));
    ASSERT_EQ (run.exitCode, 0) << run.err;
    auto json = nlohmann::json::parse (run.out);
    EXPECT_EQ (json["format"], "WAV");
    EXPECT_EQ (json["subtype"], "FLOAT");
    EXPECT_EQ (json["channels"], 1);
    EXPECT_EQ (json["sample_rate"], 48000);
    EXPECT_EQ (json["frames"], 48000);
    EXPECT_DOUBLE_EQ (json["duration_s"].get<double>(), 1.0);
    EXPECT_EQ (json["bext"]["description"], "Sc 12 T 3");
    EXPECT_EQ (json["bext"]["origination_date"], "2026-11-20");
    EXPECT_EQ (json["bext"]["origination_time"], "14:03:27");
    EXPECT_EQ (json["bext"]["time_reference"], 172972800);
    EXPECT_TRUE (json["ixml"].is_null());
}

TEST (CliTest, InfoOnASessionSummarisesIt)
{
    const auto folder = freshFolder ("info_session");
    const auto session = exampleSession (folder);
    auto run = runCli ("info --json " + quoted (session));
    ASSERT_EQ (run.exitCode, 0) << run.err;
    auto json = nlohmann::json::parse (run.out);
    EXPECT_EQ (json["name"], "Reel 1");
    EXPECT_EQ (json["tracks"], 1);
    EXPECT_EQ (json["clips"], 1);
    EXPECT_EQ (json["length"], 144000);
    EXPECT_EQ (json["missing_media"].size(), 0u);

    std::filesystem::remove (folder / "audio/dx_sc12_t3.wav");
    run = runCli ("info --json " + quoted (session));
    ASSERT_EQ (run.exitCode, 0);
    EXPECT_EQ (nlohmann::json::parse (run.out)["missing_media"].size(), 1u);
}

TEST (CliTest, ValidatePrintsOnePathMessageLinePerProblem)
{
    const auto folder = freshFolder ("validate");
    const auto session = exampleSession (folder);
    auto run = runCli ("validate " + quoted (session));
    EXPECT_EQ (run.exitCode, 0) << run.out;

    std::ifstream in (session);
    auto json = nlohmann::json::parse (in);
    json["tracks"][0]["clips"][0]["length"] = 0;
    json["tracks"][0]["pan"] = 2;
    const auto broken = folder / "broken.sprocket";
    std::ofstream (broken) << json.dump();
    run = runCli ("validate " + quoted (broken));
    EXPECT_EQ (run.exitCode, 2);
    EXPECT_NE (run.out.find ("tracks[0].pan: "), std::string::npos) << run.out;
    EXPECT_NE (run.out.find ("tracks[0].clips[0].length: must be > 0"), std::string::npos) << run.out;
    EXPECT_EQ (std::count (run.out.begin(), run.out.end(), '\n'), 2);
}

TEST (CliTest, ValidateChecksTheMediaOnDisk)
{
    const auto folder = freshFolder ("validate_media");
    const auto session = exampleSession (folder);
    std::ifstream in (session);
    auto json = nlohmann::json::parse (in);
    json["tracks"][0]["clips"][0]["source_offset"] = 150000; // 150000 + 96000 > 200000
    std::ofstream (session) << json.dump();
    auto run = runCli ("validate " + quoted (session));
    EXPECT_EQ (run.exitCode, 2);
    EXPECT_NE (run.out.find ("tracks[0].clips[0]: "), std::string::npos) << run.out;

    std::filesystem::remove (folder / "audio/dx_sc12_t3.wav");
    run = runCli ("validate " + quoted (session));
    EXPECT_EQ (run.exitCode, 2);
    EXPECT_NE (run.out.find ("media[0].path: "), std::string::npos) << run.out;
    EXPECT_NE (run.out.find ("dx_sc12_t3.wav"), std::string::npos) << run.out;
}

TEST (CliTest, RenderWritesPrintmasterAndStemsAndReportsProgress)
{
    const auto folder = freshFolder ("render");
    const auto session = exampleSession (folder);
    auto run = runCli ("render " + quoted (session) + " -o " + quoted (folder / "out") + " --stems --bit-depth 16");
    ASSERT_EQ (run.exitCode, 0) << run.err;
    EXPECT_NE (run.err.find ("100%"), std::string::npos);
    auto pm = io::probeAudioFile (folder / "out/Reel 1_PM.wav");
    ASSERT_TRUE (pm.ok()) << pm.error().message;
    EXPECT_EQ (pm->subtype, "PCM_16");
    EXPECT_EQ (pm->frames, 144000);
    EXPECT_EQ (pm->channels, 2);
    EXPECT_EQ (pm->bext->timeReference, 172972800);
    EXPECT_TRUE (std::filesystem::exists (folder / "out/Reel 1_DX.wav"));
}

TEST (CliTest, DeliverPrintsTheSpecWithChecksumsAndAManifest)
{
    const auto folder = freshFolder ("deliver");
    const auto session = exampleSession (folder);
    std::ofstream (folder / "spec.json") << R"({"name": "QC", "bit_depth": 16, "layout": "split_mono",
        "name_pattern": "{session}_{role}_{bits}", "outputs": [{"role": "PM", "source": "master"},
        {"role": "DX", "source": "bus:DX"}, {"role": "ME", "source": "master_without:DX"}]})";
    auto run = runCli ("deliver " + quoted (session) + " --spec " + quoted (folder / "spec.json") + " -o " + quoted (folder / "out"));
    ASSERT_EQ (run.exitCode, 0) << run.err;
    EXPECT_NE (run.err.find ("deliver: 100%"), std::string::npos);
    auto left = io::probeAudioFile (folder / "out/Reel 1_PM_16.L.wav");
    ASSERT_TRUE (left.ok()) << run.out;
    EXPECT_EQ (left->subtype, "PCM_16");
    EXPECT_EQ (left->bext->timeReference, 172972800);
    EXPECT_TRUE (std::filesystem::exists (folder / "out/Reel 1_ME_16.R.wav"));
    EXPECT_TRUE (std::filesystem::exists (folder / "out/checksums.md5"));
    std::ifstream manifest (folder / "out/manifest.json");
    EXPECT_EQ (nlohmann::json::parse (manifest)["files"].size(), 6u);

    std::ofstream (folder / "bad.json") << R"({"outputs": [{"role": "PM", "source": "everything"}]})";
    auto bad = runCli ("deliver " + quoted (session) + " --spec " + quoted (folder / "bad.json") + " -o " + quoted (folder / "out2"));
    EXPECT_EQ (bad.exitCode, 2);
    EXPECT_NE (bad.err.find ("outputs[0].source"), std::string::npos) << bad.err;
    auto missing = runCli ("deliver " + quoted (session) + " --spec " + quoted (folder / "none.json") + " -o " + quoted (folder / "out3"));
    EXPECT_EQ (missing.exitCode, 2);
    EXPECT_NE (missing.err.find ("none.json"), std::string::npos);
}

TEST (CliTest, RenderFlacAndFloat)
{
    const auto folder = freshFolder ("render_formats");
    const auto session = exampleSession (folder);
    auto run = runCli ("render " + quoted (session) + " -o " + quoted (folder / "flac") + " --format flac");
    ASSERT_EQ (run.exitCode, 0) << run.err;
    EXPECT_EQ (io::probeAudioFile (folder / "flac/Reel 1_PM.flac")->subtype, "PCM_24");
    run = runCli ("render " + quoted (session) + " -o " + quoted (folder / "float") + " --bit-depth 32f");
    ASSERT_EQ (run.exitCode, 0) << run.err;
    EXPECT_EQ (io::probeAudioFile (folder / "float/Reel 1_PM.wav")->subtype, "FLOAT");
}

TEST (CliTest, FailuresNameTheFileAndExitNonZero)
{
    const auto folder = freshFolder ("failures");
    auto run = runCli ("render " + quoted (folder / "nope.sprocket") + " -o " + quoted (folder / "out"));
    EXPECT_NE (run.exitCode, 0);
    EXPECT_NE (run.err.find ("nope.sprocket"), std::string::npos) << run.err;

    std::ofstream (folder / "bad.sprocket") << "{ not json";
    run = runCli ("render " + quoted (folder / "bad.sprocket") + " -o " + quoted (folder / "out"));
    EXPECT_EQ (run.exitCode, 2);
    EXPECT_NE (run.err.find ("bad.sprocket"), std::string::npos);
    EXPECT_NE (run.err.find ("JSON"), std::string::npos);

    std::ofstream (folder / "audio/garbage.wav") << "RIFF garbage, not audio";
    run = runCli ("info " + quoted (folder / "audio/garbage.wav"));
    EXPECT_NE (run.exitCode, 0);
    EXPECT_NE (run.err.find ("garbage.wav"), std::string::npos);

    const auto session = exampleSession (folder);
    std::ofstream (folder / "blocked") << "a file, not a folder";
    run = runCli ("render " + quoted (session) + " -o " + quoted (folder / "blocked"));
    EXPECT_NE (run.exitCode, 0);
    EXPECT_NE (run.err.find ("blocked"), std::string::npos);

    run = runCli ("render " + quoted (session) + " -o " + quoted (folder / "out") + " --bit-depth 20");
    EXPECT_EQ (run.exitCode, 2);
    EXPECT_NE (run.err.find ("--bit-depth"), std::string::npos);
    run = runCli ("frobnicate");
    EXPECT_EQ (run.exitCode, 2);
}

TEST (CliTest, NoPartialFileIsLeftWhenMediaIsCorrupt)
{
    const auto folder = freshFolder ("corrupt");
    const auto session = exampleSession (folder);
    // Cut the media short after validation would have passed: render must fail cleanly.
    const auto media = folder / "audio/dx_sc12_t3.wav";
    std::filesystem::resize_file (media, 1000);
    auto run = runCli ("render " + quoted (session) + " -o " + quoted (folder / "out"));
    EXPECT_NE (run.exitCode, 0);
    EXPECT_FALSE (std::filesystem::exists (folder / "out/Reel 1_PM.wav"));
    if (std::filesystem::exists (folder / "out"))
        for (auto& entry : std::filesystem::directory_iterator (folder / "out"))
            ADD_FAILURE() << "left behind: " << entry.path();
}

TEST (CliTest, PlayStreamsThroughTheRealtimeEngineAndReports)
{
    const auto folder = freshFolder ("play");
    const auto session = exampleSession (folder);
    auto run = runCli ("play " + quoted (session) + " --device none --from 01:00:00:12 --seconds 1 --stress-edits 20");
    ASSERT_EQ (run.exitCode, 0) << run.err;
#if defined(__SANITIZE_THREAD__)
    // Under ThreadSanitizer (which this test runs under to watch the threads meet) the butler
    // runs several times slower than real time allows: the report must be there, not perfect.
    EXPECT_NE (run.out.find ("underruns: "), std::string::npos) << run.out;
#else
    EXPECT_NE (run.out.find ("underruns: 0\n"), std::string::npos) << run.out;
#endif
    EXPECT_NE (run.out.find ("xruns: "), std::string::npos);
    EXPECT_NE (run.out.find ("callback us: p50 "), std::string::npos);
    EXPECT_NE (run.out.find ("20 edits"), std::string::npos) << run.out;
    // 12 frames at 23.976 fps after the start: 12 * 2002 samples.
    EXPECT_NE (run.out.find ("from sample 24024"), std::string::npos) << run.out;

    run = runCli ("play " + quoted (session) + " --from 25:00:00:00");
    EXPECT_EQ (run.exitCode, 2);
}

#if SPROCKET_CLI_HAS_DEVICES
TEST (CliTest, PlayOnAMissingDeviceFailsNamingItAndWhatIsThere)
{
    const auto folder = freshFolder ("play_bogus");
    const auto session = exampleSession (folder);
    auto run = runCli ("play " + quoted (session) + " --device bogus --seconds 1");
    EXPECT_EQ (run.exitCode, 1);
    EXPECT_NE (run.err.find ("sprocket-cli: no audio device named 'bogus' (available: "), std::string::npos) << run.err;
    EXPECT_EQ (run.out, "");
    // Without a sound card (CI) there is nothing to list, and no default either.
    if (! std::filesystem::exists ("/dev/snd"))
    {
        EXPECT_EQ (run.err, "sprocket-cli: no audio device named 'bogus' (available: none)\n");
        run = runCli ("play " + quoted (session) + " --device default --seconds 1");
        EXPECT_EQ (run.exitCode, 1);
        EXPECT_EQ (run.err, "sprocket-cli: no default audio output device (available: none)\n");
    }
}

TEST (CliTest, PlayThroughADeviceReportsWhatItPlayed)
{
    const auto folder = freshFolder ("play_device");
    const auto session = exampleSession (folder);
    // The test hook offers the silent device by name, so the sound-card path runs without one.
    ::setenv ("SPROCKET_SILENT_AUDIO_DEVICE", "1", 1);
    auto run = runCli ("play " + quoted (session) + " --device 'No audio output' --seconds 1 --stress-edits 5 --block-size 128");
    ::unsetenv ("SPROCKET_SILENT_AUDIO_DEVICE");
    ASSERT_EQ (run.exitCode, 0) << run.err;
    EXPECT_NE (run.err.find ("play: device 'No audio output' (No audio output), 48000 Hz, 128-sample blocks, 2 outputs"),
               std::string::npos)
        << run.err;
    EXPECT_NE (run.out.find ("played: "), std::string::npos) << run.out;
    EXPECT_NE (run.out.find ("5 edits"), std::string::npos) << run.out;
    EXPECT_NE (run.out.find ("underruns: 0\n"), std::string::npos) << run.out;

    run = runCli ("play " + quoted (session) + " --device 'No audio output' --seconds 1");
    EXPECT_EQ (run.exitCode, 1) << "the silent device is offered only to tests";
}
#else
TEST (CliTest, PlayWithoutJuceRefusesSoundCards)
{
    const auto folder = freshFolder ("play_refused");
    const auto session = exampleSession (folder);
    auto run = runCli ("play " + quoted (session) + " --device hw:0");
    EXPECT_EQ (run.exitCode, 2);
    EXPECT_NE (run.err.find ("--device hw:0: sprocket-cli plays through the headless driver only (--device none)"),
               std::string::npos)
        << run.err;
}
#endif

TEST (CliTest, ProcessorsListsEveryTypeWithItsParameters)
{
    auto run = runCli ("processors --json");
    ASSERT_EQ (run.exitCode, 0) << run.err;
    auto json = nlohmann::json::parse (run.out);
    std::set<std::string> types;
    for (auto& type : json)
        types.insert (type["type"].get<std::string>());
    for (auto expected : { "gain", "polarity", "delay", "pan", "eq", "compressor", "limiter", "gate" })
        EXPECT_TRUE (types.contains (expected)) << expected;
    for (auto& type : json)
        if (type["type"] == "compressor")
        {
            std::set<std::string> ids;
            for (auto& p : type["parameters"])
            {
                ids.insert (p["id"].get<std::string>());
                EXPECT_LE (p["min"].get<double>(), p["default"].get<double>());
                EXPECT_LE (p["default"].get<double>(), p["max"].get<double>());
            }
            for (auto id : { "threshold_db", "ratio", "attack_ms", "release_ms", "knee_db", "makeup_db" })
                EXPECT_TRUE (ids.contains (id)) << id;
        }
}
