#include "TestSessions.h"
#include "support/TempFolder.h"
#include "support/TestAudioFiles.h"

#include "core/Timecode.h"
#include "dsp/LoudnessAnalyser.h"
#include "engine/Delivery.h"
#include "engine/OfflineRenderer.h"
#include "io/AudioFileInfo.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"
#include "io/FileDigest.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
/** Dialogue (noise) on bus DX, music (a 1 kHz sine) on bus MX, both to a stereo master. */
session::Session dmeSession (const std::filesystem::path& folder)
{
    writeFloatWav (folder / "dx.wav", { noise (48000, 5) });
    writeFloatWav (folder / "mx.wav", { sine (1000.0, 0.25, 48000), sine (1000.0, 0.25, 48000) });
    auto s = emptySession();
    s.name = "Reel 2";
    s.filePath = folder / "reel2.sprocket";
    s.frameRate = core::FrameRate::fps23_976;
    s.buses = { { "DX", "Dialogue", 2, 0.0, session::masterOutputId, {}, {} },
                { "MX", "Music", 2, -3.0, session::masterOutputId, {}, {} } };
    s.media = { { "dx", "dx.wav" }, { "mx", "mx.wav" } };
    auto dialogue = track ("d", 1, "DX");
    dialogue.clips.push_back (clip ("d1", "dx", 0, 48000));
    auto music = track ("m", 2, "MX");
    music.clips.push_back (clip ("m1", "mx", 0, 48000));
    s.tracks = { dialogue, music };
    return s;
}

engine::DeliverySpec specWith (std::vector<engine::DeliveryOutput> outputs)
{
    engine::DeliverySpec spec;
    spec.name = "Test";
    spec.outputs = std::move (outputs);
    return spec;
}

const engine::DeliveredFile& fileFor (const engine::DeliveryReport& report, const std::string& role, int leg = 0)
{
    int seen = 0;
    for (auto& f : report.files)
        if (f.role == role && seen++ == leg)
            return f;
    throw std::runtime_error ("no file for " + role);
}

const engine::DeliveryOutput pm { "PM", engine::DeliveryOutput::Source::master, {}, {}, {} };
const engine::DeliveryOutput dx { "DX", engine::DeliveryOutput::Source::bus, { "DX" }, {}, {} };
const engine::DeliveryOutput me { "ME", engine::DeliveryOutput::Source::mixMinus, { "DX" }, {}, {} };
} // namespace

TEST (DeliveryTest, MusicAndEffectsPlusDialogueIsThePrintmaster)
{
    const auto folder = freshTempFolder ("deliver_dme");
    const auto s = dmeSession (folder);
    auto spec = specWith ({ pm, dx, me });
    spec.sampleFormat = io::SampleFormat::float32;
    auto report = engine::deliver (s, spec, folder / "out");
    ASSERT_TRUE (report.ok()) << report.error().message;
    EXPECT_TRUE (report->allPassed());
    const auto printmaster = readWholeFile (fileFor (*report, "PM").path);
    const auto dialogue = readWholeFile (fileFor (*report, "DX").path);
    const auto rest = readWholeFile (fileFor (*report, "ME").path);
    ASSERT_EQ (printmaster[0].size(), 48000u);
    double music = 0.0;
    for (size_t c = 0; c < 2; ++c)
        for (size_t i = 0; i < 48000; ++i)
        {
            ASSERT_NEAR (rest[c][i] + dialogue[c][i], printmaster[c][i], 1e-6) << c << ":" << i;
            music = std::max (music, double (std::abs (rest[c][i])));
        }
    EXPECT_NEAR (music, 0.25 * std::pow (10.0, -3.0 / 20.0), 1e-3); // the M&E holds the music, at the bus gain
    // The same samples as a plain render of the printmaster.
    engine::OfflineRenderOptions render;
    render.outputFolder = folder / "render";
    render.sampleFormat = io::SampleFormat::float32;
    ASSERT_TRUE (engine::renderOffline (s, render).ok());
    EXPECT_EQ (readWholeFile (folder / "render" / "Reel 2_PM.wav"), printmaster);
    EXPECT_FALSE (std::filesystem::exists (folder / "out" / ".sprocket-delivery")); // the scratch is gone

    // The manifest's loudness is the analyser's reading of the delivered file.
    dsp::LoudnessAnalyser meter;
    meter.prepare (48000.0, 2, 48000);
    const float* channels[] = { rest[0].data(), rest[1].data() };
    meter.process (channels, 48000);
    EXPECT_NEAR (fileFor (*report, "ME").loudness.integratedLufs, meter.integratedLufs(), 1e-9);
    EXPECT_LT (fileFor (*report, "ME").loudness.integratedLufs, fileFor (*report, "PM").loudness.integratedLufs);
    std::ifstream manifestFile (report->manifest);
    const auto manifest = nlohmann::json::parse (manifestFile);
    EXPECT_NEAR (manifest["files"][2]["integrated_lufs"].get<double>(), meter.integratedLufs(), 0.006);
}

