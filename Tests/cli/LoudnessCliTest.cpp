// sprocket-cli loudness as a user and a script see it: the JSON and text outputs, their keys, the
// exit codes and error lines, progress on stderr only. Files are written with io's writer (and,
// where sox and espeak-ng are installed, made by them, as the acceptance suite does), and when
// libebur128 is available the figures are checked against it.

#include "CliRun.h"

#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <numbers>

#if SPROCKET_HAVE_EBUR128
#include <ebur128.h>
#endif

using namespace sprocket;
using test::runSprocketCli;
using test::shellQuoted;

namespace
{
const char* const keys[] = { "integrated_lufs",  "loudness_range_lu",  "true_peak_dbtp",
                             "sample_peak_dbfs", "max_momentary_lufs", "max_short_term_lufs" };

/** A 1 kHz sine per channel at a peak level (dBFS; -inf for a silent channel), 24-bit WAV. */
std::filesystem::path writeTone (const std::filesystem::path& file, double rate, const std::vector<double>& levels,
                                 double seconds, io::SampleFormat format = io::SampleFormat::pcm24)
{
    io::WriteSpec spec;
    spec.channels = (int) levels.size();
    spec.sampleRate = (int64_t) rate;
    spec.sampleFormat = format;
    auto writer = io::AudioFileWriter::create (file, spec);
    EXPECT_TRUE (writer.ok());
    const auto frames = (int64_t) (seconds * rate);
    std::vector<float> interleaved ((size_t) (frames * spec.channels));
    for (int64_t i = 0; i < frames; ++i)
        for (int c = 0; c < spec.channels; ++c)
        {
            const double level = levels[(size_t) c];
            interleaved[(size_t) (i * spec.channels + c)] =
                std::isinf (level)
                    ? 0.0f
                    : (float) (std::pow (10.0, level / 20.0) * std::sin (2.0 * std::numbers::pi * 1000.0 * (double) i / rate));
        }
    EXPECT_TRUE ((*writer)->writeInterleaved (interleaved.data(), frames));
    EXPECT_TRUE ((*writer)->finish());
    return file;
}

bool haveTool (const char* tool)
{
    return std::system ((std::string ("command -v ") + tool + " > /dev/null 2>&1").c_str()) == 0;
}

void expectAllKeys (const nlohmann::json& object)
{
    for (auto key : keys)
        EXPECT_TRUE (object.contains (key)) << key;
}
} // namespace

TEST (LoudnessCliTest, OneFileJsonIsAnObjectWithEveryKey)
{
    const auto folder = test::freshTempFolder ("loudness_json");
    for (double rate : { 44100.0, 48000.0, 96000.0 })
    {
        const auto file = writeTone (folder / ("tone" + std::to_string ((int) rate) + ".wav"), rate, { -23.0, -23.0 }, 10.0);
        auto run = runSprocketCli ("loudness --json " + shellQuoted (file));
        ASSERT_EQ (run.exitCode, 0) << run.err;
        const auto json = nlohmann::json::parse (run.out);
        ASSERT_TRUE (json.is_object());
        EXPECT_EQ (json["file"], file.string());
        expectAllKeys (json);
        EXPECT_NEAR (json["integrated_lufs"].get<double>(), -23.0, 0.1) << rate;
        EXPECT_NEAR (json["loudness_range_lu"].get<double>(), 0.0, 0.1) << rate;
        EXPECT_NEAR (json["true_peak_dbtp"].get<double>(), -23.0, 0.05) << rate;
        EXPECT_NEAR (json["sample_peak_dbfs"].get<double>(), -23.0, 0.05) << rate;
        EXPECT_NEAR (json["max_momentary_lufs"].get<double>(), -23.0, 0.1) << rate;
        EXPECT_NEAR (json["max_short_term_lufs"].get<double>(), -23.0, 0.1) << rate;
        // Progress goes to stderr, per file, ending at 100 %.
        EXPECT_NE (run.err.find ("loudness: " + file.string() + ": 100%"), std::string::npos) << run.err;
    }
}

