#include "session/MediaCheck.h"
#include "io/AudioFileWriter.h"
#include "session/SessionFile.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace sprocket;
using namespace sprocket::session;

namespace
{
void writeSilence (const std::filesystem::path& file, int channels, int64_t rate, int64_t frames)
{
    io::WriteSpec spec;
    spec.channels = channels;
    spec.sampleRate = rate;
    auto writer = io::AudioFileWriter::create (file, spec);
    ASSERT_TRUE (writer.ok()) << writer.error().message;
    std::vector<float> silence (size_t (frames * channels), 0.0f);
    ASSERT_TRUE ((*writer)->writeInterleaved (silence.data(), frames));
    ASSERT_TRUE ((*writer)->finish());
}

Session sessionIn (const std::filesystem::path& folder)
{
    Session s;
    s.filePath = folder / "test.sprocket";
    s.media = { { "m1", "a.wav" }, { "m2", "b.wav" } };
    Track track;
    track.id = "t1";
    track.channels = 1;
    Clip clip;
    clip.id = "c1";
    clip.mediaId = "m1";
    clip.length = { 1000 };
    track.clips.push_back (clip);
    s.tracks.push_back (track);
    return s;
}
} // namespace

TEST (MediaCheckTest, ReportsMissingMediaClipsPastTheEndAndChannelMismatch)
{
    const auto folder = test::freshTempFolder ("mediacheck");
    writeSilence (folder / "a.wav", 1, 48000, 1000);

    auto s = sessionIn (folder);
    auto problems = checkMedia (s);
    ASSERT_EQ (problems.size(), 1u);
    EXPECT_EQ (problems[0].path, "media[1].path");
    EXPECT_NE (problems[0].message.find ("b.wav"), std::string::npos);

    s.tracks[0].clips[0].sourceOffset = { 1 };
    problems = checkMedia (s);
    ASSERT_EQ (problems.size(), 2u);
    EXPECT_EQ (problems[1].path, "tracks[0].clips[0]");
    EXPECT_NE (problems[1].message.find ("past the end"), std::string::npos);

    writeSilence (folder / "b.wav", 2, 48000, 1000);
    s.tracks[0].clips[0].sourceOffset = { 0 };
    s.tracks[0].clips[0].mediaId = "m2";
    problems = checkMedia (s);
    ASSERT_EQ (problems.size(), 1u);
    EXPECT_EQ (problems[0].path, "tracks[0].clips[0].media");
    EXPECT_NE (problems[0].message.find ("2 channel"), std::string::npos);
}

TEST (MediaCheckTest, MediaAtAnotherRateAreMeasuredAtTheSessionRate)
{
    EXPECT_EQ (lengthAtSessionRate (44100, 44100, 48000), 48000);
    EXPECT_EQ (lengthAtSessionRate (96000, 96000, 48000), 48000);
    EXPECT_EQ (lengthAtSessionRate (12345, 48000, 48000), 12345);

    const auto folder = test::freshTempFolder ("mediacheck_rate");
    writeSilence (folder / "a.wav", 1, 44100, 441);
    auto s = sessionIn (folder);
    s.media.pop_back();
    s.tracks[0].clips[0].length = { 480 };
    EXPECT_TRUE (checkMedia (s).empty());
    s.tracks[0].clips[0].length = { 481 };
    EXPECT_EQ (checkMedia (s).size(), 1u);
}

TEST (MediaCheckTest, CorruptMediaIsReportedByName)
{
    const auto folder = test::freshTempFolder ("mediacheck_corrupt");
    {
        std::ofstream bad (folder / "a.wav");
        bad << "this is not audio";
    }
    writeSilence (folder / "b.wav", 1, 48000, 1000);
    auto problems = checkMedia (sessionIn (folder));
    ASSERT_EQ (problems.size(), 1u);
    EXPECT_EQ (problems[0].path, "media[0].path");
    EXPECT_NE (problems[0].message.find ("a.wav"), std::string::npos);
}
