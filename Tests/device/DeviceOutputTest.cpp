#include "device/DeviceOutput.h"
#include "device/NullAudioDevice.h"
#include "device/NullAudioDeviceType.h"

#include "DeviceTestSupport.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
device::DeviceOutput::Options silentByName()
{
    device::DeviceOutput::Options options;
    options.offerSilentDevice = true;
    return options;
}

device::OutputFormat formatOf (const session::Session& s)
{
    return { double (s.sampleRate), s.master.channels, PlaybackRig::maxBlock };
}

bool anyThreadNamed (const std::string& name)
{
    for (auto& task : std::filesystem::directory_iterator ("/proc/self/task"))
    {
        std::ifstream comm (task.path() / "comm");
        std::string line;
        std::getline (comm, line);
        if (line == name)
            return true;
    }
    return false;
}

/** Plays until the engine is past `frames` after where it started, polling the output. */
bool playFor (engine::RealtimeEngine& engine, device::DeviceOutput& output, int64_t frames)
{
    const auto start = engine.position();
    engine.play();
    return waitUntil ([&] { return engine.isPlaying() && engine.position() > start + frames; }, [&] { output.poll(); });
}
} // namespace

TEST (DeviceOutputTest, PlaysASessionThroughTheSilentDeviceAsTheOfflineMixDoes)
{
    const auto folder = freshTempFolder ("device_plays");
    const auto s = toneSession (folder);
    const auto offline = renderOfflineMix (s, folder);
    ASSERT_EQ (offline.size(), 2u);

    PlaybackRig rig (s);
    device::DeviceOutput output (rig.engine, formatOf (s), silentByName());
    ASSERT_TRUE (output.open (device::NullAudioDeviceType::deviceName).ok());
    EXPECT_TRUE (output.isSilent());
    EXPECT_EQ (output.deviceSampleRate(), 48000.0);
    EXPECT_EQ (output.deviceOutputChannels(), 2);
    auto* device = output.silentDevice();
    ASSERT_NE (device, nullptr);

    constexpr int64_t from = 48000; // 1 s: half a second into the clip
    constexpr int64_t captured = 3 * 48000;
    device->captureOutput (captured);
    rig.engine.locate (from);
    rig.engine.play();
    ASSERT_TRUE (
        waitUntil ([&] { return device->capturedFrames() >= captured; }, [&] { EXPECT_EQ (output.poll(), std::nullopt); }));
    EXPECT_TRUE (rig.engine.isPlaying());
    EXPECT_GT (rig.engine.position(), from + 48000);
    EXPECT_TRUE (anyThreadNamed ("sprocket-audio"));
    const std::vector<std::vector<float>> played { device->capturedChannel (0), device->capturedChannel (1) };
    output.close(); // destroys the device
    EXPECT_FALSE (rig.engine.isPlaying());

    // Silence while the streamer buffers, then the mix from `from` on, fading in over the
    // declick: the first sounding sample is timeline sample `from` (the signal is never 0).
    const auto& left = played[0];
    const auto firstSound = std::find_if (left.begin(), left.end(), [] (float x) { return x != 0.0f; }) - left.begin();
    ASSERT_LT (firstSound, captured - 48000) << "the device played silence";
    const int64_t settled = engine::RealtimeEngine::declickFrames;
    double maxError = 0.0, energy = 0.0;
    int64_t compared = 0;
    for (int64_t i = settled; firstSound + i < captured && from + i < int64_t (offline[0].size()); ++i, ++compared)
        for (int c = 0; c < 2; ++c)
        {
            const float sample = played[size_t (c)][size_t (firstSound + i)];
            maxError = std::max (maxError, double (std::abs (sample - offline[size_t (c)][size_t (from + i)])));
            energy += double (sample) * double (sample);
        }
    EXPECT_GT (compared, 48000);
    EXPECT_LT (maxError, 1e-5);
    EXPECT_GT (energy / double (compared), 0.01); // clearly not silence (the signal's power is ~0.02 per channel)
}

