#include "device/NullAudioDevice.h"

#include <chrono>

namespace sprocket::device
{
NullAudioDevice::NullAudioDevice (const juce::String& nameOfDevice, const juce::String& nameOfType)
    : AudioIODevice (nameOfDevice, nameOfType)
{
}

NullAudioDevice::~NullAudioDevice()
{
    close();
}

juce::StringArray NullAudioDevice::getOutputChannelNames()
{
    juce::StringArray names;
    for (int c = 0; c < maxOutputChannels; ++c)
        names.add ("Out " + juce::String (c + 1));
    return names;
}

juce::Array<double> NullAudioDevice::getAvailableSampleRates()
{
    return { 44100.0, 48000.0, 88200.0, 96000.0, 176400.0, 192000.0 };
}

juce::Array<int> NullAudioDevice::getAvailableBufferSizes()
{
    return { 64, 128, 256, 512, 1024, 2048 };
}

juce::String NullAudioDevice::open (const juce::BigInteger&, const juce::BigInteger& outputChannels, double rate,
                                    int bufferSizeSamples)
{
    close();
    activeOutputs = outputChannels;
    activeOutputs.setRange (maxOutputChannels, juce::jmax (0, activeOutputs.getHighestBit() + 1), false);
    // Any rate is honoured: the device only keeps time, so it runs at whatever the session needs.
    sampleRate = rate > 0.0 ? rate : 48000.0;
    bufferSize = bufferSizeSamples > 0 ? bufferSizeSamples : getDefaultBufferSize();
    opened = true;
    return {};
}

void NullAudioDevice::close()
{
    stop();
    opened = false;
}

void NullAudioDevice::start (juce::AudioIODeviceCallback* newCallback)
{
    if (! opened || newCallback == nullptr || newCallback == callback)
        return;
    stop();
    newCallback->audioDeviceAboutToStart (this);
    callback = newCallback;
    fault = Fault::none;
    blocks = 0;
    running = true;
    thread = std::thread ([this] { run(); });
}

void NullAudioDevice::stop()
{
    if (callback == nullptr)
        return;
    running = false;
    if (thread.joinable())
        thread.join();
    std::exchange (callback, nullptr)->audioDeviceStopped();
}

void NullAudioDevice::simulateFailure (const juce::String& message)
{
    faultMessage = message;
    fault.store (Fault::failure, std::memory_order_release);
}

void NullAudioDevice::simulateStall()
{
    fault.store (Fault::stall, std::memory_order_release);
}

void NullAudioDevice::captureOutput (int64_t frames)
{
    auto capture = std::make_unique<Capture>();
    capture->channels.assign (size_t (juce::jmax (1, activeOutputs.countNumberOfSetBits())),
                              std::vector<float> (size_t (frames), 0.0f));
    activeCapture.store (capture.get(), std::memory_order_release);
    captures.push_back (std::move (capture));
}

int64_t NullAudioDevice::capturedFrames() const noexcept
{
    const auto* capture = activeCapture.load (std::memory_order_acquire);
    return capture != nullptr ? capture->frames.load (std::memory_order_acquire) : 0;
}

const std::vector<float>& NullAudioDevice::capturedChannel (int channel) const
{
    return activeCapture.load (std::memory_order_acquire)->channels.at (size_t (channel));
}

void NullAudioDevice::record (const float* const* outputs, int numOutputs) noexcept
{
    auto* capture = activeCapture.load (std::memory_order_acquire);
    if (capture == nullptr)
        return;
    const auto done = capture->frames.load (std::memory_order_relaxed);
    const auto capacity = int64_t (capture->channels[0].size());
    const int n = int (std::min<int64_t> (bufferSize, capacity - done));
    if (n <= 0)
        return;
    for (int c = 0; c < numOutputs && c < int (capture->channels.size()); ++c)
        std::copy (outputs[c], outputs[c] + n, capture->channels[size_t (c)].begin() + done);
    capture->frames.store (done + n, std::memory_order_release);
}

void NullAudioDevice::run()
{
    // Buffers are made here, before the first callback, so the loop itself never allocates.
    const int numOutputs = activeOutputs.countNumberOfSetBits();
    juce::AudioBuffer<float> outputs (juce::jmax (1, numOutputs), bufferSize);
    juce::AudioIODeviceCallbackContext context;

    using Clock = std::chrono::steady_clock;
    const auto period =
        std::chrono::duration_cast<Clock::duration> (std::chrono::duration<double> (double (bufferSize) / sampleRate));
    // A device does not catch up after the machine stalled it; beyond this, restart the clock.
    const auto maxLag = std::chrono::milliseconds (100);
    auto next = Clock::now();

    while (running.load (std::memory_order_relaxed))
    {
        if (const auto f = fault.load (std::memory_order_acquire); f != Fault::none)
        {
            if (f == Fault::failure)
                callback->audioDeviceError (faultMessage);
            return; // a failed device calls back no more; stop() joins and reports
        }

        outputs.clear();
        callback->audioDeviceIOCallbackWithContext (nullptr, 0, outputs.getArrayOfWritePointers(), numOutputs, bufferSize,
                                                    context);
        record (outputs.getArrayOfReadPointers(), numOutputs);
        blocks.fetch_add (1, std::memory_order_release);

        next += period;
        const auto now = Clock::now();
        if (now - next > maxLag)
            next = now;
        std::this_thread::sleep_until (next);
    }
}
} // namespace sprocket::device
