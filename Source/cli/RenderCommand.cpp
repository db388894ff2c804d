#include "CommandLine.h"
#include "Commands.h"

#include "engine/OfflineRenderer.h"
#include "SessionLoading.h"

#include <chrono>
#include <cstdio>

namespace sprocket::cli
{
namespace
{
    constexpr const char* renderUsage =
        "usage: sprocket-cli render SESSION -o DIR [--stems] [--format wav|flac] [--bit-depth 16|24|32f]";

    std::optional<io::SampleFormat> sampleFormatForBitDepth (const std::string& depth)
    {
        if (depth == "16")
            return io::SampleFormat::pcm16;
        if (depth == "24")
            return io::SampleFormat::pcm24;
        if (depth == "32f")
            return io::SampleFormat::float32;
        return std::nullopt;
    }
} // namespace

int runRender (const std::vector<std::string>& arguments)
{
    CommandLine line (arguments, { "--stems" }, { "-o", "--output", "--format", "--bit-depth" });
    const auto output = line.option ("-o") ? line.option ("-o") : line.option ("--output");
    if (! line.valid() || line.positionals().size() != 1 || ! output)
    {
        printError (line.valid() ? renderUsage : line.problem() + "\n" + renderUsage);
        return exitInvalid;
    }

    engine::OfflineRenderOptions options;
    options.outputFolder = *output;
    options.stems = line.flag ("--stems");

    const auto format = line.option ("--format").value_or ("wav");
    if (format == "wav")
        options.container = io::ContainerFormat::wav;
    else if (format == "flac")
        options.container = io::ContainerFormat::flac;
    else
    {
        printError ("--format: '" + format + "' is not wav or flac");
        return exitInvalid;
    }
    const auto depth = line.option ("--bit-depth").value_or ("24");
    const auto sampleFormat = sampleFormatForBitDepth (depth);
    if (! sampleFormat)
    {
        printError ("--bit-depth: '" + depth + "' is not 16, 24 or 32f");
        return exitInvalid;
    }
    if (options.container == io::ContainerFormat::flac && *sampleFormat == io::SampleFormat::float32)
    {
        printError ("--bit-depth 32f: FLAC holds integer samples only (use 16 or 24)");
        return exitInvalid;
    }
    options.sampleFormat = *sampleFormat;

    const std::filesystem::path file = line.positionals()[0];
    auto loaded = loadValidSession (file);
    if (! loaded)
        return exitInvalid;

    options.onProgress = [] (double done) {
        const int percent = int (done * 100.0);
        if (percent % 10 == 0)
            std::fprintf (stderr, "render: %d%%\n", percent);
    };

    const auto started = std::chrono::steady_clock::now();
    auto rendered = engine::renderOffline (*loaded, options);
    if (! rendered.ok())
    {
        printError (rendered.error().message);
        return exitFailure;
    }
    const double seconds = std::chrono::duration<double> (std::chrono::steady_clock::now() - started).count();
    const double audioSeconds = double (rendered->frames) / double (loaded->sampleRate);
    for (auto& written : rendered->files)
        std::printf ("%s\n", written.path.string().c_str());
    for (auto& problem : rendered->problems)
        std::fprintf (stderr, "render: warning: %s: %s\n", loaded->filePath.string().c_str(), problem.c_str());
    std::fprintf (stderr, "render: %.1f s of audio in %.2f s (%.0fx real time)\n", audioSeconds, seconds,
                  seconds > 0 ? audioSeconds / seconds : 0.0);
    return exitSuccess;
}
} // namespace sprocket::cli
