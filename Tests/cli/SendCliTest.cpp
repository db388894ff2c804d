// `sprocket-cli render` of a session whose reverb return is fed by an aux send.
#include "CliRun.h"

#include "core/Decibels.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace sprocket;

namespace
{
std::string quoted (const std::filesystem::path& p)
{
    return "'" + p.string() + "'";
}

/** A 1 kHz tone at -20 dBFS (1 s) on a dialogue track into DX, sending post-fader at -6 dB
    into a VERB return with a room reverb (muted send when `muted`). */
std::filesystem::path reverbSession (const std::filesystem::path& folder, bool muted)
{
    io::WriteSpec spec;
    spec.channels = 1;
    spec.sampleFormat = io::SampleFormat::float32;
    auto writer = io::AudioFileWriter::create (folder / "tone.wav", spec);
    EXPECT_TRUE (writer.ok());
    std::vector<float> samples (48000);
    for (size_t i = 0; i < samples.size(); ++i)
        samples[i] = float (core::gainFromDb (-20.0) * std::sin (2.0 * std::numbers::pi * 1000.0 * double (i) / 48000.0));
    EXPECT_TRUE ((*writer)->writeInterleaved (samples.data(), 48000));
    EXPECT_TRUE ((*writer)->finish());
    auto session = nlohmann::json::parse (R"({
      "format": "sprocket-session", "version": 1, "name": "Verb", "sample_rate": 48000, "frame_rate": "24",
      "media": [ { "id": "m", "path": "tone.wav" } ],
      "buses": [ { "id": "DX" }, { "id": "VERB", "inserts": [ { "type": "room_reverb", "params": { "decay_s": 1.5 } } ] } ],
      "tracks": [ { "id": "D1", "channels": 1, "output": "DX", "gain_db": -3,
                    "sends": [ { "id": "s1", "to": "VERB", "gain_db": -6 } ],
                    "clips": [ { "id": "c", "media": "m", "position": 0, "length": 48000 } ] } ]
    })");
    session["tracks"][0]["sends"][0]["mute"] = muted;
    const auto file = folder / (muted ? "muted.sprocket" : "verb.sprocket");
    std::ofstream (file) << session.dump (2);
    return file;
}

double peakOf (const std::filesystem::path& file)
{
    auto reader = io::AudioFileReader::open (file);
    EXPECT_TRUE (reader.ok());
    const int64_t frames = (*reader)->info().frames;
    const int channels = (*reader)->info().channels;
    std::vector<float> interleaved (size_t (frames * channels));
    EXPECT_TRUE ((*reader)->readInterleaved (0, interleaved.data(), frames).ok());
    double peak = 0.0;
    for (float v : interleaved)
        peak = std::max (peak, double (std::abs (v)));
    return peak;
}
} // namespace

TEST (SendCliTest, RenderFeedsTheReverbReturnThroughTheSend)
{
    const auto folder = test::freshTempFolder ("cli_sends");
    auto run = test::runSprocketCli ("render " + quoted (reverbSession (folder, false)) + " -o " + quoted (folder / "out")
                                     + " --stems --bit-depth 32f");
    ASSERT_EQ (run.exitCode, 0) << run.err;
    EXPECT_GT (peakOf (folder / "out/Verb_VERB.wav"), core::gainFromDb (-60.0)); // a reverb of a -32 dB peak send
    // -20 dBFS, fader -3 dB, mono to stereo at -3 dB (0.7071): the dry stem.
    EXPECT_NEAR (peakOf (folder / "out/Verb_DX.wav"), core::gainFromDb (-23.0) * std::sqrt (0.5), 1e-6);

    run = test::runSprocketCli ("render " + quoted (reverbSession (folder, true)) + " -o " + quoted (folder / "muted")
                                + " --stems --bit-depth 32f");
    ASSERT_EQ (run.exitCode, 0) << run.err;
    EXPECT_EQ (peakOf (folder / "muted/Verb_VERB.wav"), 0.0);
}
