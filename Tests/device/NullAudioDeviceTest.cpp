#include "device/NullAudioDevice.h"
#include "device/NullAudioDeviceType.h"

#include "DeviceTestSupport.h"

#include <gtest/gtest.h>

using namespace sprocket;

namespace
{
/** Writes a running count into every output and records what the device tells it. */
struct RecordingCallback final : juce::AudioIODeviceCallback
{
    void audioDeviceIOCallbackWithContext (const float* const*, int, float* const* outputs, int numOutputs, int numFrames,
                                           const juce::AudioIODeviceCallbackContext&) override
    {
        for (int c = 0; c < numOutputs; ++c)
            for (int i = 0; i < numFrames; ++i)
                outputs[c][i] = float (next + i) * (c == 0 ? 1.0f : -1.0f);
        next += numFrames;
        outputChannels = numOutputs;
        blocks.fetch_add (1);
    }
    void audioDeviceAboutToStart (juce::AudioIODevice* device) override
    {
        ++starts;
        rate = device->getCurrentSampleRate();
    }
    void audioDeviceStopped() override { ++stops; }
    void audioDeviceError (const juce::String& message) override
    {
        error = message.toStdString();
        errors.fetch_add (1);
    }

    int64_t next = 0;
    int outputChannels = 0;
    std::atomic<int> blocks { 0 }, errors { 0 };
    int starts = 0, stops = 0;
    double rate = 0.0;
    std::string error;
};

juce::BigInteger channels (int count)
{
    juce::BigInteger bits;
    bits.setRange (0, count, true);
    return bits;
}
} // namespace

TEST (NullAudioDeviceTest, CallsBackAtRealTimePaceNotFlatOut)
{
    device::NullAudioDevice device ("No audio output", "No audio output");
    ASSERT_TRUE (device.open ({}, channels (2), 48000.0, 256).isEmpty());
    RecordingCallback callback;
    device.start (&callback);
    EXPECT_TRUE (device.isPlaying());
    std::this_thread::sleep_for (std::chrono::milliseconds (500));
    device.stop();

    // 500 ms of 256-sample blocks at 48 kHz is ~94 blocks. Unpaced (ALSA's null PCM) it would
    // be hundreds of thousands; the bound leaves room for a loaded machine catching up.
    EXPECT_GT (callback.blocks.load(), 0);
    EXPECT_LT (callback.blocks.load(), 400);
    EXPECT_EQ (callback.starts, 1);
    EXPECT_EQ (callback.stops, 1);
    EXPECT_EQ (callback.rate, 48000.0);
    EXPECT_EQ (callback.outputChannels, 2);
    EXPECT_FALSE (device.isPlaying());
}

TEST (NullAudioDeviceTest, CaptureRecordsWhatTheCallbackWrote)
{
    device::NullAudioDevice device ("No audio output", "No audio output");
    ASSERT_TRUE (device.open ({}, channels (2), 44100.0, 100).isEmpty());
    EXPECT_EQ (device.getCurrentSampleRate(), 44100.0);
    device.captureOutput (1000);
    RecordingCallback callback;
    device.start (&callback);
    ASSERT_TRUE (test::waitUntil ([&] { return device.capturedFrames() >= 1000; }));
    device.stop();

    ASSERT_EQ (device.capturedFrames(), 1000);
    for (int i = 0; i < 1000; ++i)
    {
        ASSERT_EQ (device.capturedChannel (0)[size_t (i)], float (i)) << i;
        ASSERT_EQ (device.capturedChannel (1)[size_t (i)], -float (i)) << i;
    }
}

TEST (NullAudioDeviceTest, SimulatedFailureReportsAnErrorAndStopsCallingBack)
{
    device::NullAudioDevice device ("No audio output", "No audio output");
    ASSERT_TRUE (device.open ({}, channels (2), 48000.0, 256).isEmpty());
    RecordingCallback callback;
    device.start (&callback);
    ASSERT_TRUE (test::waitUntil ([&] { return callback.blocks.load() > 2; }));

    device.simulateFailure ("USB interface unplugged");
    ASSERT_TRUE (test::waitUntil ([&] { return callback.errors.load() == 1; }));
    EXPECT_EQ (callback.error, "USB interface unplugged");
    // The error is the device thread's last act: no block follows it.
    const int blocksAtError = callback.blocks.load();
    std::this_thread::sleep_for (std::chrono::milliseconds (50));
    EXPECT_EQ (callback.blocks.load(), blocksAtError);

    device.stop();
    EXPECT_EQ (callback.stops, 1);
}

TEST (NullAudioDeviceTest, TypeOffersOneDeviceUntilItIsRemoved)
{
    struct Listener final : juce::AudioIODeviceType::Listener
    {
        void audioDeviceListChanged() override { ++changes; }
        int changes = 0;
    } listener;

    device::NullAudioDeviceType type;
    type.addListener (&listener);
    EXPECT_EQ (type.getTypeName(), juce::String (device::NullAudioDeviceType::typeName));
    EXPECT_EQ (type.getDeviceNames (false), juce::StringArray (device::NullAudioDeviceType::deviceName));
    EXPECT_TRUE (type.getDeviceNames (true).isEmpty());
    std::unique_ptr<juce::AudioIODevice> device (type.createDevice (device::NullAudioDeviceType::deviceName, {}));
    ASSERT_NE (device, nullptr);
    EXPECT_EQ (type.getIndexOfDevice (device.get(), false), 0);
    EXPECT_EQ (type.createDevice ("hw:1", {}), nullptr);

    type.simulateRemoval();
    EXPECT_EQ (listener.changes, 1);
    EXPECT_TRUE (type.getDeviceNames (false).isEmpty());
    EXPECT_EQ (type.createDevice (device::NullAudioDeviceType::deviceName, {}), nullptr);
    type.removeListener (&listener);
}