TEST (DeviceOutputTest, DeviceFailureWhilePlayingStopsTheTransportAndReportsOnce)
{
    const auto folder = freshTempFolder ("device_failure");
    const auto s = toneSession (folder);
    PlaybackRig rig (s);
    device::DeviceOutput output (rig.engine, formatOf (s), silentByName());
    std::vector<std::string> reported;
    output.onFailure = [&] (const std::string& message) { reported.push_back (message); };
    ASSERT_TRUE (output.open (device::NullAudioDeviceType::deviceName).ok());
    rig.engine.locate (24000);
    ASSERT_TRUE (playFor (rig.engine, output, 4800));

    output.silentDevice()->simulateFailure ("USB interface unplugged");
    std::optional<std::string> failure;
    ASSERT_TRUE (waitUntil ([&] { return (failure = output.poll()).has_value(); }));

    EXPECT_EQ (*failure, "the audio device 'No audio output' reported an error: USB interface unplugged");
    EXPECT_EQ (reported, std::vector<std::string> { *failure });
    EXPECT_FALSE (rig.engine.isPlaying());
    EXPECT_FALSE (output.isOpen());
    EXPECT_EQ (output.lastFailure(), *failure);
    EXPECT_EQ (output.statusText(), "Audio: stopped \xe2\x80\x94 " + *failure);
    EXPECT_EQ (output.poll(), std::nullopt);

    // Nothing drives the engine any more: the playhead stays where the stop left it.
    const auto stoppedAt = rig.engine.position();
    std::this_thread::sleep_for (std::chrono::milliseconds (50));
    EXPECT_EQ (rig.engine.position(), stoppedAt);

    // And the user can carry on: open again and play.
    ASSERT_TRUE (output.open (device::NullAudioDeviceType::deviceName).ok());
    EXPECT_TRUE (output.lastFailure().empty());
    EXPECT_TRUE (playFor (rig.engine, output, 4800));
    EXPECT_EQ (reported.size(), 1u);
}

TEST (DeviceOutputTest, DeviceThatStopsCallingBackIsNoticed)
{
    const auto folder = freshTempFolder ("device_stall");
    const auto s = toneSession (folder);
    PlaybackRig rig (s);
    auto options = silentByName();
    options.stallTimeoutMs = 1000; // short for the test, long enough that a loaded machine does not trip it early
    device::DeviceOutput output (rig.engine, formatOf (s), options);
    ASSERT_TRUE (output.open (device::NullAudioDeviceType::deviceName).ok());
    ASSERT_TRUE (playFor (rig.engine, output, 4800));

    output.silentDevice()->simulateStall(); // as JUCE's ALSA device does when a write fails
    std::optional<std::string> failure;
    ASSERT_TRUE (waitUntil ([&] { return (failure = output.poll()).has_value(); }));
    EXPECT_NE (failure->find ("'No audio output' stopped calling back"), std::string::npos) << *failure;
    EXPECT_FALSE (rig.engine.isPlaying());
    EXPECT_FALSE (output.isOpen());
}

TEST (DeviceOutputTest, VanishedDeviceIsNoticed)
{
    const auto folder = freshTempFolder ("device_vanished");
    const auto s = toneSession (folder);
    PlaybackRig rig (s);
    device::DeviceOutput output (rig.engine, formatOf (s), silentByName());
    ASSERT_TRUE (output.open (device::NullAudioDeviceType::deviceName).ok());
    ASSERT_TRUE (playFor (rig.engine, output, 4800));

    output.silentDeviceType()->simulateRemoval();
    const auto failure = output.poll();
    ASSERT_TRUE (failure.has_value());
    EXPECT_EQ (*failure, "the audio device 'No audio output' is no longer available");
    EXPECT_FALSE (rig.engine.isPlaying());
    EXPECT_FALSE (output.isOpen());

    const auto reopened = output.open (device::NullAudioDeviceType::deviceName);
    ASSERT_FALSE (reopened.ok());
    EXPECT_NE (reopened.error().message.find ("no audio device named 'No audio output'"), std::string::npos);
}

