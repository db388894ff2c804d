#pragma once

#include <string>

namespace sprocket::core
{
/** `text` without the spaces and tabs at either end (names typed into dialogs). */
inline std::string trimmed (const std::string& text)
{
    const auto first = text.find_first_not_of (" \t");
    if (first == std::string::npos)
        return {};
    return text.substr (first, text.find_last_not_of (" \t") - first + 1);
}
} // namespace sprocket::core
