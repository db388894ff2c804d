#include "io/PeakData.h"

#include "io/AudioFileReader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>

#include <unistd.h>

namespace sprocket::io
{
namespace
{
    constexpr char magic[8] = { 'S', 'P', 'R', 'K', 'P', 'E', 'A', 'K' };
    constexpr uint32_t formatVersion = 1;

    int16_t toPeakValue (float sample)
    {
        return int16_t (std::lround (std::clamp (sample, -1.0f, 1.0f) * 32767.0f));
    }

    template <typename T>
    void put (std::ofstream& out, T value)
    {
        out.write (reinterpret_cast<const char*> (&value), sizeof (T));
    }

    template <typename T>
    bool get (std::ifstream& in, T& value)
    {
        return bool (in.read (reinterpret_cast<char*> (&value), sizeof (T)));
    }
} // namespace

core::Result<MediaStamp> stampOf (const std::filesystem::path& media)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size (media, ec);
    if (ec)
        return core::makeError (media.string() + ": " + ec.message());
    const auto time = std::filesystem::last_write_time (media, ec);
    if (ec)
        return core::makeError (media.string() + ": " + ec.message());
    return MediaStamp { size, int64_t (std::chrono::duration_cast<std::chrono::nanoseconds> (time.time_since_epoch()).count()) };
}

PeakData::PeakData (int channels, int64_t frames, int64_t sampleRate, MediaStamp stamp)
    : numChannels (channels), numFrames (frames), rate (sampleRate), mediaStamp (stamp)
{
    if (frames > 0 && channels > 0)
        levels.emplace_back (size_t ((frames + baseBlock - 1) / baseBlock) * size_t (channels));
}

int64_t PeakData::samplesPerPeak (int level) noexcept
{
    int64_t samples = baseBlock;
    for (int l = 0; l < level; ++l)
        samples *= levelFactor;
    return samples;
}

void PeakData::setBasePeak (int64_t index, int channel, PeakPair peak) noexcept
{
    levels[0][size_t (index) * size_t (numChannels) + size_t (channel)] = peak;
}

void PeakData::deriveLevels()
{
    if (levels.empty())
        return;
    levels.resize (1);
    while (levels.back().size() > size_t (numChannels))
    {
        const auto& finer = levels.back();
        const size_t finerCount = finer.size() / size_t (numChannels);
        const size_t count = (finerCount + levelFactor - 1) / levelFactor;
        std::vector<PeakPair> coarser (count * size_t (numChannels));
        for (size_t i = 0; i < count; ++i)
            for (int c = 0; c < numChannels; ++c)
            {
                PeakPair merged { INT16_MAX, INT16_MIN };
                const size_t last = std::min (finerCount, (i + 1) * levelFactor);
                for (size_t j = i * levelFactor; j < last; ++j)
                {
                    const auto& p = finer[j * size_t (numChannels) + size_t (c)];
                    merged.min = std::min (merged.min, p.min);
                    merged.max = std::max (merged.max, p.max);
                }
                coarser[i * size_t (numChannels) + size_t (c)] = merged;
            }
        levels.push_back (std::move (coarser));
    }
}

void PeakData::overview (int channel, double start, double samplesPerPixel, int pixels, PeakPair* columns) const
{
    int level = 0;
    while (level + 1 < levelCount() && double (samplesPerPeak (level + 1)) <= samplesPerPixel)
        ++level;
    const double perPeak = double (samplesPerPeak (level));
    const int64_t count = levels.empty() ? 0 : int64_t (levels[size_t (level)].size()) / numChannels;
    for (int p = 0; p < pixels; ++p)
    {
        const double from = std::max (0.0, start + p * samplesPerPixel);
        const double to = std::min (double (numFrames), start + (p + 1) * samplesPerPixel);
        columns[p] = {};
        if (to <= from || channel < 0 || channel >= numChannels)
            continue;
        const int64_t first = int64_t (from / perPeak);
        const int64_t last = std::min (count, std::max (first + 1, int64_t (std::ceil (to / perPeak))));
        PeakPair merged { INT16_MAX, INT16_MIN };
        for (int64_t i = first; i < last; ++i)
        {
            const auto& peak = levels[size_t (level)][size_t (i) * size_t (numChannels) + size_t (channel)];
            merged.min = std::min (merged.min, peak.min);
            merged.max = std::max (merged.max, peak.max);
        }
        if (first < last)
            columns[p] = merged;
    }
}

core::Status PeakData::save (const std::filesystem::path& file) const
{
    // Written aside and renamed, so a reader on shared storage never sees half a file.
    const auto temporary = file.parent_path() / ("." + file.filename().string() + "." + std::to_string (::getpid()) + ".partial");
    {
        std::ofstream out (temporary, std::ios::binary | std::ios::trunc);
        if (! out)
            return core::makeError (file.string() + ": cannot write the peak file");
        out.write (magic, sizeof magic);
        put (out, formatVersion);
        put (out, uint32_t (numChannels));
        put (out, numFrames);
        put (out, rate);
        put (out, uint64_t (mediaStamp.size));
        put (out, mediaStamp.modified);
        put (out, uint32_t (levels.size()));
        for (auto& level : levels)
        {
            put (out, uint64_t (level.size()));
            out.write (reinterpret_cast<const char*> (level.data()), std::streamsize (level.size() * sizeof (PeakPair)));
        }
        if (! out.flush())
        {
            std::filesystem::remove (temporary);
            return core::makeError (file.string() + ": writing the peak file failed");
        }
    }
    std::error_code ec;
    std::filesystem::rename (temporary, file, ec);
    if (ec)
    {
        std::filesystem::remove (temporary);
        return core::makeError (file.string() + ": " + ec.message());
    }
    return {};
}

