#include "AudioThreadAudit.h"
#include "DeviceTestSupport.h"

#include "device/EngineCallback.h"
#include "device/NullAudioDevice.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::test;

// Drives EngineCallback by hand from a thread marked as the audio thread, with the disk
// streamer behind the engine, through device blocks smaller than, equal to and larger than the
// engine's, extra device outputs, a locate, a stop, a driver error and an unexpected stop: no
// allocation, free or lock may happen inside any of those calls.
TEST (EngineCallbackRealtimeTest, CallbackNeitherAllocatesNorLocks)
{
    const auto folder = freshTempFolder ("device_rt");
    const auto s = toneSession (folder);
    PlaybackRig rig (s);
    device::EngineCallback callback (rig.engine, 2, PlaybackRig::maxBlock);
    device::NullAudioDevice device ("No audio output", "No audio output");
    callback.audioDeviceAboutToStart (&device);
    const juce::String error ("the card went away"); // made here: the driver owns its message

    AudioThreadAudit::reset();
    std::thread audio ([&] {
        std::vector<std::vector<float>> outputs (4, std::vector<float> (2048));
        std::vector<float*> pointers;
        for (auto& channel : outputs)
            pointers.push_back (channel.data());
        const int sizes[] = { 64, 512, 1000, 2048, 128 };
        const juce::AudioIODeviceCallbackContext context;

        rig.engine.locate (24000);
        rig.engine.play();
        for (int block = 0; block < 400; ++block)
        {
            if (block == 150)
                rig.engine.locate (96000);
            if (block == 300)
                rig.engine.stop();
            {
                AuditedScope scope;
                callback.audioDeviceIOCallbackWithContext (nullptr, 0, pointers.data(), 4, sizes[block % 5], context);
                if (block == 350)
                    callback.audioDeviceError (error);
                if (block == 351)
                    callback.audioDeviceStopped();
            }
            std::this_thread::sleep_for (std::chrono::microseconds (500)); // let the butler read
        }
    });
    audio.join();

    EXPECT_EQ (AudioThreadAudit::allocations(), 0);
    EXPECT_EQ (AudioThreadAudit::frees(), 0);
    EXPECT_EQ (AudioThreadAudit::locks(), 0);
    EXPECT_EQ (callback.callbacks(), 400);
    EXPECT_GT (rig.engine.position(), 96000); // it played after the locate
    EXPECT_TRUE (callback.takeFailure().has_value());
}
