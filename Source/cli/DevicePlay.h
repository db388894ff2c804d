#pragma once

#include "PlaySession.h"

#include <string>

namespace sprocket::cli
{
/** `play --device NAME`: plays through a sound card opened by name ("default" for the system's),
    via sprocket::device. Exit 1 with the reason when the device cannot be opened or fails while
    playing. Only built when JUCE is (SPROCKET_BUILD_APP=ON). */
int playOnDevice (PlayRequest request, const std::string& deviceName);
} // namespace sprocket::cli
