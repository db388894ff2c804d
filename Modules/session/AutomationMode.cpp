#include "session/AutomationMode.h"

#include <array>
#include <utility>

namespace sprocket::session
{
namespace
{
    constexpr std::array<std::pair<AutomationMode, std::string_view>, 6> names { {
        { AutomationMode::off, "off" },
        { AutomationMode::read, "read" },
        { AutomationMode::touch, "touch" },
        { AutomationMode::latch, "latch" },
        { AutomationMode::write, "write" },
        { AutomationMode::trim, "trim" },
    } };
} // namespace

std::string_view automationModeName (AutomationMode mode) noexcept
{
    for (auto& [value, name] : names)
        if (value == mode)
            return name;
    return "off";
}

std::optional<AutomationMode> parseAutomationMode (std::string_view name) noexcept
{
    for (auto& [value, text] : names)
        if (text == name)
            return value;
    return std::nullopt;
}
} // namespace sprocket::session
