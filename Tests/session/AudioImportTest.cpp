#include "session/AudioImport.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"
#include "session/EditHistory.h"
#include "session/SessionJson.h"
#include "session/SessionValidator.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sprocket;
using namespace sprocket::session;

namespace
{
/** A 24-bit file whose channel c holds a ramp offset by c, with an optional BWF time and iXML. */
void writeRecording (const std::filesystem::path& file, int channels, int64_t frames, std::optional<int64_t> timeReference,
                     std::vector<std::string> trackNames = {})
{
    io::WriteSpec spec;
    spec.channels = channels;
    spec.sampleRate = 48000;
    spec.sampleFormat = io::SampleFormat::pcm24;
    if (timeReference)
    {
        io::BroadcastInfo bext;
        bext.description = "sc12 tk3";
        bext.timeReference = *timeReference;
        spec.bext = bext;
    }
    if (! trackNames.empty())
    {
        io::IxmlInfo ixml;
        ixml.scene = "12";
        for (size_t i = 0; i < trackNames.size(); ++i)
            ixml.tracks.push_back ({ int (i) + 1, trackNames[i] });
        spec.ixml = ixml;
    }
    auto writer = io::AudioFileWriter::create (file, spec);
    ASSERT_TRUE (writer.ok()) << writer.error().message;
    std::vector<std::vector<float>> audio (size_t (channels), std::vector<float> (static_cast<size_t> (frames)));
    std::vector<const float*> pointers;
    for (int c = 0; c < channels; ++c)
    {
        for (int64_t i = 0; i < frames; ++i)
            audio[size_t (c)][size_t (i)] = float ((i * 37 + c * 1000) % 8000000 - 4000000) / 8388608.0f;
        pointers.push_back (audio[size_t (c)].data());
    }
    ASSERT_TRUE ((*writer)->writePlanar (pointers.data(), frames));
    ASSERT_TRUE ((*writer)->finish());
}

std::vector<float> channelOf (const std::filesystem::path& file, int channel)
{
    auto reader = io::AudioFileReader::open (file);
    EXPECT_TRUE (reader.ok());
    const auto& info = (*reader)->info();
    std::vector<std::vector<float>> audio (size_t (info.channels), std::vector<float> (static_cast<size_t> (info.frames)));
    std::vector<float*> pointers;
    for (auto& a : audio)
        pointers.push_back (a.data());
    EXPECT_TRUE ((*reader)->readPlanar (0, pointers.data(), info.frames).ok());
    return audio[size_t (channel)];
}

Session emptySessionIn (const std::filesystem::path& folder)
{
    Session s;
    s.name = "Import";
    s.filePath = folder / "import.sprocket";
    s.frameRate = core::FrameRate::fps24;
    s.startTimecode = { 1, 0, 0, 0 };
    return s;
}
} // namespace

TEST (AudioImportTest, FilesLandAtThePlayheadOrAtTheirRecordedTime)
{
    const auto folder = test::freshTempFolder ("import_place");
    writeRecording (folder / "boom.wav", 1, 48000, (3600 + 5) * 48000); // recorded at 01:00:05:00
    writeRecording (folder / "music.wav", 2, 96000, std::nullopt);
    EditHistory h (emptySessionIn (folder));

    ImportOptions atPlayhead;
    atPlayhead.position = { 12345 };
    std::vector<std::string> made;
    const auto before = sessionToJson (h.session()).dump();
    ASSERT_TRUE (h.perform ("Import", [&] (auto& e) {
        return importAudioFiles (e, { folder / "boom.wav", folder / "music.wav" }, atPlayhead, &made);
    }));
    ASSERT_EQ (made.size(), 2u);
    const auto& s = h.session();
    ASSERT_EQ (s.tracks.size(), 2u);
    EXPECT_EQ (s.tracks[1].channels, 2);
    EXPECT_EQ (s.tracks[1].clips[0].position.samples, 12345);
    EXPECT_EQ (s.tracks[1].clips[0].length.samples, 96000);
    EXPECT_EQ (s.media[0].path, std::filesystem::path ("boom.wav")); // relative to the session's folder
    EXPECT_TRUE (validateStructure (s).empty());
    ASSERT_TRUE (h.undo());
    EXPECT_EQ (sessionToJson (h.session()).dump(), before);

    ImportOptions original;
    original.placement = ImportOptions::Placement::atOriginalTime;
    ASSERT_TRUE (h.perform ("Import", [&] (auto& e) { return importAudioFiles (e, { folder / "boom.wav" }, original); }));
    EXPECT_EQ (h.session().tracks[0].clips[0].position.samples, 5 * 48000);

    // No time reference: refused, naming the file, and nothing changes.
    const auto now = sessionToJson (h.session()).dump();
    auto refused = h.perform ("Import", [&] (auto& e) {
        return importAudioFiles (e, { folder / "boom.wav", folder / "music.wav" }, original);
    });
    ASSERT_FALSE (refused.ok());
    EXPECT_NE (refused.error().message.find ("music.wav"), std::string::npos);
    EXPECT_EQ (sessionToJson (h.session()).dump(), now);
    EXPECT_FALSE (
        h.perform ("Import", [&] (auto& e) { return importAudioFiles (e, { folder / "nothing.wav" }, original); }).ok());
}

TEST (AudioImportTest, PolyRecordingsSplitIntoNamedMonoTracksBitExactly)
{
    const auto folder = test::freshTempFolder ("import_poly");
    writeRecording (folder / "T003.wav", 4, 20000, (3600 + 2) * 48000, { "Mix", "Boom", "Lav Anna", "Lav/Ben" });
    EditHistory h (emptySessionIn (folder));
    ImportOptions options;
    options.placement = ImportOptions::Placement::atOriginalTime;
    options.splitFolder = folder / "Audio Files";
    std::filesystem::create_directories (options.splitFolder);
    ASSERT_TRUE (h.perform ("Import", [&] (auto& e) { return importAudioFiles (e, { folder / "T003.wav" }, options); }));

    const auto& s = h.session();
    ASSERT_EQ (s.tracks.size(), 4u);
    EXPECT_EQ (s.tracks[1].name, "T003_Boom");
    EXPECT_EQ (s.tracks[3].name, "T003_Lav_Ben");
    for (int c = 0; c < 4; ++c)
    {
        EXPECT_EQ (s.tracks[size_t (c)].channels, 1);
        EXPECT_EQ (s.tracks[size_t (c)].clips[0].position.samples, 2 * 48000);
        const auto mono = s.resolveMediaPath (*s.findMedia (s.tracks[size_t (c)].clips[0].mediaId));
        EXPECT_EQ (channelOf (mono, 0), channelOf (folder / "T003.wav", c)) << "channel " << c;
        auto info = io::probeAudioFile (mono);
        ASSERT_TRUE (info.ok());
        ASSERT_TRUE (info->bext.has_value());
        EXPECT_EQ (info->bext->timeReference, (3600 + 2) * 48000); // still spots to its time
        EXPECT_EQ (info->subtype, "PCM_24");
    }
    EXPECT_EQ (s.media[0].path, std::filesystem::path ("Audio Files/T003_Mix.wav"));

    // Without splitting, a three-channel file has no track to go on.
    writeRecording (folder / "odd.wav", 3, 1000, std::nullopt);
    options.splitPolyToMono = false;
    auto refused = h.perform ("Import", [&] (auto& e) { return importAudioFiles (e, { folder / "odd.wav" }, options); });
    ASSERT_FALSE (refused.ok());
    EXPECT_NE (refused.error().message.find ("3 channels"), std::string::npos);
}
