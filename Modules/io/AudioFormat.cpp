#include "io/AudioFormat.h"

#include <array>
#include <string>
#include <utility>

namespace sprocket::io
{
namespace
{
    constexpr std::array containerNames {
        std::pair { ContainerFormat::wav, std::string_view ("wav") },
        std::pair { ContainerFormat::rf64, std::string_view ("rf64") },
        std::pair { ContainerFormat::aiff, std::string_view ("aiff") },
        std::pair { ContainerFormat::flac, std::string_view ("flac") },
    };

    constexpr std::array sampleNames {
        std::pair { SampleFormat::pcm16, std::string_view ("pcm16") },
        std::pair { SampleFormat::pcm24, std::string_view ("pcm24") },
        std::pair { SampleFormat::pcm32, std::string_view ("pcm32") },
        std::pair { SampleFormat::float32, std::string_view ("float32") },
        std::pair { SampleFormat::float64, std::string_view ("float64") },
    };

    template <typename Table>
    std::string listNames (const Table& table)
    {
        std::string names;

        for (const auto& entry : table)
            names += (names.empty() ? "" : ", ") + std::string (entry.second);

        return names;
    }
} // namespace

core::Result<ContainerFormat> parseContainerFormat (std::string_view name)
{
    for (const auto& [format, formatName] : containerNames)
        if (name == formatName)
            return format;

    return core::makeError ("unknown container format \"" + std::string (name) + "\" (expected one of "
                            + listNames (containerNames) + ")");
}

std::string_view containerFormatName (ContainerFormat format) noexcept
{
    for (const auto& [f, name] : containerNames)
        if (f == format)
            return name;

    return {};
}

std::string_view fileExtension (ContainerFormat format) noexcept
{
    switch (format)
    {
        case ContainerFormat::wav:
        case ContainerFormat::rf64:
            return "wav";
        case ContainerFormat::aiff:
            return "aif";
        case ContainerFormat::flac:
            return "flac";
    }

    return {};
}

core::Result<SampleFormat> parseSampleFormat (std::string_view name)
{
    for (const auto& [format, formatName] : sampleNames)
        if (name == formatName)
            return format;

    return core::makeError ("unknown sample format \"" + std::string (name) + "\" (expected one of " + listNames (sampleNames)
                            + ")");
}

std::string_view sampleFormatName (SampleFormat format) noexcept
{
    for (const auto& [f, name] : sampleNames)
        if (f == format)
            return name;

    return {};
}
} // namespace sprocket::io