TEST (DeliveryTest, SplitMonoLegsReassembleBitExactlyToTheInterleavedPrint)
{
    const auto folder = freshTempFolder ("deliver_split");
    const auto s = dmeSession (folder);
    auto spec = specWith ({ pm });
    spec.sampleFormat = io::SampleFormat::pcm24;
    auto interleaved = engine::deliver (s, spec, folder / "interleaved");
    ASSERT_TRUE (interleaved.ok());
    spec.layout = engine::DeliverySpec::Layout::splitMono;
    auto split = engine::deliver (s, spec, folder / "split");
    ASSERT_TRUE (split.ok());
    ASSERT_EQ (split->files.size(), 2u);
    EXPECT_EQ (split->files[0].path.filename(), "Reel 2_PM.L.wav");
    EXPECT_EQ (split->files[1].path.filename(), "Reel 2_PM.R.wav");
    const auto whole = readWholeFile (interleaved->files[0].path);
    EXPECT_EQ (readWholeFile (split->files[0].path)[0], whole[0]);
    EXPECT_EQ (readWholeFile (split->files[1].path)[0], whole[1]);
    auto info = io::probeAudioFile (split->files[1].path);
    ASSERT_TRUE (info.ok());
    EXPECT_EQ (info->subtype, "PCM_24");
    ASSERT_TRUE (info->ixml.has_value());
    EXPECT_EQ (info->ixml->tracks.at (0).name, "R");
}

TEST (DeliveryTest, BextTimeReferenceIsTheStartTimecodeAtTheDeliveredRate)
{
    const auto folder = freshTempFolder ("deliver_bext");
    const auto s = dmeSession (folder);
    auto spec = specWith ({ pm });
    spec.sampleRate = 44100;
    auto report = engine::deliver (s, spec, folder / "out");
    ASSERT_TRUE (report.ok()) << report.error().message;
    auto info = io::probeAudioFile (report->files[0].path);
    ASSERT_TRUE (info.ok());
    EXPECT_EQ (info->sampleRate, 44100);
    EXPECT_EQ (info->frames, 44100); // one second, converted
    ASSERT_TRUE (info->bext.has_value());
    // 01:00:00:00 at 23.976 is 3603.6 s after midnight.
    EXPECT_EQ (info->bext->timeReference, core::samplesSinceMidnight ({ 1, 0, 0, 0 }, core::FrameRate::fps23_976, 44100));
    EXPECT_EQ (info->bext->timeReference, 158918760);
}

TEST (DeliveryTest, PullDownMakesTheProgramme0Point1PercentLonger)
{
    const auto folder = freshTempFolder ("deliver_pull");
    const auto s = dmeSession (folder);
    auto spec = specWith ({ me });
    spec.pull = engine::DeliverySpec::Pull::down;
    spec.sampleFormat = io::SampleFormat::float32;
    auto report = engine::deliver (s, spec, folder / "out");
    ASSERT_TRUE (report.ok()) << report.error().message;
    const auto music = readWholeFile (report->files[0].path)[0];
    EXPECT_EQ (music.size(), 48048u);
    // The 1 kHz tone now plays at 1000 / 1.001 Hz: count rising zero crossings in the middle.
    int crossings = 0;
    for (size_t i = 8000; i < 40000; ++i)
        crossings += music[i - 1] < 0.0f && music[i] >= 0.0f ? 1 : 0;
    const double frequency = crossings * 48000.0 / 32000.0;
    EXPECT_NEAR (frequency, 1000.0 / 1.001, 1.5);
    EXPECT_LT (frequency, 1000.0);

    spec.pull = engine::DeliverySpec::Pull::up;
    auto up = engine::deliver (s, spec, folder / "up");
    ASSERT_TRUE (up.ok());
    EXPECT_EQ (readWholeFile (up->files[0].path)[0].size(), 47952u);
}

