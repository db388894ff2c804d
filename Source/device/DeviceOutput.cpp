#include "device/DeviceOutput.h"

#include "device/JackMessages.h"
#include "device/NullAudioDevice.h"
#include "device/NullAudioDeviceType.h"

#include <chrono>
#include <cmath>
#include <thread>

namespace sprocket::device
{
namespace
{
    juce::String quoted (const juce::String& name)
    {
        return "'" + name + "'";
    }

    std::string rateText (double rate)
    {
        return juce::String (rate / 1000.0, 1).toStdString() + " kHz";
    }

    /** A declicked stop takes RealtimeEngine::declickFrames; after a locate the engine may
        also wait (silent) for the disk streamer to buffer. Two seconds of blocks is far more
        than either needs and bounds how long a failure can hold the message thread. */
    constexpr int maxSettleMs = 2000;
} // namespace

DeviceOutput::DeviceOutput (engine::RealtimeEngine& engineToPlay, OutputFormat outputFormat, Options outputOptions)
    : engine (engineToPlay), format (outputFormat), options (outputOptions),
      callback (engineToPlay, outputFormat.channels, outputFormat.maxBlockSize),
      settleScratch (size_t (outputFormat.channels) * size_t (outputFormat.maxBlockSize)),
      settleChannels (size_t (outputFormat.channels))
{
    for (size_t c = 0; c < settleChannels.size(); ++c)
        settleChannels[c] = settleScratch.data() + c * size_t (format.maxBlockSize);

    quietenJackMessages();
    // Creates (and scans) the platform types first: the manager only creates them when it has
    // none, so adding ours before would leave it with no ALSA or JACK.
    manager.getAvailableDeviceTypes();
    if (options.fallBackToSilence || options.offerSilentDevice)
    {
        auto type = std::make_unique<NullAudioDeviceType>();
        silentType = type.get();
        manager.addAudioDeviceType (std::move (type));
    }
    manager.addChangeListener (this);
}

DeviceOutput::~DeviceOutput()
{
    manager.removeChangeListener (this);
    close();
}

bool DeviceOutput::isSilentType (const juce::AudioIODeviceType* type) const noexcept
{
    return type != nullptr && type == silentType;
}

bool DeviceOutput::isSilent() const noexcept
{
    return opened && openedType == NullAudioDeviceType::typeName;
}

NullAudioDevice* DeviceOutput::silentDevice() noexcept
{
    return dynamic_cast<NullAudioDevice*> (manager.getCurrentAudioDevice());
}

std::vector<std::string> DeviceOutput::availableDevices()
{
    std::vector<std::string> names;
    for (auto* type : manager.getAvailableDeviceTypes())
    {
        if (isSilentType (type) && ! options.offerSilentDevice)
            continue;
        for (auto& name : type->getDeviceNames (false))
            names.push_back ((quoted (name) + " (" + type->getTypeName() + ")").toStdString());
    }
    return names;
}

std::optional<DeviceOutput::Choice> DeviceOutput::defaultDevice()
{
    // A running JACK server is the user's choice of audio system (and holds the card), so it
    // wins over ALSA; otherwise the first type in JUCE's order that has an output.
    juce::AudioIODeviceType* best = nullptr;
    for (auto* type : manager.getAvailableDeviceTypes())
    {
        if (isSilentType (type) || type->getDeviceNames (false).isEmpty())
            continue;
        if (best == nullptr || type->getTypeName() == "JACK")
            best = type;
    }
    if (best == nullptr)
        return std::nullopt;
    const auto names = best->getDeviceNames (false);
    return Choice { best, names[juce::jlimit (0, names.size() - 1, best->getDefaultDeviceIndex (false))] };
}

std::optional<DeviceOutput::Choice> DeviceOutput::findDevice (const std::string& name, std::string& error)
{
    const auto wanted = juce::String (name).trim();
    const auto available = [this] {
        std::string list;
        for (auto& entry : availableDevices())
            list += (list.empty() ? "" : ", ") + entry;
        return list.empty() ? std::string ("none") : list;
    };

    if (wanted.isEmpty() || wanted == "default")
    {
        if (auto choice = defaultDevice())
            return choice;
        if (options.fallBackToSilence && silentType != nullptr)
            return Choice { silentType, NullAudioDeviceType::deviceName };
        error = "no default audio output device (available: " + available() + ")";
        return std::nullopt;
    }

    for (auto* type : manager.getAvailableDeviceTypes())
    {
        if (isSilentType (type) && ! options.offerSilentDevice)
            continue;
        for (auto& candidate : type->getDeviceNames (false))
            if (candidate.trim().equalsIgnoreCase (wanted))
                return Choice { type, candidate };
    }
    error = "no audio device named " + quoted (wanted).toStdString() + " (available: " + available() + ")";
    return std::nullopt;
}

core::Status DeviceOutput::open (const std::string& name)
{
    close();

    std::string error;
    const auto choice = findDevice (name, error);
    if (! choice)
        return core::makeError (error);

    // close() above matters here too: with a device open, JUCE's setCurrentAudioDeviceType
    // closes it and sleeps 1.5 s "for OS devices to sort themselves out".
    manager.setCurrentAudioDeviceType (choice->type->getTypeName(), false);
    auto setup = manager.getAudioDeviceSetup();
    setup.outputDeviceName = choice->name;
    setup.inputDeviceName = {};
    setup.useDefaultInputChannels = false;
    setup.inputChannels.clear();
    setup.useDefaultOutputChannels = false;
    setup.outputChannels.clear();
    setup.outputChannels.setRange (0, format.channels, true);
    setup.sampleRate = format.sampleRate;
    setup.bufferSize = options.bufferSize;
    const auto problem = manager.setAudioDeviceSetup (setup, false);

    // Without a sound card JUCE can return no error and no device (BUILD-NOTES §4): the
    // device pointer is the only proof that something opened.
    auto* device = manager.getCurrentAudioDevice();
    if (problem.isNotEmpty() || device == nullptr || ! device->isPlaying())
    {
        closeDevice();
        return core::makeError ("cannot open audio device " + quoted (choice->name).toStdString() + " ("
                                + choice->type->getTypeName().toStdString() + ")"
                                + (problem.isNotEmpty() ? ": " + problem.toStdString() : std::string()));
    }

    callback.takeFailure(); // anything from a device we closed on the way here
    callback.expectStop (false);
    manager.addAudioCallback (&callback);

    opened = true;
    failureMessage.clear();
    openedName = device->getName().toStdString();
    openedType = device->getTypeName().toStdString();
    openedRate = device->getCurrentSampleRate();
    openedBufferSize = device->getCurrentBufferSizeSamples();
    openedOutputs = device->getActiveOutputChannels().countNumberOfSetBits();
    openedLatency = device->getOutputLatencyInSamples();
    lastCallbackCount = callback.callbacks();
    lastProgressMs = juce::Time::getMillisecondCounterHiRes();
    return {};
}

void DeviceOutput::closeDevice()
{
    callback.expectStop (true);
    manager.removeAudioCallback (&callback);
    manager.closeAudioDevice();
    callback.expectStop (false);
    opened = false;
}

void DeviceOutput::close()
{
    if (! opened && manager.getCurrentAudioDevice() == nullptr)
        return;
    closeDevice();
    callback.takeFailure(); // a report racing our own close is no failure
    settleTransport();
}

void DeviceOutput::settleTransport()
{
    // No device calls the engine now (closing joined its thread), so the message thread can
    // run the blocks that carry out the stop: the declick fade, then the state change. Left
    // pending, the stop would instead play out as a burst of old audio when a device opens.
    engine.stop();
    const auto started = std::chrono::steady_clock::now();
    for (int block = 0;; ++block)
    {
        engine.process (settleChannels.data(), format.maxBlockSize);
        if (! engine.isPlaying())
            return;
        if (std::chrono::steady_clock::now() - started > std::chrono::milliseconds (maxSettleMs))
            return;
        if (block > 16) // past the fade: the engine is waiting for the streamer to buffer
            std::this_thread::sleep_for (std::chrono::milliseconds (1));
    }
}

void DeviceOutput::fail (const std::string& message)
{
    closeDevice();
    callback.takeFailure();
    settleTransport();
    failureMessage = message;
    if (onFailure)
        onFailure (message);
}

std::optional<std::string> DeviceOutput::poll()
{
    if (! opened || inPoll)
        return std::nullopt;
    // onFailure may show an alert that runs the message loop: do not come back in meanwhile.
    const juce::ScopedValueSetter<bool> guard (inPoll, true);

    const auto device = quoted (juce::String (openedName)).toStdString();
    auto* current = manager.getCurrentAudioDevice();
    std::optional<std::string> message;

    // The manager closes a device that left the device list (and may open another): either
    // way ours is gone. Checked before the callback's note, which then only says "stopped".
    if (current == nullptr || current->getName().toStdString() != openedName
        || current->getTypeName().toStdString() != openedType)
        message = "the audio device " + device + " is no longer available";
    else if (auto note = callback.takeFailure())
        message = "the audio device " + device + " " + *note;
    else
    {
        const auto now = juce::Time::getMillisecondCounterHiRes();
        if (const auto count = callback.callbacks(); count != lastCallbackCount)
        {
            lastCallbackCount = count;
            lastProgressMs = now;
        }
        else if (now - lastProgressMs > double (options.stallTimeoutMs))
            message = "the audio device " + device + " stopped calling back (no audio for "
                      + std::to_string (int (std::lround ((now - lastProgressMs) / 1000.0))) + " s)";
    }

    if (message)
        fail (*message);
    return message;
}

void DeviceOutput::changeListenerCallback (juce::ChangeBroadcaster*)
{
    // The manager broadcasts after every start, stop and device-list change; poll() finds
    // out whether one of them concerns us.
    poll();
}

std::string DeviceOutput::statusText() const
{
    if (! opened)
        return failureMessage.empty() ? "Audio: off" : "Audio: stopped \xe2\x80\x94 " + failureMessage;
    if (openedType == NullAudioDeviceType::typeName)
        return "Audio: no output device \xe2\x80\x94 playing silently";

    auto text = "Audio: " + openedName;
    if (std::abs (openedRate - format.sampleRate) > 0.5)
        text +=
            " (device at " + rateText (openedRate) + ", session " + rateText (format.sampleRate) + ": plays at the wrong speed)";
    if (openedOutputs < format.channels)
        text += " (" + std::to_string (openedOutputs) + " of " + std::to_string (format.channels) + " channels)";
    return text;
}
} // namespace sprocket::device
