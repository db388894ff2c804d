#pragma once

#include "core/Error.h"
#include "core/FrameRate.h"
#include "core/Timecode.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sprocket::video
{
/** One audio stream of a movie (a candidate guide track). */
struct MovieAudioStream
{
    int streamIndex = -1; // in the container
    std::string codec;    // FFmpeg's short name: "pcm_s16le", "aac"
    int channels = 0;
    int64_t sampleRate = 0;
};

/** What a reference movie is, read from its headers without decoding pictures. */
struct MovieInfo
{
    std::filesystem::path path;
    std::string container; // "mov", "mp4", "mkv", "mxf", or FFmpeg's demuxer name
    std::string codec;     // "h264", "mpeg4", "prores", ...
    int width = 0;
    int height = 0;
    int videoStreamIndex = -1;

    /** Pictures per second, exactly: 24000/1001 for 23.976. */
    core::FrameRatio frameRatio { 0, 1 };
    /** The session frame rate the movie runs at, when it is one. 29.97 and 59.94 are drop-frame
        when the movie's timecode says so (a ';' before the frames), non-drop otherwise. */
    std::optional<core::FrameRate> frameRate;

    /** Pictures in the movie. From the container's frame count where it stores one (QuickTime,
        MP4, MXF); otherwise from the stream's or the file's duration (`frameCountEstimated`). */
    int64_t frameCount = 0;
    bool frameCountEstimated = false;

    /** The timecode of the first picture as stored (tmcd track or "timecode" tag), "" if none. */
    std::string startTimecodeText;
    /** startTimecodeText parsed at frameRate; empty without a timecode or a session frame rate. */
    std::optional<core::Timecode> startTimecode;

    std::vector<MovieAudioStream> audioStreams;

    double durationSeconds() const noexcept;
    /** "23.976" for a session rate, else the ratio ("15/1"). */
    std::string frameRateText() const;
};

/** Reads a movie's facts. Fails, naming the file and giving FFmpeg's reason, for a missing
    file, one FFmpeg cannot open, or one without a video stream. [[any thread but audio]] */
core::Result<MovieInfo> openMovie (const std::filesystem::path& path);

/** The session frame rate a picture rate is, if any. Drop-frame only matters at 29.97 and
    59.94 and is chosen by `dropFrame`. */
std::optional<core::FrameRate> sessionFrameRateFor (core::FrameRatio ratio, bool dropFrame) noexcept;
} // namespace sprocket::video