TEST (DeliveryTest, AStereoDownmixOfA51MasterUsesBS775)
{
    const auto folder = freshTempFolder ("deliver_downmix");
    writeFloatWav (folder / "c.wav", { sine (440.0, 0.5, 24000) });
    auto s = emptySession();
    s.name = "Surround";
    s.filePath = folder / "s.sprocket";
    s.buses.clear();
    s.master.channels = 6;
    s.media = { { "c", "c.wav" } };
    // A 5.1 track whose centre channel carries the tone: make a 6-channel file.
    std::vector<std::vector<float>> six (6, std::vector<float> (24000, 0.0f));
    six[2] = sine (440.0, 0.5, 24000);
    writeFloatWav (folder / "six.wav", six);
    s.media = { { "six", "six.wav" } };
    auto t = track ("t", 6, session::masterOutputId);
    t.clips.push_back (clip ("c", "six", 0, 24000));
    s.tracks = { t };

    engine::DeliveryOutput stereo { "PM_LoRo", engine::DeliveryOutput::Source::master, {}, 2, {} };
    auto spec = specWith ({ pm, stereo });
    spec.sampleFormat = io::SampleFormat::float32;
    auto report = engine::deliver (s, spec, folder / "out");
    ASSERT_TRUE (report.ok()) << report.error().message;
    EXPECT_EQ (fileFor (*report, "PM").channels, 6);
    const auto loRo = readWholeFile (fileFor (*report, "PM_LoRo").path);
    ASSERT_EQ (loRo.size(), 2u);
    const auto tone = sine (440.0, 0.5, 24000);
    for (size_t i = 0; i < 24000; i += 11)
    {
        ASSERT_NEAR (loRo[0][i], tone[i] * std::sqrt (0.5f), 1e-6) << i; // C into L and R at -3 dB
        ASSERT_NEAR (loRo[1][i], tone[i] * std::sqrt (0.5f), 1e-6) << i;
    }
    auto fromMaster = engine::deliver (s, specWith ({ { "X", engine::DeliveryOutput::Source::master, {}, 2, {} } }), folder / "out2");
    EXPECT_TRUE (fromMaster.ok()); // 5.1 master: fine
    auto noBus = engine::deliver (s, specWith ({ dx }), folder / "out3");
    ASSERT_FALSE (noBus.ok());
    EXPECT_NE (noBus.error().message.find ("no bus 'DX'"), std::string::npos);
}

TEST (DeliveryTest, AClippingPrintIsWrittenReportedAndFailedInTheManifest)
{
    const auto folder = freshTempFolder ("deliver_clip");
    auto s = dmeSession (folder);
    s.tracks[1].gainDb = 20.0; // the music slams into the ceiling
    auto spec = specWith ({ pm, dx });
    auto report = engine::deliver (s, spec, folder / "out");
    ASSERT_TRUE (report.ok()) << report.error().message;
    EXPECT_FALSE (report->allPassed());
    EXPECT_FALSE (fileFor (*report, "PM").passed);
    EXPECT_GT (fileFor (*report, "PM").clippedSamples, 1000);
    EXPECT_TRUE (fileFor (*report, "DX").passed);
    std::ifstream manifestFile (report->manifest);
    const auto manifest = nlohmann::json::parse (manifestFile);
    EXPECT_FALSE (manifest["passed"].get<bool>());
    EXPECT_EQ (manifest["files"][0]["status"], "fail");
    EXPECT_EQ (manifest["files"][1]["status"], "pass");
}

