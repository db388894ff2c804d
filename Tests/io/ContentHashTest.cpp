// The content hash a relink recognises media by: the sound, not the name or the header.
#include "io/AudioFileWriter.h"
#include "io/FileDigest.h"

#include "../support/TempFolder.h"
#include "../support/TestAudioFiles.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>

using namespace sprocket;

namespace
{
std::vector<float> tone (int64_t frames, double hz)
{
    std::vector<float> samples (size_t (frames), 0.0f);
    for (int64_t i = 0; i < frames; ++i)
        samples[size_t (i)] = float (0.5 * std::sin (2.0 * M_PI * hz * double (i) / 48000.0));
    return samples;
}

/** The hash as docs/SESSION_FORMAT.md defines it, computed by `md5sum` over the bytes it names. */
std::string hashByTheDefinition (const std::vector<std::vector<float>>& channels, const std::filesystem::path& scratch)
{
    const auto frames = int64_t (channels[0].size());
    {
        std::ofstream out (scratch, std::ios::binary);
        out << "frames:" << frames << " channels:" << channels.size() << "\n";
        for (int64_t i = 0; i < std::min<int64_t> (frames, int64_t (1) << 19); ++i)
            for (auto& channel : channels)
                out.write (reinterpret_cast<const char*> (&channel[size_t (i)]), sizeof (float));
    }
    std::string command = "md5sum '" + scratch.string() + "'";
    std::string output (32, ' ');
    FILE* pipe = popen (command.c_str(), "r");
    if (pipe == nullptr || std::fread (output.data(), 1, 32, pipe) != 32)
        output.clear();
    if (pipe != nullptr)
        pclose (pipe);
    return output;
}
} // namespace

TEST (ContentHashTest, IsTheMd5OfTheDocumentedBytes)
{
    const auto folder = test::freshTempFolder ("content-hash");
    // Longer than the hashed part (2^19 frames), stereo: only the first 2^19 frames count.
    const std::vector<std::vector<float>> channels { tone (600000, 440.0), tone (600000, 1000.0) };
    test::writeFloatWav (folder / "a.wav", channels);
    const auto hash = io::audioContentHash (folder / "a.wav");
    ASSERT_TRUE (hash) << hash.error().message;
    EXPECT_EQ (*hash, hashByTheDefinition (channels, folder / "bytes"));
    EXPECT_EQ (hash->size(), 32u);

    // Short mono files are hashed whole.
    const std::vector<std::vector<float>> mono { tone (1000, 220.0) };
    test::writeFloatWav (folder / "short.wav", mono);
    EXPECT_EQ (*io::audioContentHash (folder / "short.wav"), hashByTheDefinition (mono, folder / "bytes"));
}

TEST (ContentHashTest, ACopyUnderAnotherNameOrFormatKeepsItAnotherSoundDoesNot)
{
    const auto folder = test::freshTempFolder ("content-hash-same");
    const auto sox = [&] (const std::string& arguments) {
        return std::system (("cd '" + folder.string() + "' && sox " + arguments).c_str());
    };
    // 16-bit files (integers survive sox's conversions exactly), one in another container.
    ASSERT_EQ (sox ("-n -r 48000 -c 1 -b 16 take1.wav synth 1 sine 440 vol 0.5"), 0);
    ASSERT_EQ (sox ("take1.wav take1.aiff"), 0);
    ASSERT_EQ (sox ("-n -r 48000 -c 1 -b 16 other.wav synth 1 sine 441 vol 0.5"), 0);
    ASSERT_EQ (sox ("-n -r 48000 -c 1 -b 16 longer.wav synth 1.001 sine 440 vol 0.5"), 0);
    std::filesystem::copy_file (folder / "take1.wav", folder / "renamed.wav");

    const auto original = *io::audioContentHash (folder / "take1.wav");
    EXPECT_EQ (*io::audioContentHash (folder / "renamed.wav"), original);
    EXPECT_EQ (*io::audioContentHash (folder / "take1.aiff"), original);
    EXPECT_NE (*io::audioContentHash (folder / "other.wav"), original);
    EXPECT_NE (*io::audioContentHash (folder / "longer.wav"), original);

    const auto missing = io::audioContentHash (folder / "none.wav");
    ASSERT_FALSE (missing);
    EXPECT_NE (missing.error().message.find ("none.wav"), std::string::npos);
}
