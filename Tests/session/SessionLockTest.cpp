#include "session/SessionLock.h"
#include "session/Autosave.h"
#include "session/SessionFile.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace sprocket;
using namespace sprocket::session;

namespace
{
void writeLock (const std::filesystem::path& session, const std::string& host, int64_t pid)
{
    std::ofstream (SessionLock::lockFileFor (session))
        << "{\"user\": \"maria\", \"host\": \"" << host << "\", \"pid\": " << pid << ", \"since\": \"2026-11-26T09:00:00\"}";
}

int64_t deadPid()
{
    const pid_t child = ::fork();
    if (child == 0)
        ::_exit (0);
    ::waitpid (child, nullptr, 0);
    return child;
}
} // namespace

TEST (SessionLockTest, ASecondOpenerIsToldWhoHoldsTheSession)
{
    const auto folder = test::freshTempFolder ("lock_held");
    const auto session = folder / "reel1.sprocket";
    auto first = SessionLock::acquire (session);
    ASSERT_TRUE (first.ok()) << first.error().message;
    EXPECT_TRUE (std::filesystem::exists (folder / "reel1.sprocket.lock"));

    LockOwner holder;
    auto second = SessionLock::acquire (session, &holder);
    ASSERT_FALSE (second.ok());
    EXPECT_EQ (holder.pid, ::getpid());
    EXPECT_NE (second.error().message.find ("read-only"), std::string::npos);
    EXPECT_NE (second.error().message.find (holder.user), std::string::npos);

    first->release();
    EXPECT_FALSE (std::filesystem::exists (folder / "reel1.sprocket.lock"));
    EXPECT_TRUE (SessionLock::acquire (session).ok());
}

TEST (SessionLockTest, ALockFromADeadProcessOnThisHostIsTakenOver)
{
    const auto folder = test::freshTempFolder ("lock_dead");
    const auto session = folder / "reel1.sprocket";
    writeLock (session, thisProcessAsOwner().host, deadPid());
    auto lock = SessionLock::acquire (session);
    ASSERT_TRUE (lock.ok()) << lock.error().message;
    EXPECT_EQ (SessionLock::currentOwner (session)->pid, ::getpid());
}

TEST (SessionLockTest, AnotherHostsLockIsHeldUntilItStopsBeingRefreshed)
{
    const auto folder = test::freshTempFolder ("lock_remote");
    const auto session = folder / "reel1.sprocket";
    writeLock (session, "edit-bay-2", 4242);
    LockOwner holder;
    auto refused = SessionLock::acquire (session, &holder);
    ASSERT_FALSE (refused.ok());
    EXPECT_EQ (holder.host, "edit-bay-2");
    EXPECT_NE (refused.error().message.find ("maria on edit-bay-2"), std::string::npos);

    // Eleven minutes without a refresh: that machine has gone away.
    std::filesystem::last_write_time (SessionLock::lockFileFor (session),
                                      std::filesystem::file_time_type::clock::now() - std::chrono::minutes (11));
    EXPECT_TRUE (SessionLock::acquire (session).ok());
}

TEST (SessionLockTest, ReleasingDoesNotRemoveSomeoneElsesLock)
{
    const auto folder = test::freshTempFolder ("lock_takeover");
    const auto session = folder / "reel1.sprocket";
    auto mine = SessionLock::acquire (session);
    ASSERT_TRUE (mine.ok());
    writeLock (session, "edit-bay-2", 4242); // taken over while we thought we had it
    mine->release();
    EXPECT_TRUE (std::filesystem::exists (SessionLock::lockFileFor (session)));
}

TEST (AutosaveTest, AnAutosaveNewerThanTheSessionIsOfferedAndDiscardedAfterSaving)
{
    const auto folder = test::freshTempFolder ("autosave");
    const auto file = folder / "reel1.sprocket";
    Session s;
    s.name = "Reel 1";
    ASSERT_TRUE (saveSessionFile (s, file));
    EXPECT_FALSE (hasRecoverableAutosave (file));

    std::this_thread::sleep_for (std::chrono::milliseconds (20));
    s.name = "Reel 1 edited";
    ASSERT_TRUE (writeAutosave (s, file));
    EXPECT_TRUE (hasRecoverableAutosave (file));
    auto recovered = loadSessionFile (autosaveFileFor (file));
    ASSERT_TRUE (recovered.session.has_value());
    EXPECT_EQ (recovered.session->name, "Reel 1 edited");
    auto original = loadSessionFile (file);
    EXPECT_EQ (original.session->name, "Reel 1"); // the user's file is never written by autosave

    discardAutosave (file);
    EXPECT_FALSE (hasRecoverableAutosave (file));
}

TEST (AutosaveTest, AnAutosaveInTheSameClockTickAsTheSessionIsOfferedUnlessItHoldsTheSameText)
{
    // File times tick in jiffies: an edit autosaved right after the session was written can
    // carry the very same time. Pin both times to be sure.
    const auto folder = test::freshTempFolder ("autosave_tick");
    const auto file = folder / "reel2.sprocket";
    Session s;
    s.name = "Reel 2";
    ASSERT_TRUE (saveSessionFile (s, file));
    ASSERT_TRUE (writeAutosave (s, file));
    const auto time = std::filesystem::last_write_time (file);
    std::filesystem::last_write_time (autosaveFileFor (file), time);
    EXPECT_FALSE (hasRecoverableAutosave (file)); // the same text: nothing to recover

    s.name = "Reel 2 edited";
    ASSERT_TRUE (writeAutosave (s, file));
    std::filesystem::last_write_time (autosaveFileFor (file), time);
    EXPECT_TRUE (hasRecoverableAutosave (file));

    std::filesystem::last_write_time (autosaveFileFor (file), time - std::chrono::seconds (5));
    EXPECT_FALSE (hasRecoverableAutosave (file)); // older than the session: the save superseded it
}
