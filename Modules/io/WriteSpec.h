#pragma once

#include "io/AudioFormat.h"
#include "io/BroadcastInfo.h"
#include "io/IxmlInfo.h"

#include <cstdint>
#include <optional>

namespace sprocket::io
{
/** How AudioFileWriter lays out a new file. */
struct WriteSpec
{
    ContainerFormat container = ContainerFormat::wav;
    SampleFormat sampleFormat = SampleFormat::pcm24;
    int channels = 2;
    int64_t sampleRate = 48000;

    std::optional<BroadcastInfo> bext; // wav and rf64 only
    std::optional<IxmlInfo> ixml;      // wav and rf64 only

    /** For wav: how many frames will be written, when known. A known length that fits under
        the 4 GiB RIFF limit gives a plain WAV file. An unknown or larger one is written as RF64
        that downgrades itself on close when it turns out small enough - libsndfile downgrades
        to WAVEX (WAVE_FORMAT_EXTENSIBLE), not plain WAV. Ignored by other containers. */
    std::optional<int64_t> expectedFrames;
};
} // namespace sprocket::io
