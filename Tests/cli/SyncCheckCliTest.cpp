// `sprocket-cli synccheck` as a user runs it: leaders made by sox and ffmpeg with the pop moved
// off its place on purpose, a session whose clip holds the pop, and the ways it can go wrong.

#include "CliRun.h"

#include "core/Timecode.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>

using namespace sprocket;
using test::runSprocketCli;
using test::shellQuoted;

namespace
{
bool have (const char* tool)
{
    return std::system ((std::string ("command -v ") + tool + " > /dev/null 2>&1").c_str()) == 0;
}

void run (const std::filesystem::path& folder, const std::string& command)
{
    ASSERT_EQ (std::system (("cd " + shellQuoted (folder) + " && timeout 60 " + command + " 2>/dev/null").c_str()), 0) << command;
}

/** Silence, a one-frame 1 kHz beep made by sox at `popSample`, and two more seconds: what a
    leader's 2-pop looks like. */
std::filesystem::path soxLeader (const std::filesystem::path& folder, const std::string& name, int64_t rate, int64_t popSample,
                                 double beepSeconds = 0.0417, const std::string& beepEffects = "gain -20")
{
    const auto r = std::to_string (rate);
    run (folder, "sox -r " + r + " -n -c 1 -b 24 pre.wav trim 0 " + std::to_string (popSample) + "s");
    run (folder, "sox -r " + r + " -n -c 1 -b 24 beep.wav synth " + std::to_string (beepSeconds) + " sine 1000 " + beepEffects);
    run (folder, "sox -r " + r + " -n -c 1 -b 24 post.wav trim 0 2");
    run (folder, "sox pre.wav beep.wav post.wav " + shellQuoted (name));
    return folder / name;
}

/** The file again with a bext chunk whose time reference is `startSample` (as a recorder or a
    DAW writes it), through our own writer. */
void giveTimeReference (const std::filesystem::path& file, int64_t startSample)
{
    auto reader = io::AudioFileReader::open (file);
    ASSERT_TRUE (reader.ok()) << reader.error().message;
    const auto info = (*reader)->info();
    std::vector<float> samples ((size_t) (info.frames * info.channels));
    ASSERT_TRUE ((*reader)->readInterleaved (0, samples.data(), info.frames).ok());
    reader->reset();

    io::WriteSpec spec;
    spec.channels = info.channels;
    spec.sampleRate = info.sampleRate;
    spec.sampleFormat = io::SampleFormat::pcm24;
    spec.bext = io::BroadcastInfo {};
    spec.bext->timeReference = startSample;
    auto writer = io::AudioFileWriter::create (file, spec);
    ASSERT_TRUE (writer.ok()) << writer.error().message;
    ASSERT_TRUE ((*writer)->writeInterleaved (samples.data(), info.frames));
    ASSERT_TRUE ((*writer)->finish());
}

int64_t sampleAt (const std::string& timecode, core::FrameRate rate, int64_t sampleRate)
{
    return core::samplesSinceMidnight (*core::parseTimecode (timecode, rate), rate, sampleRate);
}

nlohmann::json syncCheckJson (const std::string& arguments, int expectedExit = 0)
{
    const auto result = runSprocketCli ("synccheck " + arguments + " --json");
    EXPECT_EQ (result.exitCode, expectedExit) << result.err;
    return nlohmann::json::parse (result.out);
}
} // namespace

TEST (SyncCheckCliTest, OffsetsPutInOnPurposeAreFoundExactlyAtEachFrameRate)
{
    if (! have ("sox"))
        GTEST_SKIP() << "sox is not installed";
    struct Case
    {
        const char* rateName;
        int64_t frames;  // whole frames the pop is moved by
        int64_t samples; // and then samples
        const char* foundTimecode;
    };
    const Case cases[] = { { "23.976", 3, 0, "00:59:58:03" },
                           { "25", -1, 0, "00:59:57:24" },
                           { "29.97df", 0, 240, "00:59:58;00" } };
    for (const auto& c : cases)
    {
        SCOPED_TRACE (c.rateName);
        const auto folder = test::freshTempFolder ("synccheck_offsets");
        const auto rate = *core::parseFrameRate (c.rateName);
        const int64_t start = sampleAt ("00:59:50:00", rate, 48000);
        const int64_t expected = sampleAt ("00:59:58:00", rate, 48000);
        const int64_t expectedFrame = core::frameCountFromSamples (expected, rate, 48000);
        const int64_t placed = core::samplesFromFrameCount (expectedFrame + c.frames, rate, 48000) + c.samples;
        const auto file = soxLeader (folder, "leader.wav", 48000, placed - start);
        giveTimeReference (file, start);

        const auto json = syncCheckJson (shellQuoted (file) + " --pop 00:59:58:00 --frame-rate " + c.rateName);
        EXPECT_EQ (json["found"], true);
        EXPECT_EQ (json["found_timecode"], c.foundTimecode);
        EXPECT_EQ (json["offset_samples"], placed - expected);
        EXPECT_EQ (json["offset_frames"], c.frames);
        EXPECT_EQ (json["frame_rate"], c.rateName);
        EXPECT_EQ (json["start_sample"], start);
        EXPECT_EQ (json["channel"], 1);
        EXPECT_NEAR (json["level_dbfs"].get<double>(), -20.0, 0.01);
    }
}

