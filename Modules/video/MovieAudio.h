#pragma once

#include "core/Error.h"

#include <cstdint>
#include <filesystem>

namespace sprocket::video
{
/** What extractMovieAudio wrote. */
struct GuideAudio
{
    std::filesystem::path path;
    int channels = 0;
    int64_t sampleRate = 0;
    int64_t frames = 0;
    /** bext time reference: samples since midnight at the movie's start timecode (0 without one). */
    int64_t timeReference = 0;
    /** Silence added (positive) or samples dropped (negative) at the front so that the file's
        first sample is the movie's first picture. */
    int64_t alignmentSamples = 0;
};

/** Decodes one audio stream of a movie (the `audioStreamOrdinal`-th, 0 = first) into a 32-bit
    float WAV, so it can be imported as a guide track. The file starts where the movie's first
    picture does and its bext time reference is the movie's start timecode, so a spot-to-timecode
    places it in sync. Written atomically (io::AudioFileWriter). Errors name the movie. Not for
    the audio thread. */
core::Result<GuideAudio> extractMovieAudio (const std::filesystem::path& movie, const std::filesystem::path& outputWav,
                                            int audioStreamOrdinal = 0);
} // namespace sprocket::video
