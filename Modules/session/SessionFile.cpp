#include "session/SessionFile.h"

#include "session/SessionJson.h"
#include "session/SessionMigration.h"
#include "session/SessionValidator.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace sprocket::session
{
namespace
{
    std::string systemError()
    {
        return std::strerror (errno);
    }

    core::Status writeAllAndSync (const std::filesystem::path& file, const std::string& text)
    {
        const int fd = ::open (file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0)
            return core::makeError (file.string() + ": cannot create (" + systemError() + ")");
        size_t written = 0;
        while (written < text.size())
        {
            const auto n = ::write (fd, text.data() + written, text.size() - written);
            if (n < 0)
            {
                if (errno == EINTR)
                    continue;
                const auto why = systemError();
                ::close (fd);
                return core::makeError (file.string() + ": write failed (" + why + ")");
            }
            written += size_t (n);
        }
        if (::fsync (fd) != 0)
        {
            const auto why = systemError();
            ::close (fd);
            return core::makeError (file.string() + ": flush to disk failed (" + why + ")");
        }
        if (::close (fd) != 0)
            return core::makeError (file.string() + ": close failed (" + systemError() + ")");
        return {};
    }

    void syncDirectory (const std::filesystem::path& folder)
    {
        // Makes the rename itself durable; failure only weakens the guarantee, so it is not fatal.
        const int fd = ::open (folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0)
        {
            ::fsync (fd);
            ::close (fd);
        }
    }
} // namespace

LoadResult loadSessionText (const std::string& text, const std::filesystem::path& file)
{
    LoadResult result;
    nlohmann::json document;
    try
    {
        document = nlohmann::json::parse (text);
    }
    catch (const nlohmann::json::parse_error& e)
    {
        result.problems.push_back ({ "", "not valid JSON (at byte " + std::to_string (e.byte) + "): " + e.what() });
        return result;
    }

    migrateSessionDocument (document, result.problems);
    if (! result.problems.empty())
        return result;

    auto session = sessionFromJson (document, result.problems, result.warnings);
    if (! result.problems.empty())
        return result;

    session.filePath = std::filesystem::absolute (file).lexically_normal();
    result.problems = validateStructure (session);
    if (result.problems.empty())
        result.session = std::move (session);
    return result;
}

LoadResult loadSessionFile (const std::filesystem::path& file)
{
    std::error_code ec;
    if (! std::filesystem::exists (file, ec))
        return { std::nullopt, { { "", file.string() + ": no such file" } }, {} };
    if (std::filesystem::is_directory (file, ec))
        return { std::nullopt, { { "", file.string() + ": is a folder, not a session file" } }, {} };

    std::ifstream in (file, std::ios::binary);
    if (! in)
        return { std::nullopt, { { "", file.string() + ": cannot open (" + systemError() + ")" } }, {} };
    std::stringstream buffer;
    buffer << in.rdbuf();
    return loadSessionText (buffer.str(), file);
}

namespace
{
    /** Removes what saves killed midway left of `target` (`.<name>.saving-<pid>`). Only files
        untouched for an hour: a save takes milliseconds, and another machine on the shared
        storage may be saving right now (its process ids mean nothing here). */
    void removeAbandonedTemporaries (const std::filesystem::path& target)
    {
        const auto prefix = "." + target.filename().string() + ".saving-";
        const auto oldest = std::filesystem::file_time_type::clock::now() - std::chrono::hours (1);
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator (target.parent_path(), ec))
        {
            const auto name = entry.path().filename().string();
            std::error_code ignored;
            if (name.rfind (prefix, 0) == 0 && entry.is_regular_file (ignored) && entry.last_write_time (ignored) < oldest)
                std::filesystem::remove (entry.path(), ignored);
        }
    }
} // namespace

core::Status saveSessionFile (const Session& session, const std::filesystem::path& file)
{
    const auto target = std::filesystem::absolute (file).lexically_normal();
    const auto folder = target.parent_path();

    // Media and movie paths are stored relative to where the session file will be.
    const auto storedPath = [&] (const std::filesystem::path& path) {
        const auto resolved = std::filesystem::absolute (session.resolvePath (path)).lexically_normal();
        auto relative = resolved.lexically_relative (folder);
        return relative.empty() ? resolved : relative;
    };
    Session toSave = session;
    for (auto& media : toSave.media)
        media.path = storedPath (media.path);
    if (toSave.video)
        toSave.video->path = storedPath (toSave.video->path);

    const auto text = sessionToJson (toSave).dump (2) + "\n";
    const auto temporary = folder / ("." + target.filename().string() + ".saving-" + std::to_string (::getpid()));
    if (auto written = writeAllAndSync (temporary, text); ! written)
    {
        std::error_code ignored;
        std::filesystem::remove (temporary, ignored);
        return written;
    }

    std::error_code ec;
    std::filesystem::rename (temporary, target, ec);
    if (ec)
    {
        std::error_code ignored;
        std::filesystem::remove (temporary, ignored);
        return core::makeError (target.string() + ": cannot replace (" + ec.message() + ")");
    }
    syncDirectory (folder);
    removeAbandonedTemporaries (target);
    return {};
}
} // namespace sprocket::session