TEST (SyncCheckCliTest, TheTextReportSaysWhereAndHowLate)
{
    if (! have ("sox"))
        GTEST_SKIP() << "sox is not installed";
    const auto folder = test::freshTempFolder ("synccheck_text");
    const auto rate = core::FrameRate::fps23_976;
    const int64_t start = sampleAt ("00:59:50:00", rate, 48000);
    const auto file = soxLeader (folder, "reel 1.wav", 48000, sampleAt ("00:59:58:03", rate, 48000) - start);
    giveTimeReference (file, start);
    const auto result = runSprocketCli ("synccheck " + shellQuoted (file) + " --pop 00:59:58:00 --frame-rate 23.976");
    EXPECT_EQ (result.exitCode, 0) << result.err;
    EXPECT_NE (result.out.find ("2-pop at 00:59:58:03 (+3 frames, +6006 samples late)"), std::string::npos) << result.out;
}

TEST (SyncCheckCliTest, APopMadeByFfmpegWithItsOwnBextIsFoundAtTheDefaultRate)
{
    if (! have ("ffmpeg"))
        GTEST_SKIP() << "ffmpeg is not installed";
    const auto folder = test::freshTempFolder ("synccheck_ffmpeg");
    // No iXML and no --frame-rate: 24 fps. Start 00:59:50:00, pop 1 frame (2000 samples) early.
    const auto rate = core::FrameRate::fps24;
    const int64_t start = sampleAt ("00:59:50:00", rate, 48000);
    const int64_t placed = sampleAt ("00:59:57:23", rate, 48000);
    run (folder, "ffmpeg -nostdin -y -f lavfi -i sine=frequency=1000:sample_rate=48000:duration=0.0417 -af adelay="
                     + std::to_string (placed - start)
                     + "S,apad=pad_len=96000 -c:a pcm_s16le -write_bext 1 -metadata time_reference=" + std::to_string (start)
                     + " leader.wav");
    const auto json = syncCheckJson (shellQuoted (folder / "leader.wav") + " --pop 00:59:58:00");
    EXPECT_EQ (json["frame_rate"], "24");
    EXPECT_EQ (json["frame_rate_source"], "default");
    EXPECT_EQ (json["start_timecode"], "00:59:50:00");
    EXPECT_EQ (json["found_timecode"], "00:59:57:23");
    EXPECT_EQ (json["offset_samples"], -2000);
    EXPECT_EQ (json["offset_frames"], -1);
}

TEST (SyncCheckCliTest, TheFrameRateComesFromIxmlWhenNotGiven)
{
    const auto folder = test::freshTempFolder ("synccheck_ixml");
    const auto rate = core::FrameRate::fps25;
    const int64_t start = sampleAt ("09:59:58:00", rate, 48000);
    std::vector<float> samples (5 * 48000, 0.0f);
    const int64_t onset = sampleAt ("10:00:00:00", rate, 48000) - start + 1920 * 2; // two frames late
    for (int64_t k = 0; k < 1920; ++k)
        samples[(size_t) (onset + k)] = (float) (0.1 * std::sin (2.0 * 3.14159265358979323846 * 1000.0 * (double) k / 48000.0));
    io::WriteSpec spec;
    spec.channels = 1;
    spec.bext = io::BroadcastInfo {};
    spec.bext->timeReference = start;
    spec.ixml = io::IxmlInfo {};
    spec.ixml->timecodeRate = "25/1";
    spec.ixml->timecodeFlag = "NDF";
    auto writer = io::AudioFileWriter::create (folder / "take.wav", spec);
    ASSERT_TRUE (writer.ok());
    ASSERT_TRUE ((*writer)->writeInterleaved (samples.data(), (int64_t) samples.size()));
    ASSERT_TRUE ((*writer)->finish());

    const auto json = syncCheckJson (shellQuoted (folder / "take.wav") + " --pop 10:00:00:00");
    EXPECT_EQ (json["frame_rate"], "25");
    EXPECT_EQ (json["frame_rate_source"], "ixml");
    EXPECT_EQ (json["found_timecode"], "10:00:00:02");
    EXPECT_EQ (json["offset_samples"], 3840);
    EXPECT_EQ (json["offset_frames"], 2);
}

