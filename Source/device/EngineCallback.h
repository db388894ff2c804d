#pragma once

#include "device/FailureNote.h"
#include "engine/RealtimeEngine.h"

#include <juce_audio_devices/juce_audio_devices.h>

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace sprocket::device
{
/** Drives a RealtimeEngine from a JUCE audio device. Each device block is rendered in chunks
    of at most the engine's block size, engine channel c goes to device output c, and device
    outputs beyond the engine's channels are zeroed (engine channels beyond the device's are
    rendered into scratch and dropped). The callback allocates, locks and waits for nothing;
    the only system call is naming the device's thread "sprocket-audio" on its first block,
    so profilers and `top -H` show which thread is the audio thread whatever the driver.

    A driver error, or the device stopping when nobody asked it to, stops the transport
    (a lock-free command) and leaves a message for the message thread (takeFailure()); the
    owner then closes the device and settles the engine (DeviceOutput does both). */
class EngineCallback final : public juce::AudioIODeviceCallback
{
public:
    /** Scratch for `engineChannels` x `maxBlockSize` is allocated here. [[message thread]] */
    EngineCallback (engine::RealtimeEngine& engine, int engineChannels, int maxBlockSize);

    // juce::AudioIODeviceCallback
    /** [[audio thread]] no allocation, lock, wait or I/O. */
    void audioDeviceIOCallbackWithContext (const float* const* inputs, int numInputs, float* const* outputs, int numOutputs,
                                           int numFrames, const juce::AudioIODeviceCallbackContext& context) override;
    /** [[the thread starting the device]], before the first block. */
    void audioDeviceAboutToStart (juce::AudioIODevice* device) override;
    /** [[any thread]]: a failure unless expectStop (true) was set. */
    void audioDeviceStopped() override;
    /** [[any thread]], often the driver's audio thread: lock-free. */
    void audioDeviceError (const juce::String& message) override;

    /** While set, audioDeviceStopped is the owner closing the device, not a failure.
        [[message thread]] */
    void expectStop (bool expected) noexcept { stopExpected.store (expected, std::memory_order_release); }

    /** What went wrong since the last call ("stopped while playing", "reported an error: ..."),
        once. [[message thread]] */
    std::optional<std::string> takeFailure() { return failure.take(); }
    bool hasFailure() const noexcept { return failure.pending(); }

    /** Device blocks rendered since construction. [[any thread]] */
    int64_t callbacks() const noexcept { return callbackCount.load (std::memory_order_relaxed); }

    int engineChannels() const noexcept { return channels; }
    int maxBlockSize() const noexcept { return maxBlock; }

private:
    engine::RealtimeEngine& engine;
    const int channels;
    const int maxBlock;
    std::vector<float> scratch;
    std::vector<float*> scratchChannels;
    std::vector<float*> chunkOutputs; // per chunk: device memory where it exists, else scratch

    std::atomic<bool> threadNamed { false };
    std::atomic<bool> stopExpected { false };
    std::atomic<int64_t> callbackCount { 0 };
    FailureNote failure;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (EngineCallback)
};
} // namespace sprocket::device