TEST (DeliveryTest, ChecksumsAreWhatMd5sumComputes)
{
    const auto folder = freshTempFolder ("deliver_md5");
    const auto s = dmeSession (folder);
    auto report = engine::deliver (s, specWith ({ pm, dx }), folder / "out");
    ASSERT_TRUE (report.ok());
    const auto command = "cd '" + (folder / "out").string() + "' && md5sum -c checksums.md5 2>&1";
    FILE* pipe = ::popen (command.c_str(), "r");
    ASSERT_NE (pipe, nullptr);
    char line[512];
    int ok = 0;
    while (std::fgets (line, sizeof line, pipe) != nullptr)
        ok += std::string (line).find (": OK") != std::string::npos ? 1 : 0;
    EXPECT_EQ (::pclose (pipe), 0);
    EXPECT_EQ (ok, 2);
}

TEST (DeliveryTest, SpecProblemsAreReportedWithTheirJsonPaths)
{
    session::Problems problems;
    const auto json = nlohmann::json::parse (R"({"bit_depth": 20, "outputs": [{"role": "PM", "source": "master"},
        {"role": "PM", "source": "stems"}, {"role": "X", "source": "master", "downmix": "mono"}]})");
    EXPECT_FALSE (engine::deliverySpecFromJson (json, problems).has_value());
    std::set<std::string> paths;
    for (auto& p : problems)
        paths.insert (p.path);
    EXPECT_TRUE (paths.contains ("bit_depth"));
    EXPECT_TRUE (paths.contains ("outputs[1].source"));
    EXPECT_TRUE (paths.contains ("outputs[1].role"));
    EXPECT_TRUE (paths.contains ("outputs[2].downmix"));

    problems.clear();
    auto good = engine::deliverySpecFromJson (nlohmann::json::parse (R"({"bit_depth": 16, "layout": "split_mono", "pull": "down",
        "outputs": [{"role": "ME", "source": "master_without:DX,VO"}]})"),
                                              problems);
    ASSERT_TRUE (good.has_value());
    EXPECT_EQ (good->sampleFormat, io::SampleFormat::pcm16);
    EXPECT_EQ (good->outputs[0].buses, (std::vector<std::string> { "DX", "VO" }));
}

TEST (DeliveryTest, ASpecStoredInTheSessionIsReadLikeAFileWithProblemsUnderDelivery)
{
    session::Session session;
    session::Problems problems;
    EXPECT_FALSE (engine::sessionDeliverySpec (session, problems).has_value());
    EXPECT_TRUE (problems.empty()) << "no spec is not a problem of the session";

    session.delivery =
        nlohmann::json::parse (R"({"outputs": [{"role": "PM", "source": "master"}, {"role": "DX", "source": "stems"}],
        "normalize": {"target_lufs": 3}})");
    EXPECT_FALSE (engine::sessionDeliverySpec (session, problems).has_value());
    std::set<std::string> paths;
    for (auto& p : problems)
        paths.insert (p.path);
    EXPECT_EQ (paths, (std::set<std::string> { "delivery.outputs[1].source", "delivery.normalize.target_lufs" }));

    problems.clear();
    session.delivery["outputs"][1]["source"] = "bus:DX";
    session.delivery["normalize"]["target_lufs"] = -24;
    auto spec = engine::sessionDeliverySpec (session, problems);
    ASSERT_TRUE (spec.has_value());
    EXPECT_TRUE (problems.empty());
    ASSERT_EQ (spec->outputs.size(), 2u);
    EXPECT_EQ (spec->outputs[1].buses, std::vector<std::string> { "DX" });
    EXPECT_DOUBLE_EQ (spec->outputs[1].normalize->targetLufs, -24.0);
}

