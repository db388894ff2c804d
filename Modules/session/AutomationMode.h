#pragma once

#include <optional>
#include <string_view>

namespace sprocket::session
{
/** How a lane takes part in a playback pass (Pro Tools' automation modes):
    - off:   the lane is neither played nor written;
    - read:  the lane is played, never written;
    - touch: written while the control is touched; after release it glides back to the existing
             automation over the AutoMatch time;
    - latch: written from the first touch until the transport stops, holding the last value;
    - write: written from play start to stop, whatever the control does;
    - trim:  as touch, but the control is an offset added to the existing automation.
    AutomationRecorder turns a pass into breakpoints. [[any thread]] */
enum class AutomationMode
{
    off,
    read,
    touch,
    latch,
    write,
    trim
};

/** "off", "read", "touch", "latch", "write", "trim". */
std::string_view automationModeName (AutomationMode mode) noexcept;
std::optional<AutomationMode> parseAutomationMode (std::string_view name) noexcept;
} // namespace sprocket::session
