#include "SessionLoader.h"

#include "session/MediaCheck.h"
#include "session/SessionFile.h"

#include <juce_core/juce_core.h>

#include <cstdlib>
#include <string_view>
#include <system_error>

namespace sprocket::app
{
OpenResult SessionLoader::open (const std::filesystem::path& file)
{
    std::error_code ec;
    if (! std::filesystem::is_regular_file (file, ec))
        return { std::nullopt, { { file.string(), "no such session file" } } };

    auto loaded = session::loadSessionFile (file);
    if (! loaded.session.has_value())
    {
        if (loaded.problems.empty())
            loaded.problems.push_back ({ file.string(), "could not be loaded" });
        return { std::nullopt, std::move (loaded.problems) };
    }

    DisplaySession document;
    document.session = std::move (*loaded.session);
    document.mediaProblems = session::checkMedia (document.session);
    document.offlineMediaIds = offlineMediaIn (document.session, document.mediaProblems);
    document.repairs = std::move (loaded.warnings);
    return { std::move (document), {} };
}

std::set<std::string> SessionLoader::offlineMediaIn (const session::Session& session,
                                                     const session::Problems& mediaProblems)
{
    // checkMedia names a missing or unreadable file as "media[i].path"; every other media
    // problem (channel count, clip past the end) still leaves the file playable.
    constexpr std::string_view prefix = "media[";
    std::set<std::string> offline;
    for (auto& problem : mediaProblems)
    {
        if (problem.path.rfind (prefix, 0) != 0)
            continue;
        const auto close = problem.path.find ("].path", prefix.size());
        if (close == std::string::npos)
            continue;
        const auto index = std::strtoul (problem.path.c_str() + prefix.size(), nullptr, 10);
        if (index < session.media.size())
            offline.insert (session.media[index].id);
    }
    return offline;
}

std::filesystem::path SessionLoader::findDemoSession()
{
    std::error_code ec;
#ifdef SPROCKET_DEMO_SESSION
    if (const std::filesystem::path compiledIn (SPROCKET_DEMO_SESSION); std::filesystem::is_regular_file (compiledIn, ec))
        return compiledIn;
#endif
    const auto exeDir = std::filesystem::path (
        juce::File::getSpecialLocation (juce::File::currentExecutableFile).getParentDirectory().getFullPathName()
            .toStdString());
    for (auto candidate : { exeDir / "demo.sprocket", exeDir / "demo" / "demo.sprocket" })
        if (std::filesystem::is_regular_file (candidate, ec))
            return candidate;
    return {};
}

std::string SessionLoader::describe (const session::Problems& problems, size_t maxLines)
{
    std::string text;
    for (size_t i = 0; i < problems.size() && i < maxLines; ++i)
        text += problems[i].toString() + "\n";
    if (problems.size() > maxLines)
        text += "... and " + std::to_string (problems.size() - maxLines) + " more\n";
    return text;
}
} // namespace sprocket::app
