#pragma once

#include <set>
#include <string>

namespace sprocket::session
{
/** `base` if no id in `used` is already `base`, else the first free `base-2`, `base-3`, ... */
inline std::string unusedId (const std::set<std::string>& used, const std::string& base)
{
    if (! used.contains (base))
        return base;
    for (int n = 2;; ++n)
        if (auto id = base + "-" + std::to_string (n); ! used.contains (id))
            return id;
}
} // namespace sprocket::session