TEST (LoudnessCliTest, SeveralFilesJsonIsAnArrayInArgumentOrder)
{
    const auto folder = test::freshTempFolder ("loudness_array");
    const auto a = writeTone (folder / "a.wav", 48000.0, { -20.0, -20.0 }, 5.0);
    const auto b = writeTone (folder / "b.wav", 44100.0, { -30.0 }, 5.0, io::SampleFormat::pcm16);
    // Tech 3341 case 6 as 5.1 (L R C LFE Ls Rs): -23 LUFS, the loud LFE ignored.
    const auto c = writeTone (folder / "c.wav", 48000.0, { -28.0, -28.0, -24.0, -10.0, -30.0, -30.0 }, 5.0);
    auto run = runSprocketCli ("loudness " + shellQuoted (b) + " " + shellQuoted (c) + " --json " + shellQuoted (a));
    ASSERT_EQ (run.exitCode, 0) << run.err;
    const auto json = nlohmann::json::parse (run.out);
    ASSERT_TRUE (json.is_array());
    ASSERT_EQ (json.size(), 3u);
    EXPECT_EQ (json[0]["file"], b.string());
    EXPECT_EQ (json[1]["file"], c.string());
    EXPECT_EQ (json[2]["file"], a.string());
    for (auto& object : json)
        expectAllKeys (object);
    EXPECT_NEAR (json[0]["integrated_lufs"].get<double>(), -33.0, 0.1); // mono: one channel
    EXPECT_NEAR (json[1]["integrated_lufs"].get<double>(), -23.0, 0.1);
    EXPECT_NEAR (json[1]["sample_peak_dbfs"].get<double>(), -10.0, 0.01); // the LFE's peak counts
    EXPECT_NEAR (json[2]["integrated_lufs"].get<double>(), -20.0, 0.1);
}

TEST (LoudnessCliTest, TextOutputUsesTheSameKeysWithTwoDecimals)
{
    const auto folder = test::freshTempFolder ("loudness_text");
    const auto file = writeTone (folder / "tone.wav", 48000.0, { -23.0, -23.0 }, 5.0);
    auto run = runSprocketCli ("loudness " + shellQuoted (file));
    ASSERT_EQ (run.exitCode, 0) << run.err;
    EXPECT_EQ (run.out.rfind (file.string() + "\n", 0), 0u) << run.out;
    EXPECT_NE (run.out.find ("\n  integrated_lufs: -22.99\n"), std::string::npos) << run.out;
    EXPECT_NE (run.out.find ("\n  sample_peak_dbfs: -23.00\n"), std::string::npos) << run.out;
    for (auto key : keys)
        EXPECT_NE (run.out.find (std::string ("\n  ") + key + ": "), std::string::npos) << key;
    EXPECT_EQ (std::count (run.out.begin(), run.out.end(), '\n'), 7);
    EXPECT_EQ (run.out.find ('%'), std::string::npos) << "progress belongs on stderr";
}

TEST (LoudnessCliTest, SilenceIsNullInJsonAndMinusInfInText)
{
    const auto folder = test::freshTempFolder ("loudness_silence");
    const auto file = writeTone (folder / "silence.wav", 48000.0, { -HUGE_VAL, -HUGE_VAL }, 4.0);
    auto run = runSprocketCli ("loudness --json " + shellQuoted (file));
    ASSERT_EQ (run.exitCode, 0) << run.err;
    const auto json = nlohmann::json::parse (run.out);
    EXPECT_TRUE (json["integrated_lufs"].is_null());
    EXPECT_TRUE (json["true_peak_dbtp"].is_null());
    EXPECT_TRUE (json["sample_peak_dbfs"].is_null());
    EXPECT_TRUE (json["max_momentary_lufs"].is_null());
    EXPECT_TRUE (json["max_short_term_lufs"].is_null());
    EXPECT_EQ (json["loudness_range_lu"], 0.0);

    run = runSprocketCli ("loudness " + shellQuoted (file));
    ASSERT_EQ (run.exitCode, 0);
    EXPECT_NE (run.out.find ("  integrated_lufs: -inf\n"), std::string::npos) << run.out;
    EXPECT_NE (run.out.find ("  true_peak_dbtp: -inf\n"), std::string::npos) << run.out;
}