TEST (DeviceOutputTest, UnknownDeviceNameFailsNamingItAndListingTheAvailableOnes)
{
    const auto folder = freshTempFolder ("device_bogus");
    const auto s = toneSession (folder);
    PlaybackRig rig (s);
    device::DeviceOutput output (rig.engine, formatOf (s), {});
    const auto opened = output.open ("bogus");
    ASSERT_FALSE (opened.ok());
    EXPECT_FALSE (output.isOpen());
    const auto& message = opened.error().message;
    EXPECT_EQ (message.rfind ("no audio device named 'bogus' (available: ", 0), 0u) << message;
    const auto devices = output.availableDevices();
    if (devices.empty())
        EXPECT_EQ (message, "no audio device named 'bogus' (available: none)");
    else
        EXPECT_NE (message.find (devices.front()), std::string::npos) << message;

    // The silent device is listed (and found, case aside) only where it is offered.
    device::DeviceOutput offering (rig.engine, formatOf (s), silentByName());
    const auto again = offering.open ("bogus");
    ASSERT_FALSE (again.ok());
    EXPECT_NE (again.error().message.find ("'No audio output' (No audio output)"), std::string::npos);
    EXPECT_TRUE (offering.open ("no audio OUTPUT").ok());
}

TEST (DeviceOutputTest, DefaultFallsBackToTheSilentDeviceOnlyWithoutASoundCard)
{
    const auto folder = freshTempFolder ("device_default");
    const auto s = toneSession (folder);
    PlaybackRig rig (s);
    device::DeviceOutput::Options options;
    options.fallBackToSilence = true;
    device::DeviceOutput output (rig.engine, formatOf (s), options);
    const bool hasSoundCard = ! output.availableDevices().empty();

    const auto opened = output.open();
    if (! hasSoundCard)
    {
        ASSERT_TRUE (opened.ok()) << opened.error().message;
        EXPECT_TRUE (output.isSilent());
        EXPECT_EQ (output.statusText(), "Audio: no output device \xe2\x80\x94 playing silently");
        EXPECT_TRUE (playFor (rig.engine, output, 4800));
    }
    else if (opened.ok())
    {
        EXPECT_FALSE (output.isSilent());
        EXPECT_EQ (output.statusText().rfind ("Audio: " + output.deviceName(), 0), 0u);
    }
}

TEST (DeviceOutputTest, DefaultWithoutFallbackFailsWhenThereIsNoSoundCard)
{
    const auto folder = freshTempFolder ("device_no_default");
    const auto s = toneSession (folder);
    PlaybackRig rig (s);
    device::DeviceOutput output (rig.engine, formatOf (s), {});
    if (! output.availableDevices().empty())
        GTEST_SKIP() << "this machine has a sound card";
    const auto opened = output.open ("default");
    ASSERT_FALSE (opened.ok());
    EXPECT_EQ (opened.error().message, "no default audio output device (available: none)");
    EXPECT_EQ (output.statusText(), "Audio: off");
}

TEST (DeviceOutputTest, OpensTheDeviceAtTheSessionRateAndClosesCleanly)
{
    const auto folder = freshTempFolder ("device_rate");
    const auto s = toneSession (folder, 44100);
    PlaybackRig rig (s);
    device::DeviceOutput output (rig.engine, formatOf (s), silentByName());
    ASSERT_TRUE (output.open (device::NullAudioDeviceType::deviceName).ok());
    EXPECT_EQ (output.deviceSampleRate(), 44100.0);
    EXPECT_EQ (output.deviceBufferSize(), 256);
    ASSERT_TRUE (playFor (rig.engine, output, 4410));

    output.close(); // while playing: the transport stops with it, and that is no failure
    EXPECT_FALSE (output.isOpen());
    EXPECT_FALSE (rig.engine.isPlaying());
    EXPECT_TRUE (output.lastFailure().empty());
    EXPECT_EQ (output.statusText(), "Audio: off");
    EXPECT_EQ (output.poll(), std::nullopt);
}
