#include "device/NullAudioDeviceType.h"

#include "device/NullAudioDevice.h"

namespace sprocket::device
{
NullAudioDeviceType::NullAudioDeviceType() : AudioIODeviceType (typeName) {}

juce::StringArray NullAudioDeviceType::getDeviceNames (bool wantInputNames) const
{
    if (wantInputNames || ! present)
        return {};
    return { deviceName };
}

int NullAudioDeviceType::getDefaultDeviceIndex (bool forInput) const
{
    return forInput || ! present ? -1 : 0;
}

int NullAudioDeviceType::getIndexOfDevice (juce::AudioIODevice* device, bool asInput) const
{
    return device != nullptr && ! asInput && present && device->getName() == deviceName ? 0 : -1;
}

juce::AudioIODevice* NullAudioDeviceType::createDevice (const juce::String& outputDeviceName, const juce::String&)
{
    if (! present || (outputDeviceName.isNotEmpty() && outputDeviceName != deviceName))
        return nullptr;
    return new NullAudioDevice (deviceName, typeName);
}

void NullAudioDeviceType::simulateRemoval()
{
    present = false;
    callDeviceChangeListeners();
}
} // namespace sprocket::device
