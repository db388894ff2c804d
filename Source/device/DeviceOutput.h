#pragma once

#include "core/Error.h"
#include "device/EngineCallback.h"
#include "engine/RealtimeEngine.h"

#include <juce_audio_devices/juce_audio_devices.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sprocket::device
{
class NullAudioDevice;
class NullAudioDeviceType;

/** What the engine renders: the device is asked for the same rate and channel count. */
struct OutputFormat
{
    double sampleRate = 48000.0;
    int channels = 2;
    int maxBlockSize = 512; // the engine's; device blocks of any size are split to fit
};

/** Plays a RealtimeEngine through a sound card (ALSA or JACK) using juce::AudioDeviceManager.
    It opens the system default output or one by name (a missing name is an error that lists
    what is there), falls back to the silent "No audio output" device when the machine has no
    sound card (if asked to), and notices when the device fails, vanishes or stops calling back:
    then it closes the device, brings the transport to a stop and reports what happened once,
    through poll() and onFailure. [[message thread]] for everything.

    JUCE's manager calls EngineCallback under its own callback lock, which only add/remove of a
    callback contends: that happens here only while opening and closing, never while playing. */
class DeviceOutput final : private juce::ChangeListener
{
public:
    struct Options
    {
        /** When no real output device exists, open "No audio output" instead of failing. */
        bool fallBackToSilence = false;
        /** Lets "No audio output" be opened by name (tests; sprocket-cli's test hook). */
        bool offerSilentDevice = false;
        int bufferSize = 256; // 5.3 ms at 48 kHz: responsive transport, safe on a loaded machine
        /** A device that has not called back for this long has died silently (JUCE's ALSA
            device just ends its thread when a write fails). Seconds, not blocks: no device
            block is anywhere near this long, and a loaded CI machine must not trip it. */
        int stallTimeoutMs = 3000;
    };

    DeviceOutput (engine::RealtimeEngine& engine, OutputFormat format, Options options);
    ~DeviceOutput() override;

    /** Opens `name`, or the default output for "" and "default". On failure nothing is open
        and the message names the device and lists the available ones. */
    core::Status open (const std::string& name = {});

    /** Stops the transport and closes the device. */
    void close();

    bool isOpen() const noexcept { return opened; }
    /** True when the open device is "No audio output" (nothing is heard). */
    bool isSilent() const noexcept;
    std::string deviceName() const { return openedName; }
    std::string deviceTypeName() const { return openedType; }
    double deviceSampleRate() const noexcept { return openedRate; }
    int deviceBufferSize() const noexcept { return openedBufferSize; }
    int deviceOutputChannels() const noexcept { return openedOutputs; }
    /** What the driver says its output adds after our callback (buffers, converters), in samples. */
    int deviceOutputLatency() const noexcept { return openedLatency; }

    /** One line for a status bar: "Audio: <device>", "Audio: no output device — playing
        silently", "Audio: stopped — <why>" or "Audio: off". */
    std::string statusText() const;

    /** The last failure's message (empty when none since open()). */
    const std::string& lastFailure() const noexcept { return failureMessage; }

    /** Real output devices as "'name' (type)", for messages and menus. */
    std::vector<std::string> availableDevices();

    /** Checks for a driver error, an unexpected stop, a vanished or stalled device. On one it
        closes the device, stops the transport, calls onFailure and returns the message. Call
        it regularly (the app's timer, sprocket-cli's loop). */
    std::optional<std::string> poll();

    /** Called once per failure, whoever found it: poll() called by its owner, or by the device
        manager's change messages (a vanished device), whose result nobody sees. */
    std::function<void (const std::string& message)> onFailure;

    int64_t callbacks() const noexcept { return callback.callbacks(); }
    juce::AudioDeviceManager& deviceManager() noexcept { return manager; }

    /** The open "No audio output" device, or null (test hooks: failure, stall, capture). */
    NullAudioDevice* silentDevice() noexcept;
    /** The "No audio output" type, or null when not registered (test hook: removal). */
    NullAudioDeviceType* silentDeviceType() noexcept { return silentType; }

private:
    struct Choice
    {
        juce::AudioIODeviceType* type = nullptr;
        juce::String name;
    };

    void changeListenerCallback (juce::ChangeBroadcaster*) override;
    std::optional<Choice> findDevice (const std::string& name, std::string& error);
    std::optional<Choice> defaultDevice();
    bool isSilentType (const juce::AudioIODeviceType* type) const noexcept;
    void closeDevice();
    void settleTransport();
    void fail (const std::string& message);

    engine::RealtimeEngine& engine;
    const OutputFormat format;
    const Options options;
    juce::AudioDeviceManager manager;
    EngineCallback callback;
    NullAudioDeviceType* silentType = nullptr; // owned by the manager
    std::vector<float> settleScratch;
    std::vector<float*> settleChannels;

    bool opened = false;
    bool inPoll = false;
    std::string openedName, openedType;
    double openedRate = 0.0;
    int openedBufferSize = 0;
    int openedOutputs = 0;
    int openedLatency = 0;
    std::string failureMessage;
    int64_t lastCallbackCount = 0;
    double lastProgressMs = 0.0;
};
} // namespace sprocket::device