namespace
{
engine::LoudnessTarget target (double lufs, double ceiling = -1.0, double tolerance = 0.5)
{
    return { lufs, ceiling, tolerance };
}

/** Integrated loudness and true peak of a delivered file, read back and measured afresh. */
dsp::LoudnessSummary measureFile (const std::filesystem::path& file)
{
    const auto audio = readWholeFile (file);
    std::vector<const float*> channels;
    for (auto& c : audio)
        channels.push_back (c.data());
    dsp::LoudnessAnalyser meter;
    meter.prepare (48000.0, int (audio.size()), int (audio[0].size()));
    meter.process (channels.data(), int (audio[0].size()));
    return meter.summary();
}

/** A dynamic mix: a noise bed (peak bedLevel) with loud one-sample clicks, every 100 ms or every second. */
session::Session clickSession (const std::filesystem::path& folder, double bedLevel, double clickLevel, size_t every = 4800)
{
    auto bed = noise (96000, 9);
    for (auto& v : bed)
        v *= float (2.0 * bedLevel);
    for (size_t i = 2400; i < bed.size(); i += every)
        bed[i] = float (clickLevel);
    writeFloatWav (folder / "clicks.wav", { bed });
    auto s = emptySession();
    s.name = "Clicks";
    s.filePath = folder / "clicks.sprocket";
    s.buses.clear();
    s.master.channels = 1;
    s.media = { { "c", "clicks.wav" } };
    auto t = track ("t", 1, session::masterOutputId);
    t.clips.push_back (clip ("c1", "c", 0, 96000));
    s.tracks = { t };
    return s;
}
} // namespace

TEST (DeliveryTest, AQuietMixIsNormalisedToTheTargetAndStaysAlignedToTheTimeline)
{
    const auto folder = freshTempFolder ("deliver_normalize");
    auto s = dmeSession (folder);
    s.tracks[0].gainDb = -20.0;
    s.tracks[1].gainDb = -20.0;
    auto plainSpec = specWith ({ pm });
    plainSpec.sampleFormat = io::SampleFormat::float32;
    auto plain = engine::deliver (s, plainSpec, folder / "plain");
    ASSERT_TRUE (plain.ok()) << plain.error().message;
    auto normalized = pm;
    normalized.normalize = target (-23.0);
    auto spec = specWith ({ normalized });
    spec.sampleFormat = io::SampleFormat::float32;
    auto report = engine::deliver (s, spec, folder / "out");
    ASSERT_TRUE (report.ok()) << report.error().message;
    const auto& file = fileFor (*report, "PM");
    EXPECT_TRUE (file.passed) << file.problem;
    const auto measured = measureFile (file.path);
    EXPECT_NEAR (measured.integratedLufs, -23.0, 0.1);
    EXPECT_LE (measured.truePeakDbtp, -1.0);
    EXPECT_NEAR (file.loudness.integratedLufs, measured.integratedLufs, 1e-6);
    ASSERT_TRUE (file.normalizationGainDb && file.limiterMaxReductionDb && file.targetLufs);
    EXPECT_NEAR (*file.normalizationGainDb, -23.0 - plain->files[0].loudness.integratedLufs, 1e-9);
    EXPECT_EQ (*file.limiterMaxReductionDb, 0.0); // nothing near the ceiling: the limiter only delays

    // Sample-aligned with the plain print: the same samples times the gain, none shifted.
    const auto before = readWholeFile (plain->files[0].path);
    const auto after = readWholeFile (file.path);
    ASSERT_EQ (after[0].size(), before[0].size());
    const double gain = std::pow (10.0, *file.normalizationGainDb / 20.0);
    for (size_t c = 0; c < 2; ++c)
        for (size_t i = 0; i < before[c].size(); ++i)
            ASSERT_NEAR (after[c][i], before[c][i] * gain, 1e-6) << c << ":" << i;

    std::ifstream manifestFile (report->manifest);
    const auto manifest = nlohmann::json::parse (manifestFile);
    EXPECT_EQ (manifest["files"][0]["target_lufs"].get<double>(), -23.0);
    EXPECT_EQ (manifest["files"][0]["limiter_max_reduction_db"].get<double>(), 0.0);
    EXPECT_TRUE (manifest["files"][0]["normalization_gain_db"].is_number());
    std::ifstream plainManifestFile (plain->manifest);
    const auto plainManifest = nlohmann::json::parse (plainManifestFile);
    EXPECT_TRUE (plainManifest["files"][0]["normalization_gain_db"].is_null());
    EXPECT_TRUE (plainManifest["files"][0]["limiter_max_reduction_db"].is_null());
}

