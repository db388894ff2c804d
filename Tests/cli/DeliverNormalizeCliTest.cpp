// `sprocket-cli deliver` with loudness normalisation, checked against libebur128 (a test oracle,
// never linked into sprocket-cli).
#include "CliRun.h"
#include "engine/TestSessions.h"
#include "session/SessionFile.h"
#include "support/TestAudioFiles.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#if SPROCKET_HAVE_EBUR128
#include <ebur128.h>
#endif

using namespace sprocket;
using namespace sprocket::test;

namespace
{
/** A stereo session: a noise bed, optionally with loud one-sample clicks (every second unless
    said otherwise). */
std::filesystem::path writeSession (const std::filesystem::path& folder, double bedLevel, double clickLevel, size_t every = 48000)
{
    auto bed = noise (4 * 48000, 21);
    for (auto& v : bed)
        v *= float (2.0 * bedLevel);
    for (size_t i = 24000; clickLevel > 0.0 && i < bed.size(); i += every)
        bed[i] = float (clickLevel);
    writeFloatWav (folder / "bed.wav", { bed, bed });
    auto s = emptySession();
    s.name = "Norm";
    s.buses.clear();
    s.media = { { "bed", "bed.wav" } };
    auto t = track ("t", 2, session::masterOutputId);
    t.clips.push_back (clip ("c", "bed", 0, 4 * 48000));
    s.tracks = { t };
    const auto file = folder / "norm.sprocket";
    s.filePath = file;
    EXPECT_TRUE (session::saveSessionFile (s, file).ok());
    return file;
}

CliRun deliver (const std::filesystem::path& session, const std::filesystem::path& folder, const std::string& spec)
{
    std::ofstream (folder / "spec.json") << spec;
    return runSprocketCli ("deliver " + shellQuoted (session) + " --spec " + shellQuoted (folder / "spec.json") + " -o "
                           + shellQuoted (folder / "out"));
}

nlohmann::json manifestOf (const std::filesystem::path& folder)
{
    std::ifstream in (folder / "out/manifest.json");
    return nlohmann::json::parse (in);
}

#if SPROCKET_HAVE_EBUR128
struct Oracle
{
    double integrated, truePeak;
};

Oracle libebur128 (const std::filesystem::path& file)
{
    const auto audio = readWholeFile (file);
    auto* st = ebur128_init (unsigned (audio.size()), 48000, EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK);
    std::vector<float> interleaved (audio.size() * audio[0].size());
    for (size_t i = 0; i < audio[0].size(); ++i)
        for (size_t c = 0; c < audio.size(); ++c)
            interleaved[i * audio.size() + c] = audio[c][i];
    ebur128_add_frames_float (st, interleaved.data(), audio[0].size());
    Oracle r {};
    ebur128_loudness_global (st, &r.integrated);
    double peak = 0.0, v = 0.0;
    for (unsigned c = 0; c < audio.size(); ++c)
    {
        ebur128_true_peak (st, c, &v);
        peak = std::max (peak, v);
    }
    r.truePeak = 20.0 * std::log10 (peak);
    ebur128_destroy (&st);
    return r;
}
#endif
} // namespace

#if SPROCKET_HAVE_EBUR128
TEST (DeliverNormalizeCliTest, AQuietMixReadsTheTargetOnLibebur128)
{
    const auto folder = freshTempFolder ("cli_normalize_quiet");
    const auto session = writeSession (folder, 0.02, 0.0);
    auto run =
        deliver (session, folder, R"({"normalize": {"target_lufs": -23}, "outputs": [{"role": "PM", "source": "master"}]})");
    ASSERT_EQ (run.exitCode, 0) << run.err;
    const auto oracle = libebur128 (folder / "out/Norm_PM.wav");
    std::printf ("quiet mix normalised to -23: libebur128 reads %.3f LUFS, %.3f dBTP\n", oracle.integrated, oracle.truePeak);
    EXPECT_NEAR (oracle.integrated, -23.0, 0.1);
    EXPECT_LE (oracle.truePeak, -1.0);
    const auto manifest = manifestOf (folder);
    EXPECT_EQ (manifest["files"][0]["status"], "pass");
    EXPECT_EQ (manifest["files"][0]["target_lufs"], -23.0);
    EXPECT_GT (manifest["files"][0]["normalization_gain_db"].get<double>(), 0.0);
}

