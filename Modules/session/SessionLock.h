#pragma once

#include "core/Error.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace sprocket::session
{
/** Who holds a session open for writing, as written in its lock file. */
struct LockOwner
{
    std::string user;
    std::string host;
    int64_t pid = 0;
    std::string since; // ISO 8601, for people to read
};

/** A lock file beside a session on shared storage ("<session>.lock"), so that a second person
    who opens it is told who has it and gets it read-only. Taken with O_EXCL, which NFS v3+ and
    SMB honour. A lock is stale, and may be taken over, when its process is gone (same host) or
    when it has not been refreshed for `staleAfter` (another host: the holder refreshes it
    while it works, so a crashed machine's lock times out). [[message thread]] */
class SessionLock
{
public:
    static constexpr auto staleAfter = std::chrono::minutes (10);

    /** Takes the lock, or fails naming who holds it (the owner is also returned through
        `heldBy`). A stale lock is replaced. */
    static core::Result<SessionLock> acquire (const std::filesystem::path& session, LockOwner* heldBy = nullptr);

    /** Who holds the session's lock now, if anyone does (stale or not). */
    static std::optional<LockOwner> currentOwner (const std::filesystem::path& session);

    static std::filesystem::path lockFileFor (const std::filesystem::path& session);

    SessionLock (SessionLock&& other) noexcept;
    SessionLock& operator= (SessionLock&& other) noexcept;
    SessionLock (const SessionLock&) = delete;
    ~SessionLock();

    /** Marks the lock as alive (call every minute or so). */
    void refresh();
    /** Gives the lock up (also done on destruction). */
    void release();

    const std::filesystem::path& file() const noexcept { return lockFile; }

private:
    explicit SessionLock (std::filesystem::path file) : lockFile (std::move (file)) {}
    std::filesystem::path lockFile;
};

/** The owner this process would write: user, host name and pid. */
LockOwner thisProcessAsOwner();

/** Whether a lock by `owner`, last refreshed at `refreshed`, is stale seen from this process. */
bool isStale (const LockOwner& owner, std::filesystem::file_time_type refreshed);
} // namespace sprocket::session