TEST (DeliveryTest, ALoudMixWithTransientsIsLimitedUnderTheCeilingAndStillReachesTheTarget)
{
    const auto folder = freshTempFolder ("deliver_normalize_loud");
    const auto s = clickSession (folder, 0.1, 0.9, 48000); // the bed carries the loudness
    auto output = pm;
    output.normalize = target (-16.0);
    auto spec = specWith ({ output });
    spec.sampleFormat = io::SampleFormat::pcm24;
    auto report = engine::deliver (s, spec, folder / "out");
    ASSERT_TRUE (report.ok()) << report.error().message;
    const auto& file = fileFor (*report, "PM");
    EXPECT_TRUE (file.passed) << file.problem;
    EXPECT_GT (*file.limiterMaxReductionDb, 3.0); // the clicks would otherwise pass full scale
    const auto measured = measureFile (file.path);
    EXPECT_LE (measured.truePeakDbtp, -1.0);
    EXPECT_NEAR (measured.integratedLufs, -16.0, 0.5);
    EXPECT_EQ (file.clippedSamples, 0);
}

TEST (DeliveryTest, ATargetTheLimiterCannotReachFailsTheFile)
{
    const auto folder = freshTempFolder ("deliver_normalize_fail");
    const auto s = clickSession (folder, 0.01, 0.9); // the clicks carry the loudness
    auto output = pm;
    output.normalize = target (-5.0); // far louder than a -1 dBTP ceiling lets these clicks be
    auto report = engine::deliver (s, specWith ({ output }), folder / "out");
    ASSERT_TRUE (report.ok()) << report.error().message;
    const auto& file = fileFor (*report, "PM");
    EXPECT_FALSE (file.passed);
    EXPECT_NE (file.problem.find ("misses the target -5.00"), std::string::npos) << file.problem;
    EXPECT_LE (measureFile (file.path).truePeakDbtp, -1.0); // limited, never clipped
    EXPECT_EQ (file.clippedSamples, 0);
    EXPECT_FALSE (report->allPassed());
}

TEST (DeliveryTest, SilenceCannotBeNormalised)
{
    const auto folder = freshTempFolder ("deliver_normalize_silent");
    auto s = dmeSession (folder);
    s.tracks[0].mute = true;
    s.tracks[1].mute = true;
    auto output = pm;
    output.normalize = target (-23.0);
    auto report = engine::deliver (s, specWith ({ output }), folder / "out");
    ASSERT_TRUE (report.ok()) << report.error().message;
    EXPECT_FALSE (report->files[0].passed);
    EXPECT_EQ (report->files[0].problem, "silent: cannot normalise");
    EXPECT_EQ (*report->files[0].normalizationGainDb, 0.0);
}

TEST (DeliveryTest, NormalisedSplitMonoLegsReassembleBitExactlyToTheInterleavedPrint)
{
    const auto folder = freshTempFolder ("deliver_normalize_split");
    const auto s = dmeSession (folder);
    auto output = pm;
    output.normalize = target (-14.0); // loud enough that the limiter works
    auto spec = specWith ({ output });
    spec.sampleFormat = io::SampleFormat::pcm16; // dither too
    auto interleaved = engine::deliver (s, spec, folder / "interleaved");
    ASSERT_TRUE (interleaved.ok());
    spec.layout = engine::DeliverySpec::Layout::splitMono;
    auto split = engine::deliver (s, spec, folder / "split");
    ASSERT_TRUE (split.ok());
    ASSERT_EQ (split->files.size(), 2u);
    const auto whole = readWholeFile (interleaved->files[0].path);
    EXPECT_EQ (readWholeFile (split->files[0].path)[0], whole[0]);
    EXPECT_EQ (readWholeFile (split->files[1].path)[0], whole[1]);
    EXPECT_EQ (split->files[0].normalizationGainDb, interleaved->files[0].normalizationGainDb);
}