TEST (LoudnessCliTest, BadInputNamesTheFileAndExitsOneWithoutStoppingTheOthers)
{
    const auto folder = test::freshTempFolder ("loudness_bad");
    const auto good = writeTone (folder / "good.wav", 48000.0, { -20.0, -20.0 }, 2.0);
    std::ofstream (folder / "garbage.wav") << "RIFF and then nothing that is audio";
    std::filesystem::create_directories (folder / "folder.wav");
    // A FLAC cut short: its header promises more than the file holds.
    const auto flac = folder / "cut.flac";
    {
        io::WriteSpec spec;
        spec.container = io::ContainerFormat::flac;
        auto writer = io::AudioFileWriter::create (flac, spec);
        ASSERT_TRUE (writer.ok());
        std::vector<float> noise (480000 * 2);
        for (size_t i = 0; i < noise.size(); ++i)
            noise[i] = (float) std::sin ((double) i * 0.37) * 0.5f;
        ASSERT_TRUE ((*writer)->writeInterleaved (noise.data(), 480000));
        ASSERT_TRUE ((*writer)->finish());
        std::filesystem::resize_file (flac, std::filesystem::file_size (flac) / 2);
    }

    for (auto bad : { folder / "missing.wav", folder / "garbage.wav", folder / "folder.wav", flac })
    {
        auto run = runSprocketCli ("loudness " + shellQuoted (bad));
        EXPECT_EQ (run.exitCode, 1) << bad;
        EXPECT_NE (run.err.find ("sprocket-cli: " + bad.string() + ": "), std::string::npos) << run.err;
        EXPECT_EQ (run.out, "") << bad;
    }

    auto run = runSprocketCli ("loudness --json " + shellQuoted (folder / "missing.wav") + " " + shellQuoted (good));
    EXPECT_EQ (run.exitCode, 1);
    const auto json = nlohmann::json::parse (run.out);
    ASSERT_EQ (json.size(), 2u);
    EXPECT_EQ (json[0]["error"], (folder / "missing.wav").string() + ": no such file");
    EXPECT_NEAR (json[1]["integrated_lufs"].get<double>(), -20.0, 0.1);

    EXPECT_EQ (runSprocketCli ("loudness").exitCode, 2);
    EXPECT_EQ (runSprocketCli ("loudness --jsn " + shellQuoted (good)).exitCode, 2);
    run = runSprocketCli ("loudness --threads 0 " + shellQuoted (good));
    EXPECT_EQ (run.exitCode, 2);
    EXPECT_NE (run.err.find ("--threads"), std::string::npos) << run.err;
}

TEST (LoudnessCliTest, OneThreadMeasuresExactlyWhatAllCoresDo)
{
    const auto folder = test::freshTempFolder ("loudness_threads");
    const auto file = writeTone (folder / "five.wav", 48000.0, { -20.0, -22.0, -24.0, -6.0, -26.0, -28.0 }, 8.0);
    const auto one = runSprocketCli ("loudness --json --threads 1 " + shellQuoted (file));
    const auto all = runSprocketCli ("loudness --json --threads 8 " + shellQuoted (file));
    ASSERT_EQ (one.exitCode, 0) << one.err;
    EXPECT_EQ (one.out, all.out);
}

#if SPROCKET_HAVE_EBUR128
namespace
{
struct Reference
{
    double integrated, range, truePeak, samplePeak, maxMomentary, maxShortTerm;
};

/** libebur128 on a file, its meters read every 100 ms. */
Reference libebur128 (const std::filesystem::path& file)
{
    auto reader = io::AudioFileReader::open (file);
    EXPECT_TRUE (reader.ok());
    const auto& info = (*reader)->info();
    auto* st = ebur128_init ((unsigned) info.channels, (unsigned long) info.sampleRate,
                             EBUR128_MODE_I | EBUR128_MODE_LRA | EBUR128_MODE_TRUE_PEAK);
    const int64_t step = (info.sampleRate + 5) / 10;
    std::vector<float> buffer ((size_t) (step * info.channels));
    Reference r { 0, 0, 0, 0, -HUGE_VAL, -HUGE_VAL };
    for (int64_t start = 0; start < info.frames; start += step)
    {
        const int64_t n = std::min (step, info.frames - start);
        EXPECT_TRUE ((*reader)->readInterleaved (start, buffer.data(), n).ok());
        ebur128_add_frames_float (st, buffer.data(), (size_t) n);
        if (n == step)
        {
            double m, s;
            ebur128_loudness_momentary (st, &m);
            ebur128_loudness_shortterm (st, &s);
            r.maxMomentary = std::max (r.maxMomentary, m);
            r.maxShortTerm = std::max (r.maxShortTerm, s);
        }
    }
    ebur128_loudness_global (st, &r.integrated);
    ebur128_loudness_range (st, &r.range);
    double tp = 0, sp = 0, v;
    for (unsigned c = 0; c < (unsigned) info.channels; ++c)
    {
        ebur128_true_peak (st, c, &v);
        tp = std::max (tp, v);
        ebur128_sample_peak (st, c, &v);
        sp = std::max (sp, v);
    }
    r.truePeak = 20.0 * std::log10 (tp);
    r.samplePeak = 20.0 * std::log10 (sp);
    ebur128_destroy (&st);
    return r;
}
} // namespace

