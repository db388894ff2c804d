#include "session/SessionLock.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <pwd.h>
#include <sstream>
#include <unistd.h>

namespace sprocket::session
{
namespace
{
    std::string hostName()
    {
        char name[256] = {};
        return ::gethostname (name, sizeof name - 1) == 0 ? std::string (name) : std::string ("unknown-host");
    }

    std::string userName()
    {
        if (const auto* entry = ::getpwuid (::geteuid()); entry != nullptr && entry->pw_name != nullptr)
            return entry->pw_name;
        if (const char* user = std::getenv ("USER"))
            return user;
        return "unknown-user";
    }

    std::string nowIso8601()
    {
        const auto now = std::time (nullptr);
        std::tm local {};
        localtime_r (&now, &local);
        char text[32];
        std::strftime (text, sizeof text, "%Y-%m-%dT%H:%M:%S", &local);
        return text;
    }

    std::string describe (const LockOwner& owner)
    {
        return owner.user + " on " + owner.host + " (process " + std::to_string (owner.pid) + ", since " + owner.since + ")";
    }

    /** Creates the lock file only if there is none: the atomic step two machines can race on. */
    bool createExclusively (const std::filesystem::path& file, const LockOwner& owner)
    {
        const int fd = ::open (file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd < 0)
            return false;
        const auto text = nlohmann::json {
            { "user", owner.user }, { "host", owner.host }, { "pid", owner.pid }, { "since", owner.since }
        }.dump();
        const bool written = ::write (fd, text.data(), text.size()) == ssize_t (text.size());
        ::fsync (fd);
        ::close (fd);
        return written;
    }
} // namespace

LockOwner thisProcessAsOwner()
{
    return { userName(), hostName(), int64_t (::getpid()), nowIso8601() };
}

bool isStale (const LockOwner& owner, std::filesystem::file_time_type refreshed)
{
    if (owner.host == hostName())
        return owner.pid <= 0 || (::kill (pid_t (owner.pid), 0) != 0 && errno == ESRCH);
    return std::filesystem::file_time_type::clock::now() - refreshed > SessionLock::staleAfter;
}

std::filesystem::path SessionLock::lockFileFor (const std::filesystem::path& session)
{
    return session.parent_path() / (session.filename().string() + ".lock");
}

std::optional<LockOwner> SessionLock::currentOwner (const std::filesystem::path& session)
{
    std::ifstream in (lockFileFor (session));
    if (! in)
        return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    LockOwner owner;
    const auto json = nlohmann::json::parse (text.str(), nullptr, false);
    if (json.is_object())
    {
        owner.user = json.value ("user", "");
        owner.host = json.value ("host", "");
        owner.pid = json.value ("pid", int64_t (0));
        owner.since = json.value ("since", "");
    }
    return owner; // an unreadable lock still counts as held, by somebody unknown
}

core::Result<SessionLock> SessionLock::acquire (const std::filesystem::path& session, LockOwner* heldBy)
{
    const auto file = lockFileFor (session);
    const auto me = thisProcessAsOwner();
    for (int attempt = 0; attempt < 2; ++attempt)
    {
        if (createExclusively (file, me))
            return SessionLock (file);
        if (errno != EEXIST)
            return core::makeError (file.string() + ": cannot create the lock file (" + std::strerror (errno) + ")");
        auto owner = currentOwner (session);
        if (! owner)
            continue; // released meanwhile: try again
        std::error_code ec;
        const auto refreshed = std::filesystem::last_write_time (file, ec);
        if (! ec && isStale (*owner, refreshed))
        {
            std::filesystem::remove (file, ec); // a dead process's lock: take it over
            continue;
        }
        if (heldBy != nullptr)
            *heldBy = *owner;
        return core::makeError (session.filename().string() + " is open by " + describe (*owner) + "; it opens read-only");
    }
    return core::makeError (file.string() + ": could not take the lock");
}

SessionLock::SessionLock (SessionLock&& other) noexcept : lockFile (std::exchange (other.lockFile, {})) {}

SessionLock& SessionLock::operator= (SessionLock&& other) noexcept
{
    if (this != &other)
    {
        release();
        lockFile = std::exchange (other.lockFile, {});
    }
    return *this;
}

SessionLock::~SessionLock()
{
    release();
}

void SessionLock::refresh()
{
    std::error_code ec;
    if (! lockFile.empty())
        std::filesystem::last_write_time (lockFile, std::filesystem::file_time_type::clock::now(), ec);
}

void SessionLock::release()
{
    if (lockFile.empty())
        return;
    // Only our own lock: if it was taken over as stale meanwhile, it is someone else's now.
    if (auto owner = currentOwner (lockFile.parent_path() / lockFile.stem());
        owner && owner->pid == ::getpid() && owner->host == hostName())
    {
        std::error_code ec;
        std::filesystem::remove (lockFile, ec);
    }
    lockFile.clear();
}
} // namespace sprocket::session