TEST (DeliveryTest, NormalizeIsSetForTheSpecOverriddenPerOutputAndCheckedByField)
{
    session::Problems problems;
    auto spec = engine::deliverySpecFromJson (nlohmann::json::parse (R"({"normalize": {"target_lufs": -24},
        "outputs": [{"role": "PM", "source": "master"},
                    {"role": "DX", "source": "bus:DX", "normalize": false},
                    {"role": "WEB", "source": "master", "normalize": {"target_lufs": -16, "max_true_peak_dbtp": -2, "tolerance_lu": 1}}]})"),
                                              problems);
    ASSERT_TRUE (spec.has_value());
    ASSERT_TRUE (spec->outputs[0].normalize.has_value());
    EXPECT_EQ (spec->outputs[0].normalize->targetLufs, -24.0);
    EXPECT_EQ (spec->outputs[0].normalize->maxTruePeakDbtp, -1.0); // defaults
    EXPECT_EQ (spec->outputs[0].normalize->toleranceLu, 0.5);
    EXPECT_FALSE (spec->outputs[1].normalize.has_value());
    EXPECT_EQ (spec->outputs[2].normalize->targetLufs, -16.0);
    EXPECT_EQ (spec->outputs[2].normalize->maxTruePeakDbtp, -2.0);
    EXPECT_EQ (spec->outputs[2].normalize->toleranceLu, 1.0);

    problems.clear();
    EXPECT_FALSE (engine::deliverySpecFromJson (nlohmann::json::parse (R"({"normalize": {"max_true_peak_dbtp": 3},
        "outputs": [{"role": "PM", "source": "master"}, {"role": "A", "source": "master"},
                    {"role": "B", "source": "master", "normalize": {"target_lufs": "loud"}}, {"role": "C", "source": "master", "normalize": 1}]})"),
                                                problems)
                      .has_value());
    std::map<std::string, std::string> byPath;
    for (auto& p : problems)
        byPath[p.path] = p.message;
    EXPECT_EQ (byPath["normalize.target_lufs"], "must be a number between -70 and 0");
    EXPECT_EQ (byPath["normalize.max_true_peak_dbtp"], "must be a number between -24 and 0");
    EXPECT_EQ (byPath["outputs[2].normalize.target_lufs"], "must be a number between -70 and 0");
    EXPECT_TRUE (byPath.contains ("outputs[3].normalize"));
}

TEST (DeliveryTest, ACancelStopsTheMixWithinABlockAndLeavesNoFile)
{
    const auto folder = freshTempFolder ("deliver_cancel");
    const auto s = dmeSession (folder);
    engine::DeliveryOptions options;
    options.blockSize = 512; // 94 blocks in the first mix pass
    int calls = 0;
    options.progress = [&] (double) { return ++calls < 2; }; // cancel at the second report
    auto report = engine::deliver (s, specWith ({ pm, dx, me }), folder / "out", options);
    ASSERT_FALSE (report.ok());
    EXPECT_EQ (report.error().message, "delivery cancelled");
    EXPECT_EQ (calls, 2); // not asked again: the mix pass stopped at the next block
    for (const auto& entry : std::filesystem::recursive_directory_iterator (folder / "out"))
        EXPECT_FALSE (entry.is_regular_file()) << entry.path();
}

TEST (DeliveryTest, AnMAndELeavesOutTheDialoguesSendsToo)
{
    // Dialogue sends post-fader into a VERB return: the M&E (master without DX) must not hold
    // that return, so it equals the M&E of the session without the send, sample for sample,
    // while the printmaster does carry it.
    const auto folder = freshTempFolder ("deliver_me_sends");
    auto s = dmeSession (folder);
    const auto plain = s;
    s.buses.push_back ({ "VERB", "Reverb", 2, 0.0, session::masterOutputId, {}, {} });
    s.tracks[0].sends.push_back ({ "verb", "VERB", -6.0, false, false });
    s.tracks[1].sends.push_back ({ "verb", "VERB", -12.0, true, false }); // music keeps its send
    auto spec = specWith ({ pm, me });
    spec.sampleFormat = io::SampleFormat::float32;
    auto withSend = engine::deliver (s, spec, folder / "sends");
    ASSERT_TRUE (withSend.ok()) << withSend.error().message;
    auto musicOnly = plain;
    musicOnly.buses.push_back ({ "VERB", "Reverb", 2, 0.0, session::masterOutputId, {}, {} });
    musicOnly.tracks[1].sends.push_back ({ "verb", "VERB", -12.0, true, false });
    auto without = engine::deliver (musicOnly, spec, folder / "plain");
    ASSERT_TRUE (without.ok()) << without.error().message;
    EXPECT_EQ (readWholeFile (fileFor (*withSend, "ME").path), readWholeFile (fileFor (*without, "ME").path));
    EXPECT_NE (readWholeFile (fileFor (*withSend, "PM").path), readWholeFile (fileFor (*without, "PM").path));
}