TEST (DeliverNormalizeCliTest, ALoudMixWithTransientsIsLimitedUnderTheCeiling)
{
    const auto folder = freshTempFolder ("cli_normalize_loud");
    const auto session = writeSession (folder, 0.1, 1.0);
    auto run = deliver (session, folder, R"({"bit_depth": 16, "outputs": [{"role": "PM", "source": "master",
        "normalize": {"target_lufs": -14, "max_true_peak_dbtp": -1}}]})");
    ASSERT_EQ (run.exitCode, 0) << run.err;
    const auto oracle = libebur128 (folder / "out/Norm_PM.wav");
    std::printf ("loud mix normalised to -14: libebur128 reads %.3f LUFS, %.3f dBTP\n", oracle.integrated, oracle.truePeak);
    EXPECT_NEAR (oracle.integrated, -14.0, 0.5);
    EXPECT_LE (oracle.truePeak, -1.0);
    EXPECT_GT (manifestOf (folder)["files"][0]["limiter_max_reduction_db"].get<double>(), 3.0);
}
#endif

TEST (DeliverNormalizeCliTest, AnUnreachableTargetFailsTheFileAndExits1)
{
    // A steady 1 kHz sine reads (stereo, BS.1770 calibration) as loud in LUFS as its peak in dBFS:
    // under a -1 dBTP ceiling it cannot pass about -1 LUFS, so 0 LUFS +/- 0.5 is out of reach
    // however the limiter works (its gain settles on a steady tone: no distortion to add loudness).
    const auto folder = freshTempFolder ("cli_normalize_fail");
    auto session = writeSession (folder, 0.0, 0.0);
    std::vector<float> tone (4 * 48000);
    for (size_t i = 0; i < tone.size(); ++i)
        tone[i] = float (0.1 * std::sin (2.0 * 3.14159265358979 * 1000.0 * double (i) / 48000.0));
    writeFloatWav (folder / "bed.wav", { tone, tone });
    auto run = deliver (session, folder,
                        R"({"normalize": {"target_lufs": 0, "max_true_peak_dbtp": -1}, "outputs": [{"role": "PM", "source": "master"}]})");
    EXPECT_EQ (run.exitCode, 1) << run.err;
    EXPECT_NE (run.err.find ("misses the target"), std::string::npos) << run.err;
    const auto manifest = manifestOf (folder);
    EXPECT_EQ (manifest["files"][0]["status"], "fail");
    EXPECT_NE (manifest["files"][0]["problem"].get<std::string>().find ("misses the target 0.00"), std::string::npos)
        << manifest["files"][0]["problem"];
    EXPECT_FALSE (manifest["passed"].get<bool>());
}

TEST (DeliverNormalizeCliTest, ABadNormalizeFieldIsNamed)
{
    const auto folder = freshTempFolder ("cli_normalize_bad");
    const auto session = writeSession (folder, 0.02, 0.0);
    auto run = deliver (session, folder, R"({"outputs": [{"role": "PM", "source": "master"}, {"role": "A", "source": "master"},
        {"role": "B", "source": "master", "normalize": {"target_lufs": 5}}]})");
    EXPECT_EQ (run.exitCode, 2);
    EXPECT_NE (run.err.find ("outputs[2].normalize.target_lufs: must be a number between -70 and 0"), std::string::npos)
        << run.err;
    EXPECT_FALSE (std::filesystem::exists (folder / "out/manifest.json"));
}
