#pragma once

#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

namespace sprocket::test
{
/** Writes planar channels as a 32-bit float WAV at `rate` (exact, so tests compare samples). */
inline void writeFloatWav (const std::filesystem::path& file, const std::vector<std::vector<float>>& channels,
                           int64_t rate = 48000)
{
    io::WriteSpec spec;
    spec.channels = int (channels.size());
    spec.sampleRate = rate;
    spec.sampleFormat = io::SampleFormat::float32;
    auto writer = io::AudioFileWriter::create (file, spec);
    ASSERT_TRUE (writer.ok()) << writer.error().message;
    std::vector<const float*> pointers;
    for (auto& c : channels)
        pointers.push_back (c.data());
    ASSERT_TRUE ((*writer)->writePlanar (pointers.data(), int64_t (channels[0].size())));
    ASSERT_TRUE ((*writer)->finish());
}

/** Every channel of a file, whole. */
inline std::vector<std::vector<float>> readWholeFile (const std::filesystem::path& file)
{
    auto reader = io::AudioFileReader::open (file);
    EXPECT_TRUE (reader.ok()) << file;
    if (! reader.ok())
        return {};
    const auto& info = (*reader)->info();
    std::vector<std::vector<float>> channels (size_t (info.channels), std::vector<float> (static_cast<size_t> (info.frames)));
    std::vector<float*> pointers;
    for (auto& c : channels)
        pointers.push_back (c.data());
    EXPECT_TRUE ((*reader)->readPlanar (0, pointers.data(), info.frames).ok());
    return channels;
}
} // namespace sprocket::test
