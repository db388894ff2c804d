#pragma once

#include "core/Error.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace sprocket::engine
{
/** Reads an impulse response file for the convolution reverb as planar float channels at
    sampleRate, converted by libsoxr (io::ResamplingReader, very high quality) when the file is
    at another rate and scaled by the rate ratio so its gain is kept. Refuses empty files and IRs longer than maxSeconds (a mistaken pick of a
    whole soundtrack would otherwise take gigabytes and minutes of FFTs). The error says why;
    the caller adds the file name. [[message thread]] or any thread but the audio thread. */
core::Result<std::vector<std::vector<float>>> readImpulseResponse (const std::filesystem::path& file, int64_t sampleRate,
                                                                   double maxSeconds = 30.0);
} // namespace sprocket::engine
