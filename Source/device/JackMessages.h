#pragma once

namespace sprocket::device
{
/** Silences libjack's client-side messages ("Cannot connect to server socket ...", "jack
    server is not running ...") that it prints on stderr each time JUCE looks for a JACK
    server, which is every device scan on a machine without one: most machines. JUCE installs
    its own quiet handlers only once a client has connected. Whether JACK is there is visible
    anyway: its devices are listed, or not. Does nothing when libjack is not installed.
    [[message thread]] before the first device scan. */
void quietenJackMessages();
} // namespace sprocket::device
