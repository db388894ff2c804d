#pragma once

#include "session/Problems.h"
#include "session/Session.h"

#include <filesystem>
#include <optional>
#include <set>
#include <string>

namespace sprocket::app
{
/** What the app shows: a session plus what is wrong with its media. Missing media do not
    stop a session from opening (an editor must be able to relink them); they are drawn
    offline instead. */
struct DisplaySession
{
    session::Session session;
    std::set<std::string> offlineMediaIds; // media ids whose file is missing or unreadable
    session::Problems mediaProblems;      // everything checkMedia reported
    session::Problems repairs = {};       // what loading repaired (automation points out of order or range)
};

/** A session ready to show, or the problems that kept it from loading. */
struct OpenResult
{
    std::optional<DisplaySession> document;
    session::Problems problems;
};

/** The app's one place that reads sessions from disk: loadSessionFile, then checkMedia.
    [[message thread]] */
class SessionLoader
{
public:
    static OpenResult open (const std::filesystem::path& file);

    /** Media ids named by checkMedia's "media[i].path" problems. */
    static std::set<std::string> offlineMediaIn (const session::Session& session,
                                                 const session::Problems& mediaProblems);

    /** The session shown when the app starts without one: the compiled-in demo path if it
        exists, else demo.sprocket next to the executable (or in demo/ there). Empty if none. */
    static std::filesystem::path findDemoSession();

    /** "path: message" lines for an alert, cut after `maxLines` with a count of the rest. */
    static std::string describe (const session::Problems& problems, size_t maxLines = 20);
};
} // namespace sprocket::app