TEST (LoudnessCliTest, FilesMadeBySoxAndEspeakAgreeWithLibebur128)
{
    if (! haveTool ("sox"))
        GTEST_SKIP() << "sox is not installed";
    const auto folder = test::freshTempFolder ("loudness_sox");
    std::vector<std::filesystem::path> files;
    auto sox = [&] (const std::string& name, const std::string& format, const std::string& effects) {
        const auto file = folder / name;
        // timeout: a sox command that never ends (say, a missing length) must not hang the suite.
        const auto command = "timeout 60 sox -R -n " + format + " " + shellQuoted (file) + " " + effects + " 2>/dev/null";
        ASSERT_EQ (std::system (command.c_str()), 0) << command;
        files.push_back (file);
    };
    sox ("pink48.wav", "-r 48000 -c 2 -b 24", "synth 20 pinknoise gain -18 tremolo 0.3 40");
    sox ("steps44.wav", "-r 44100 -c 2 -b 16",
         "synth 10 sine 1000 gain -20 : synth 10 sine 1000 gain -30 : synth 10 sine 500 gain -15");
    sox ("brown96_51.wav", "-r 96000 -c 6 -b 24", "synth 12 brownnoise gain -12");
    if (haveTool ("espeak-ng"))
    {
        const auto speech = folder / "speech.wav";
        std::system (("timeout 60 espeak-ng -w " + shellQuoted (folder / "raw.wav")
                      + " 'Reel two, scene twelve, take three. Quiet please, we are rolling. "
                        "Action. Where were you last night? I told you, I was at the station until midnight.' 2>/dev/null")
                         .c_str());
        std::system (("timeout 60 sox " + shellQuoted (folder / "raw.wav") + " -r 48000 -b 24 " + shellQuoted (speech)
                      + " pad 0.5 1 2>/dev/null")
                         .c_str());
        files.push_back (speech);
    }

    std::string arguments = "loudness --json";
    for (auto& file : files)
        arguments += " " + shellQuoted (file);
    auto run = runSprocketCli (arguments);
    ASSERT_EQ (run.exitCode, 0) << run.err;
    const auto json = nlohmann::json::parse (run.out);
    ASSERT_EQ (json.size(), files.size());
    for (size_t i = 0; i < files.size(); ++i)
    {
        SCOPED_TRACE (files[i].filename().string());
        const auto lib = libebur128 (files[i]);
        const auto& ours = json[i];
        const double rate = (double) io::probeAudioFile (files[i])->sampleRate;
        std::printf ("[cli oracle] %-16s I %+.4f  LRA %+.3f  TP %+.4f  SP %+.4f  maxM %+.3f  maxS %+.4f\n",
                     files[i].filename().c_str(), ours["integrated_lufs"].get<double>() - lib.integrated,
                     ours["loudness_range_lu"].get<double>() - lib.range, ours["true_peak_dbtp"].get<double>() - lib.truePeak,
                     ours["sample_peak_dbfs"].get<double>() - lib.samplePeak,
                     ours["max_momentary_lufs"].get<double>() - lib.maxMomentary,
                     ours["max_short_term_lufs"].get<double>() - lib.maxShortTerm);
        EXPECT_NEAR (ours["integrated_lufs"].get<double>(), lib.integrated, 0.1);
        EXPECT_NEAR (ours["loudness_range_lu"].get<double>(), lib.range, 0.1);
        EXPECT_NEAR (ours["sample_peak_dbfs"].get<double>(), lib.samplePeak, 0.001);
        EXPECT_NEAR (ours["max_short_term_lufs"].get<double>(), lib.maxShortTerm, 0.1);
        EXPECT_NEAR (ours["max_momentary_lufs"].get<double>(), lib.maxMomentary, 0.1);
        EXPECT_NEAR (ours["true_peak_dbtp"].get<double>(), lib.truePeak, rate < 96000.0 ? 0.1 : 0.3);
    }
}
#endif
