#pragma once

#include <cstdint>

namespace sprocket::test
{
/** Counts heap and lock calls made by a thread while it is marked as being inside the audio
    callback. The counting lives in AudioThreadAudit.cpp, which replaces malloc, free and
    friends and pthread_mutex_lock/trylock for the whole test binary. */
struct AudioThreadAudit
{
    static void enter() noexcept;
    static void leave() noexcept;
    static int64_t allocations() noexcept;
    static int64_t frees() noexcept;
    static int64_t locks() noexcept;
    static void reset() noexcept;
    /** False in sanitizer builds, where the sanitizer owns malloc and the locks: the scenarios
        then run for the sanitizer to watch, and count nothing. */
    static bool counting() noexcept;
};

/** Marks the current scope as audio-thread code. */
struct AuditedScope
{
    AuditedScope() noexcept { AudioThreadAudit::enter(); }
    ~AuditedScope() { AudioThreadAudit::leave(); }
};
} // namespace sprocket::test
