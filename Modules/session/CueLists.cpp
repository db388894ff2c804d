#include "session/CueLists.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace sprocket::session
{
std::string_view adrStatusName (AdrStatus status) noexcept
{
    switch (status)
    {
        case AdrStatus::pending:
            return "pending";
        case AdrStatus::recorded:
            return "recorded";
        case AdrStatus::approved:
            return "approved";
        case AdrStatus::omitted:
            return "omitted";
    }
    return "pending";
}

std::optional<AdrStatus> parseAdrStatus (std::string_view text)
{
    std::string word;
    for (char c : text)
        word += char (std::tolower ((unsigned char) c));
    while (! word.empty() && std::isspace ((unsigned char) word.back()))
        word.pop_back();
    word.erase (0, std::min (word.size(), word.find_first_not_of (" \t")));

    struct Spelling
    {
        std::string_view text;
        AdrStatus status;
    };
    static constexpr std::array spellings {
        Spelling { "pending", AdrStatus::pending },   Spelling { "", AdrStatus::pending },
        Spelling { "todo", AdrStatus::pending },      Spelling { "to record", AdrStatus::pending },
        Spelling { "recorded", AdrStatus::recorded }, Spelling { "done", AdrStatus::recorded },
        Spelling { "approved", AdrStatus::approved }, Spelling { "ok", AdrStatus::approved },
        Spelling { "omitted", AdrStatus::omitted },   Spelling { "omit", AdrStatus::omitted },
        Spelling { "cut", AdrStatus::omitted }
    };
    for (auto& spelling : spellings)
        if (word == spelling.text)
            return spelling.status;
    return std::nullopt;
}
} // namespace sprocket::session