core::Result<PeakData> PeakData::load (const std::filesystem::path& file)
{
    std::ifstream in (file, std::ios::binary);
    if (! in)
        return core::makeError (file.string() + ": cannot open the peak file");
    const auto bad = [&] (const std::string& why) { return core::makeError (file.string() + ": " + why); };
    char header[sizeof magic];
    uint32_t version = 0, channels = 0, levelCount = 0;
    uint64_t size = 0;
    PeakData data;
    if (! in.read (header, sizeof header) || std::memcmp (header, magic, sizeof magic) != 0)
        return bad ("not a Sprocket peak file");
    if (! get (in, version) || version != formatVersion)
        return bad ("peak file version " + std::to_string (version) + " is not supported");
    if (! get (in, channels) || ! get (in, data.numFrames) || ! get (in, data.rate) || ! get (in, size)
        || ! get (in, data.mediaStamp.modified) || ! get (in, levelCount) || channels == 0 || channels > 64 || levelCount > 64)
        return bad ("damaged peak file header");
    data.numChannels = int (channels);
    data.mediaStamp.size = size;
    for (uint32_t l = 0; l < levelCount; ++l)
    {
        uint64_t count = 0;
        if (! get (in, count) || count % channels != 0 || count > (uint64_t (1) << 40))
            return bad ("damaged peak file level " + std::to_string (l));
        std::vector<PeakPair> level (count);
        if (! in.read (reinterpret_cast<char*> (level.data()), std::streamsize (count * sizeof (PeakPair))))
            return bad ("peak file is cut short");
        data.levels.push_back (std::move (level));
    }
    const auto expectedBase = size_t ((data.numFrames + baseBlock - 1) / baseBlock) * channels;
    if (data.numFrames > 0 && (data.levels.empty() || data.levels[0].size() != expectedBase))
        return bad ("peak file does not match its own frame count");
    return data;
}

core::Result<PeakData> buildPeaks (const std::filesystem::path& media, const std::function<bool (double)>& progress)
{
    auto stamp = stampOf (media);
    if (! stamp)
        return stamp.error();
    auto opened = AudioFileReader::open (media);
    if (! opened)
        return opened.error();
    auto& reader = **opened;
    const auto& info = reader.info();
    PeakData data (info.channels, info.frames, info.sampleRate, *stamp);

    constexpr int64_t chunk = PeakData::baseBlock * 256; // 65536 frames a read
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
            const float* channel = pointers[size_t (c)];
            for (int64_t block = 0; block < n; block += PeakData::baseBlock)
            {
                const int64_t end = std::min (n, block + PeakData::baseBlock);
                float low = channel[block], high = channel[block];
                for (int64_t i = block + 1; i < end; ++i)
                {
                    low = std::min (low, channel[i]);
                    high = std::max (high, channel[i]);
                }
                data.setBasePeak ((start + block) / PeakData::baseBlock, c, { toPeakValue (low), toPeakValue (high) });
            }
        }
        if (progress && ! progress (double (start + n) / double (info.frames)))
            return core::makeError (media.string() + ": building peaks was cancelled");
    }
    data.deriveLevels();
    return data;
}

std::filesystem::path peakFileBeside (const std::filesystem::path& media)
{
    return media.parent_path() / (media.filename().string() + ".peaks");
}

std::filesystem::path peakFileInCache (const std::filesystem::path& media, const std::filesystem::path& cacheFolder)
{
    const auto absolute = std::filesystem::absolute (media).lexically_normal().string();
    char hash[17];
    std::snprintf (hash, sizeof hash, "%016zx", std::hash<std::string> {}(absolute));
    return cacheFolder / (std::string (hash) + "_" + media.filename().string() + ".peaks");
}

core::Result<PeakData> loadOrBuildPeaks (const std::filesystem::path& media, const std::filesystem::path& cacheFolder,
                                         const std::function<bool (double)>& progress)
{
    auto stamp = stampOf (media);
    if (! stamp)
        return stamp.error();
    const auto beside = peakFileBeside (media);
    const auto cached = peakFileInCache (media, cacheFolder);
    for (const auto& candidate : { beside, cached })
        if (std::filesystem::exists (candidate))
            if (auto loaded = PeakData::load (candidate); loaded && loaded->stamp() == *stamp)
                return loaded;

    auto built = buildPeaks (media, progress);
    if (! built)
        return built;
    if (! built->save (beside))
    {
        std::error_code ec;
        std::filesystem::create_directories (cacheFolder, ec);
        (void)built->save (cached); // without anywhere to keep them, the peaks still draw this time
    }
    return built;
}
} // namespace sprocket::io