TEST (SyncCheckCliTest, NoPopExitsThreeAndALineUpToneIsNoPop)
{
    if (! have ("sox"))
        GTEST_SKIP() << "sox is not installed";
    const auto folder = test::freshTempFolder ("synccheck_none");
    const auto file = soxLeader (folder, "tone.wav", 48000, 48000, 1.0); // one second of 1 kHz
    const auto json = syncCheckJson (shellQuoted (file) + " --pop 00:00:01:00", 3);
    EXPECT_EQ (json["found"], false);
    EXPECT_TRUE (json["found_timecode"].is_null());
    EXPECT_TRUE (json["offset_samples"].is_null());

    const auto text = runSprocketCli ("synccheck " + shellQuoted (file) + " --pop 00:00:01:00");
    EXPECT_EQ (text.exitCode, 3);
    EXPECT_NE (text.err.find ("no 2-pop in tone.wav"), std::string::npos) << text.err;
}

TEST (SyncCheckCliTest, BadInputIsNamedAndExitsTwo)
{
    const auto folder = test::freshTempFolder ("synccheck_bad");
    auto result = runSprocketCli ("synccheck " + shellQuoted (folder / "missing.wav") + " --pop 00:59:58:00");
    EXPECT_EQ (result.exitCode, 2);
    EXPECT_NE (result.err.find ("missing.wav: no such file"), std::string::npos) << result.err;

    std::vector<float> silence (48000, 0.0f);
    io::WriteSpec spec;
    spec.channels = 1;
    auto writer = io::AudioFileWriter::create (folder / "silence.wav", spec);
    ASSERT_TRUE (writer.ok());
    ASSERT_TRUE ((*writer)->writeInterleaved (silence.data(), 48000));
    ASSERT_TRUE ((*writer)->finish());
    const auto silent = shellQuoted (folder / "silence.wav");

    for (const char* bad : { "00:59:58", "1:2:3:4:5", "00:61:00:00", "00:59:58:24", "soon" })
    {
        result = runSprocketCli ("synccheck " + silent + " --pop '" + bad + "'");
        EXPECT_EQ (result.exitCode, 2) << bad;
        EXPECT_NE (result.err.find ("--pop"), std::string::npos) << result.err;
        EXPECT_NE (result.err.find (bad), std::string::npos) << result.err;
    }
    result = runSprocketCli ("synccheck " + silent + " --pop '00:01:00;01' --frame-rate 29.97df"); // a dropped label
    EXPECT_EQ (result.exitCode, 2);

    result = runSprocketCli ("synccheck " + silent + " --pop 00:59:58:00 --frame-rate 31");
    EXPECT_EQ (result.exitCode, 2);
    EXPECT_NE (result.err.find ("--frame-rate"), std::string::npos) << result.err;

    result = runSprocketCli ("synccheck " + silent);
    EXPECT_EQ (result.exitCode, 2);
    EXPECT_NE (result.err.find ("usage: sprocket-cli synccheck"), std::string::npos) << result.err;

    result = runSprocketCli ("synccheck " + silent + " --pop 00:59:58:00 --track DX");
    EXPECT_EQ (result.exitCode, 2);
    EXPECT_NE (result.err.find ("--track needs a session"), std::string::npos) << result.err;

    std::ofstream (folder / "notes.wav") << "not audio at all";
    result = runSprocketCli ("synccheck " + shellQuoted (folder / "notes.wav") + " --pop 00:59:58:00");
    EXPECT_EQ (result.exitCode, 2);
    EXPECT_NE (result.err.find ("notes.wav"), std::string::npos) << result.err;
}

