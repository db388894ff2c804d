#pragma once

#include <juce_audio_devices/juce_audio_devices.h>

namespace sprocket::device
{
/** The device type behind "No audio output": one NullAudioDevice, for machines without a
    sound card (see NullAudioDevice). simulateRemoval() takes the device away the way an
    unplugged USB interface disappears, so the vanishing-device path can be tested.
    [[message thread]] */
class NullAudioDeviceType final : public juce::AudioIODeviceType
{
public:
    static constexpr const char* typeName = "No audio output";
    static constexpr const char* deviceName = "No audio output";

    NullAudioDeviceType();

    void scanForDevices() override {}
    juce::StringArray getDeviceNames (bool wantInputNames) const override;
    int getDefaultDeviceIndex (bool forInput) const override;
    int getIndexOfDevice (juce::AudioIODevice* device, bool asInput) const override;
    bool hasSeparateInputsAndOutputs() const override { return false; }
    juce::AudioIODevice* createDevice (const juce::String& outputDeviceName, const juce::String& inputDeviceName) override;

    /** The device leaves the list and listeners (the AudioDeviceManager) are told. */
    void simulateRemoval();

private:
    bool present = true;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (NullAudioDeviceType)
};
} // namespace sprocket::device
