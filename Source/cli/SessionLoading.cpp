#include "SessionLoading.h"

#include "CommandLine.h"

#include "session/MediaCheck.h"
#include "session/SessionFile.h"

#include <cctype>
#include <fstream>

namespace sprocket::cli
{
bool looksLikeSession (const std::filesystem::path& file)
{
    const auto extension = file.extension().string();
    if (extension == ".sprocket" || extension == ".json")
        return true;
    std::ifstream in (file, std::ios::binary);
    char first = 0;
    while (in.get (first) && std::isspace (static_cast<unsigned char> (first)))
    {
    }
    return first == '{';
}

session::Problems sessionAndMediaProblems (const std::filesystem::path& file, std::optional<session::Session>& loaded,
                                           session::Problems& warnings)
{
    auto result = session::loadSessionFile (file);
    loaded = std::move (result.session);
    warnings = std::move (result.warnings);
    return loaded ? session::checkMedia (*loaded) : result.problems;
}

std::optional<session::Session> loadValidSession (const std::filesystem::path& file)
{
    std::optional<session::Session> loaded;
    session::Problems warnings;
    const auto problems = sessionAndMediaProblems (file, loaded, warnings);
    for (auto& warning : warnings)
        printError ("warning: " + file.string() + ": " + warning.toString());
    if (problems.empty())
        return loaded;
    for (auto& problem : problems)
        printError (file.string() + ": " + problem.toString());
    return std::nullopt;
}
} // namespace sprocket::cli
