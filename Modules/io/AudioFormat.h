#pragma once

#include "core/Error.h"

#include <string_view>

namespace sprocket::io
{
/** The containers Sprocket writes. Names: "wav", "rf64", "aiff", "flac". */
enum class ContainerFormat
{
    wav,
    rf64,
    aiff,
    flac
};

/** Sample encodings Sprocket writes. Names: "pcm16", "pcm24", "pcm32", "float32", "float64". */
enum class SampleFormat
{
    pcm16,
    pcm24,
    pcm32,
    float32,
    float64
};

core::Result<ContainerFormat> parseContainerFormat (std::string_view name);
std::string_view containerFormatName (ContainerFormat format) noexcept;

/** The usual file extension, without the dot: "wav", "wav" (RF64 keeps .wav), "aif", "flac". */
std::string_view fileExtension (ContainerFormat format) noexcept;

core::Result<SampleFormat> parseSampleFormat (std::string_view name);
std::string_view sampleFormatName (SampleFormat format) noexcept;
} // namespace sprocket::io
