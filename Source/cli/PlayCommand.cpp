#include "CommandLine.h"
#include "Commands.h"

#include "PlaySession.h"
#include "SessionLoading.h"
#if SPROCKET_CLI_HAS_DEVICES
#include "DevicePlay.h"
#endif

#include "core/Timecode.h"
#include "engine/HeadlessDriver.h"

#include <chrono>
#include <cstdio>
#include <thread>

namespace sprocket::cli
{
namespace
{
    constexpr const char* playUsage = "usage: sprocket-cli play SESSION [--device none|NAME] [--from TC] [--seconds N] "
                                      "[--stress-edits N] [--block-size N]";

    std::optional<int64_t> parseCount (const std::string& text)
    {
        try
        {
            size_t used = 0;
            const auto value = std::stoll (text, &used);
            if (used == text.size() && value >= 0)
                return value;
        }
        catch (...)
        {
        }
        return std::nullopt;
    }

    /** --device none: the headless driver paces the audio thread and times every callback. */
    int playHeadless (PlayRequest request)
    {
        const auto rate = request.session.sampleRate;
        const auto channels = request.session.master.channels;
        const int block = request.blockSize;
        const auto from = request.from;
        const auto seconds = request.seconds;
        PlaySession play (std::move (request));
        auto& engine = play.getEngine();

        engine::HeadlessDriver driver (double (rate), block, channels, true);
        const auto totalCallbacks = int64_t (seconds * double (rate) / block) + 16;
        driver.start ([&] (float* const* outputs, int frames) { engine.process (outputs, frames); }, totalCallbacks * 2);
        const auto outcome = play.run();
        engine.stop();
        std::this_thread::sleep_for (std::chrono::milliseconds (20));
        driver.stop();

        const auto stats = driver.statistics();
        std::printf ("played: %.3f s from sample %lld, %lld callbacks of %d samples, %lld edits\n", play.playedSeconds(),
                     static_cast<long long> (from), static_cast<long long> (stats.callbacks), block,
                     static_cast<long long> (outcome.edits));
        std::printf ("underruns: %lld\n", static_cast<long long> (play.getStreamer().underruns()));
        std::printf ("xruns: %lld\n", static_cast<long long> (stats.xruns));
        std::printf ("callback us: p50 %.1f, p99 %.1f, p99.9 %.1f, max %.1f (budget %.1f)\n", stats.p50Us, stats.p99Us,
                     stats.p999Us, stats.maxUs, stats.budgetUs);
        std::printf ("media errors: %lld\n", static_cast<long long> (play.getStreamer().mediaErrors()));
        return exitSuccess;
    }
} // namespace

int runPlay (const std::vector<std::string>& arguments)
{
    CommandLine line (arguments, {}, { "--device", "--from", "--seconds", "--stress-edits", "--block-size" });
    if (! line.valid() || line.positionals().size() != 1)
    {
        printError (line.valid() ? playUsage : line.problem() + "\n" + playUsage);
        return exitInvalid;
    }
    std::optional<std::string> deviceName;
    if (auto device = line.option ("--device"); device && *device != "none")
    {
#if SPROCKET_CLI_HAS_DEVICES
        deviceName = *device;
#else
        printError ("--device " + *device + ": sprocket-cli plays through the headless driver only (--device none); "
                    "sound cards are opened by the app");
        return exitInvalid;
#endif
    }
    const auto blockSize = parseCount (line.option ("--block-size").value_or ("256"));
    const auto stressEdits = parseCount (line.option ("--stress-edits").value_or ("0"));
    if (! blockSize || *blockSize < 16 || *blockSize > 8192)
    {
        printError ("--block-size: must be a whole number from 16 to 8192");
        return exitInvalid;
    }
    if (! stressEdits)
    {
        printError ("--stress-edits: must be a whole number");
        return exitInvalid;
    }

    const std::filesystem::path file = line.positionals()[0];
    auto loaded = loadValidSession (file);
    if (! loaded)
        return exitInvalid;
    auto session = *loaded;
    const auto rate = session.sampleRate;

    int64_t from = 0;
    if (auto tc = line.option ("--from"))
    {
        auto parsed = core::parseTimecode (*tc, session.frameRate);
        if (! parsed.ok())
        {
            printError ("--from: " + parsed.error().message);
            return exitInvalid;
        }
        const auto frames = core::frameCountFromTimecode (*parsed, session.frameRate)
                            - core::frameCountFromTimecode (session.startTimecode, session.frameRate);
        from = std::max<int64_t> (0, core::samplesFromFrameCount (frames, session.frameRate, rate));
    }
    double seconds = double (session.endOfLastClip().samples - from) / double (rate);
    if (auto text = line.option ("--seconds"))
    {
        char* end = nullptr;
        seconds = std::strtod (text->c_str(), &end);
        if (end == text->c_str() || *end != '\0' || seconds <= 0.0)
        {
            printError ("--seconds: must be a positive number");
            return exitInvalid;
        }
    }
    if (seconds <= 0.0)
    {
        printError (file.string() + ": nothing to play after the start position");
        return exitInvalid;
    }

    PlayRequest request { std::move (session), from, seconds, int (*blockSize), *stressEdits };
#if SPROCKET_CLI_HAS_DEVICES
    if (deviceName)
        return playOnDevice (std::move (request), *deviceName);
#endif
    return playHeadless (std::move (request));
}
} // namespace sprocket::cli
