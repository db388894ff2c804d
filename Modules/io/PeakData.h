#pragma once

#include "core/Error.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

namespace sprocket::io
{
/** The lowest and highest sample of a stretch of audio, as 16-bit values (full scale 32767). */
struct PeakPair
{
    int16_t min = 0;
    int16_t max = 0;

    bool operator== (const PeakPair&) const = default;
};

/** When and how big a media file was: a peak file made from other bytes is stale. */
struct MediaStamp
{
    uintmax_t size = 0;
    int64_t modified = 0; // nanoseconds since the file clock's epoch

    bool operator== (const MediaStamp&) const = default;
};

core::Result<MediaStamp> stampOf (const std::filesystem::path& media);

/** A media file's waveform overview at several resolutions, so clips draw at any zoom without
    reading audio: per channel, the min and max of every `baseBlock` samples (level 0), of every
    `levelFactor` level-0 peaks (level 1), and so on up to one peak for the whole file. */
class PeakData
{
public:
    static constexpr int64_t baseBlock = 256;
    static constexpr int64_t levelFactor = 16;

    PeakData() = default;
    PeakData (int channels, int64_t frames, int64_t sampleRate, MediaStamp stamp);

    int channels() const noexcept { return numChannels; }
    int64_t frames() const noexcept { return numFrames; }
    int64_t sampleRate() const noexcept { return rate; }
    const MediaStamp& stamp() const noexcept { return mediaStamp; }
    int levelCount() const noexcept { return int (levels.size()); }
    static int64_t samplesPerPeak (int level) noexcept;

    /** What `pixels` columns of `samplesPerPixel` media frames each, from `start`, look like on
        `channel`: each column's min and max, from the coarsest level fine enough. Columns
        outside the file are silent. */
    void overview (int channel, double start, double samplesPerPixel, int pixels, PeakPair* columns) const;

    /** Level 0 is filled while building; the coarser levels are derived from it. */
    void setBasePeak (int64_t index, int channel, PeakPair peak) noexcept;
    void deriveLevels();

    core::Status save (const std::filesystem::path& file) const;
    static core::Result<PeakData> load (const std::filesystem::path& file);

    bool operator== (const PeakData&) const = default;

private:
    int numChannels = 0;
    int64_t numFrames = 0;
    int64_t rate = 0;
    MediaStamp mediaStamp;
    std::vector<std::vector<PeakPair>> levels; // [level][peak * channels + channel]
};

/** Reads `media` once and computes its peaks. `progress` gets 0..1 and returns false to cancel
    (then the result is an error saying so). [[background thread]] */
core::Result<PeakData> buildPeaks (const std::filesystem::path& media, const std::function<bool (double)>& progress = {});

/** Where a media file's peaks are kept: beside it as "<file>.peaks", or, when that folder
    cannot be written (shared, read-only storage), in `cacheFolder` under a name made from the
    media's full path. */
std::filesystem::path peakFileBeside (const std::filesystem::path& media);
std::filesystem::path peakFileInCache (const std::filesystem::path& media, const std::filesystem::path& cacheFolder);

/** The media's peaks: loaded from its peak file when that matches the media's size and time,
    otherwise built and saved (beside the media, else in the cache folder). */
core::Result<PeakData> loadOrBuildPeaks (const std::filesystem::path& media, const std::filesystem::path& cacheFolder,
                                         const std::function<bool (double)>& progress = {});
} // namespace sprocket::io