TEST (SyncCheckCliTest, ASessionIsCheckedOnItsPrintmasterFromItsStartTimecodeAndOneTrackAlone)
{
    if (! have ("sox"))
        GTEST_SKIP() << "sox is not installed";
    const auto folder = test::freshTempFolder ("synccheck_session");
    std::filesystem::create_directories (folder / "audio");
    const auto rate = core::FrameRate::fps23_976;
    const int64_t start = sampleAt ("00:59:50:00", rate, 48000);
    // DX 1 holds a pop 2 frames late; FX 1 one 5 frames late (so the two tracks can be told apart).
    soxLeader (folder / "audio", "dx.wav", 48000, sampleAt ("00:59:58:02", rate, 48000) - start);
    soxLeader (folder / "audio", "fx.wav", 48000, sampleAt ("00:59:58:05", rate, 48000) - start);
    const int64_t length = sampleAt ("00:59:58:05", rate, 48000) - start + 48000;
    auto clip = [&] (const char* id, const char* media) {
        return nlohmann::json { { "id", id },           { "media", media },   { "position", 0 },
                                { "source_offset", 0 }, { "length", length }, { "gain_db", 0.0 } };
    };
    nlohmann::json session = {
        { "format", "sprocket-session" },
        { "version", 1 },
        { "name", "Reel 2" },
        { "sample_rate", 48000 },
        { "frame_rate", "23.976" },
        { "start_timecode", "00:59:50:00" },
        { "media", { { { "id", "m1" }, { "path", "audio/dx.wav" } }, { { "id", "m2" }, { "path", "audio/fx.wav" } } } },
        { "buses", nlohmann::json::array() },
        { "master", { { "channels", 2 }, { "gain_db", 0.0 } } },
        { "tracks",
          { { { "id", "t1" }, { "name", "DX 1" }, { "channels", 1 }, { "output", "master" }, { "clips", { clip ("c1", "m1") } } },
            { { "id", "t2" },
              { "name", "FX 1" },
              { "channels", 1 },
              { "output", "master" },
              { "mute", true },
              { "clips", { clip ("c2", "m2") } } } } },
        { "markers", nlohmann::json::array() },
    };
    const auto file = folder / "reel2.sprocket";
    std::ofstream (file) << session.dump (2);

    auto json = syncCheckJson (shellQuoted (file) + " --pop 00:59:58:00");
    EXPECT_EQ (json["frame_rate"], "23.976");
    EXPECT_EQ (json["frame_rate_source"], "session");
    EXPECT_EQ (json["start_timecode"], "00:59:50:00");
    EXPECT_EQ (json["found_timecode"], "00:59:58:02");
    EXPECT_EQ (json["offset_samples"], 2 * 2002);
    EXPECT_EQ (json["offset_frames"], 2);
    EXPECT_EQ (json["checked"], "printmaster of Reel 2");

    // The muted FX track alone (--track unmutes what it checks), by name and by id.
    json = syncCheckJson (shellQuoted (file) + " --pop 00:59:58:00 --track 'FX 1'");
    EXPECT_EQ (json["offset_frames"], 5);
    EXPECT_EQ (json["checked"], "track FX 1 of Reel 2");
    json = syncCheckJson (shellQuoted (file) + " --pop 00:59:58:00 --track t1");
    EXPECT_EQ (json["offset_frames"], 2);

    const auto missing = runSprocketCli ("synccheck " + shellQuoted (file) + " --pop 00:59:58:00 --track MX");
    EXPECT_EQ (missing.exitCode, 2);
    EXPECT_NE (missing.err.find ("no track with the id or name 'MX'"), std::string::npos) << missing.err;
}

TEST (SyncCheckCliTest, TheMoviesFlashFrameGivesWhereThePopBelongs)
{
    if (! have ("sox") || ! have ("ffmpeg"))
        GTEST_SKIP() << "sox and ffmpeg make the test material";
    const auto folder = test::freshTempFolder ("synccheck-movie");
    // A 25 fps leader whose picture flashes white on frame 50 (01:00:02:00), tmcd 01:00:00:00.
    run (folder, "ffmpeg -nostdin -loglevel error -y -f lavfi -i \"color=c=0x202020:s=160x90:r=25:d=4\" -vf "
                 "\"drawbox=x=0:y=0:w=160:h=90:color=white:t=fill:enable='eq(n\\,50)'\" -c:v mpeg4 -g 12 "
                 "-timecode 01:00:00:00 leader.mov");
    // The programme from 01:00:00:00 with its pop three frames after the flash.
    const auto file = soxLeader (folder, "mix.wav", 48000, (50 + 3) * 1920);
    giveTimeReference (file, sampleAt ("01:00:00:00", core::FrameRate::fps25, 48000));

    const auto json = syncCheckJson (shellQuoted (file) + " --movie " + shellQuoted (folder / "leader.mov") + " --frame-rate 25");
    EXPECT_EQ (json["expected_timecode"], "01:00:02:00");
    EXPECT_EQ (json["found_timecode"], "01:00:02:03");
    EXPECT_EQ (json["offset_frames"], 3);
    EXPECT_EQ (json["offset_samples"], 3 * 1920);

    // --pop and --movie together, or a movie without a flash, are refused.
    EXPECT_EQ (runSprocketCli ("synccheck " + shellQuoted (file) + " --pop 01:00:02:00 --movie " + shellQuoted (folder / "leader.mov")).exitCode, 2);
    run (folder, "ffmpeg -nostdin -loglevel error -y -f lavfi -i \"color=c=0x202020:s=160x90:r=25:d=2\" -c:v mpeg4 -timecode 01:00:00:00 dark.mov");
    const auto dark = runSprocketCli ("synccheck " + shellQuoted (file) + " --movie " + shellQuoted (folder / "dark.mov"));
    EXPECT_EQ (dark.exitCode, 2);
    EXPECT_NE (dark.err.find ("no flash frame"), std::string::npos) << dark.err;
}
