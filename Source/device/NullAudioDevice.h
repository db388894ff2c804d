#pragma once

#include <juce_audio_devices/juce_audio_devices.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace sprocket::device
{
/** The "No audio output" device: calls its AudioIODeviceCallback from its own thread at
    real-time pace and discards the audio, so the app plays (silently) on a machine without a
    sound card and CI can run the real device path. ALSA's "null" PCM is no substitute: it
    calls back unpaced at 100 % CPU (BUILD-NOTES §4).

    Test hooks, each usable while the device runs: simulateFailure() makes the device report an
    error and stop calling back, as a driver does when a card is unplugged; simulateStall()
    stops the callbacks without a word, as JUCE's ALSA device does when a write fails;
    captureOutput() records what the callback wrote. [[message thread]] unless stated. */
class NullAudioDevice final : public juce::AudioIODevice
{
public:
    NullAudioDevice (const juce::String& nameOfDevice, const juce::String& nameOfType);
    ~NullAudioDevice() override;

    juce::StringArray getOutputChannelNames() override;
    juce::StringArray getInputChannelNames() override { return {}; }
    juce::Array<double> getAvailableSampleRates() override;
    juce::Array<int> getAvailableBufferSizes() override;
    int getDefaultBufferSize() override { return 256; }

    juce::String open (const juce::BigInteger& inputChannels, const juce::BigInteger& outputChannels, double sampleRate,
                       int bufferSizeSamples) override;
    void close() override;
    bool isOpen() override { return opened; }
    void start (juce::AudioIODeviceCallback* callback) override;
    void stop() override;
    bool isPlaying() override { return callback != nullptr; }
    juce::String getLastError() override { return {}; }

    int getCurrentBufferSizeSamples() override { return bufferSize; }
    double getCurrentSampleRate() override { return sampleRate; }
    int getCurrentBitDepth() override { return 32; }
    juce::BigInteger getActiveOutputChannels() const override { return activeOutputs; }
    juce::BigInteger getActiveInputChannels() const override { return {}; }
    int getOutputLatencyInSamples() override { return 0; }
    int getInputLatencyInSamples() override { return 0; }

    /** Eight outputs: enough for a 7.1 master. */
    static constexpr int maxOutputChannels = 8;

    /** Blocks called back since start(). [[any thread]] */
    int64_t blocksProcessed() const noexcept { return blocks.load (std::memory_order_acquire); }

    /** At its next block the device calls audioDeviceError (message) and stops calling back;
        stop() still reports audioDeviceStopped, as for a real device. */
    void simulateFailure (const juce::String& message);

    /** At its next block the device stops calling back, reporting nothing. */
    void simulateStall();

    /** Records the next `frames` frames of every active output (the device otherwise discards
        them). Frames arrive as blocks are played; capturedFrames() says how many so far. */
    void captureOutput (int64_t frames);
    int64_t capturedFrames() const noexcept;
    /** The captured samples of output `channel` (valid up to capturedFrames()). */
    const std::vector<float>& capturedChannel (int channel) const;

private:
    struct Capture
    {
        std::vector<std::vector<float>> channels;
        std::atomic<int64_t> frames { 0 };
    };

    void run();
    void record (const float* const* outputs, int numOutputs) noexcept;

    double sampleRate = 48000.0;
    int bufferSize = 256;
    juce::BigInteger activeOutputs;
    bool opened = false;

    juce::AudioIODeviceCallback* callback = nullptr;
    std::thread thread;
    std::atomic<bool> running { false };
    std::atomic<int64_t> blocks { 0 };

    // Test hooks. The message is written before the flag is raised and read after it is seen.
    enum class Fault
    {
        none,
        failure,
        stall
    };
    std::atomic<Fault> fault { Fault::none };
    juce::String faultMessage;

    // Captures are only ever added, never freed while the device exists, so the device thread
    // can keep writing to one the message thread has just replaced.
    std::vector<std::unique_ptr<Capture>> captures;
    std::atomic<Capture*> activeCapture { nullptr };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (NullAudioDevice)
};
} // namespace sprocket::device
