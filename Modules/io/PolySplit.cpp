#include "io/PolySplit.h"

#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include <algorithm>

namespace sprocket::io
{
namespace
{
    SampleFormat formatOf (const std::string& subtype)
    {
        if (subtype == "PCM_16" || subtype == "PCM_S8" || subtype == "PCM_U8")
            return SampleFormat::pcm16;
        if (subtype == "PCM_32")
            return SampleFormat::pcm32;
        if (subtype == "FLOAT")
            return SampleFormat::float32;
        if (subtype == "DOUBLE")
            return SampleFormat::float64;
        return SampleFormat::pcm24;
    }

    /** A file-name-safe version of a recorder's track name ("Boom/MKH50" -> "Boom_MKH50"). */
    std::string safeName (std::string name)
    {
        for (auto& c : name)
            if (c == '/' || c == '\\' || c == ':' || c == '\0' || c == ' ')
                c = '_';
        return name;
    }
} // namespace

core::Result<std::vector<std::filesystem::path>> splitToMonoFiles (const std::filesystem::path& poly,
                                                                   const std::filesystem::path& folder)
{
    auto opened = AudioFileReader::open (poly);
    if (! opened)
        return opened.error();
    auto& reader = **opened;
    const auto& info = reader.info();

    std::vector<std::unique_ptr<AudioFileWriter>> writers;
    std::vector<std::filesystem::path> files;
    for (int c = 0; c < info.channels; ++c)
    {
        std::string label = std::to_string (c + 1);
        IxmlInfo ixml = info.ixml.value_or (IxmlInfo {});
        if (info.ixml)
        {
            // iXML numbers channels from 1.
            auto named = std::find_if (info.ixml->tracks.begin(), info.ixml->tracks.end(),
                                       [&] (auto& t) { return t.channelIndex == c + 1 && ! t.name.empty(); });
            if (named != info.ixml->tracks.end())
                label = safeName (named->name);
            ixml.tracks.clear();
            if (named != info.ixml->tracks.end())
                ixml.tracks.push_back ({ 1, named->name });
        }
        auto file = folder / (poly.stem().string() + "_" + label + ".wav");
        for (int n = 2; std::find (files.begin(), files.end(), file) != files.end(); ++n)
            file = folder / (poly.stem().string() + "_" + label + "_" + std::to_string (n) + ".wav");

        WriteSpec spec;
        spec.channels = 1;
        spec.sampleRate = info.sampleRate;
        spec.sampleFormat = formatOf (info.subtype);
        spec.bext = info.bext;
        if (info.ixml)
            spec.ixml = ixml;
        spec.expectedFrames = info.frames;
        auto writer = AudioFileWriter::create (file, spec);
        if (! writer)
            return writer.error();
        writers.push_back (std::move (writer.value()));
        files.push_back (file);
    }

    constexpr int64_t chunk = 65536;
    std::vector<float> samples (size_t (chunk) * size_t (info.channels));
    std::vector<float*> pointers;
    for (int c = 0; c < info.channels; ++c)
        pointers.push_back (samples.data() + size_t (c) * size_t (chunk));
    for (int64_t start = 0; start < info.frames; start += chunk)
    {
        const int64_t n = std::min (chunk, info.frames - start);
        if (auto read = reader.readPlanar (start, pointers.data(), n); ! read)
            return read.error();
        for (int c = 0; c < info.channels; ++c)
        {
            const float* channel[] = { pointers[size_t (c)] };
            if (auto written = writers[size_t (c)]->writePlanar (channel, n); ! written)
                return written.error();
        }
    }
    for (auto& writer : writers)
        if (auto finished = writer->finish(); ! finished)
            return finished.error();
    return files;
}
} // namespace sprocket::io
