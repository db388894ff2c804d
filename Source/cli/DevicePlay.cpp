#include "DevicePlay.h"

#include "CommandLine.h"

#include "device/DeviceOutput.h"

#include <juce_events/juce_events.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace sprocket::cli
{
int playOnDevice (PlayRequest request, const std::string& deviceName)
{
    // The device manager belongs to JUCE's message thread: this one. No window is opened, so
    // no display is needed; messages are never dispatched, which is why the loop polls.
    const juce::ScopedJuceInitialiser_GUI juce;

    const auto rate = double (request.session.sampleRate);
    const auto channels = request.session.master.channels;
    const int block = request.blockSize;
    const auto from = request.from;
    PlaySession play (std::move (request));
    auto& engine = play.getEngine();

    device::DeviceOutput::Options options;
    options.bufferSize = block;
    // Lets tests and CI (no sound card) run this path through the silent device by name.
    options.offerSilentDevice = std::getenv ("SPROCKET_SILENT_AUDIO_DEVICE") != nullptr;
    device::DeviceOutput output (engine, { rate, channels, block }, options);
    if (auto opened = output.open (deviceName); ! opened)
    {
        printError (opened.error().message);
        return exitFailure;
    }
    std::fprintf (stderr, "play: device '%s' (%s), %.0f Hz, %d-sample blocks, %d outputs\n", output.deviceName().c_str(),
                  output.deviceTypeName().c_str(), output.deviceSampleRate(), output.deviceBufferSize(),
                  output.deviceOutputChannels());
    if (const auto status = output.statusText(); status.find ('(') != std::string::npos)
        std::fprintf (stderr, "play: %s\n", status.c_str());

    const auto outcome = play.run ([&] { return output.poll(); });
    const auto callbacks = output.callbacks();
    if (! outcome.failure)
    {
        engine.stop();
        std::this_thread::sleep_for (std::chrono::milliseconds (20));
    }
    output.close();

    std::printf ("played: %.3f s from sample %lld, %lld callbacks of %d samples, %lld edits\n", play.playedSeconds(),
                 static_cast<long long> (from), static_cast<long long> (callbacks), output.deviceBufferSize(),
                 static_cast<long long> (outcome.edits));
    std::printf ("underruns: %lld\n", static_cast<long long> (play.getStreamer().underruns()));
    std::printf ("media errors: %lld\n", static_cast<long long> (play.getStreamer().mediaErrors()));
    if (outcome.failure)
    {
        printError ("play: " + *outcome.failure);
        return exitFailure;
    }
    return exitSuccess;
}
} // namespace sprocket::cli
