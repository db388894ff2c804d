// Interposes the C allocator and pthread mutex locking for this test binary. An executable's
// definitions win over libc's at dynamic link time, so every malloc from libstdc++ (operator
// new), moodycamel or our code comes through here. glibc exports its real allocator as
// __libc_malloc & co; the real lock functions are found with dlsym(RTLD_NEXT).
#include "AudioThreadAudit.h"

#include <atomic>
#include <cstddef>
#include <dlfcn.h>
#include <pthread.h>

extern "C"
{
    void* __libc_malloc (size_t);
    void* __libc_calloc (size_t, size_t);
    void* __libc_realloc (void*, size_t);
    void* __libc_memalign (size_t, size_t);
    void __libc_free (void*);
}

namespace
{
thread_local bool inAudioCallback = false;
std::atomic<int64_t> allocationCount { 0 }, freeCount { 0 }, lockCount { 0 };

inline void countIf (std::atomic<int64_t>& counter) noexcept
{
    if (inAudioCallback)
        counter.fetch_add (1, std::memory_order_relaxed);
}

using LockFunction = int (*) (pthread_mutex_t*);
LockFunction realLock = nullptr;
LockFunction realTryLock = nullptr;

LockFunction resolve (const char* name) noexcept
{
    return reinterpret_cast<LockFunction> (dlsym (RTLD_NEXT, name));
}
} // namespace

extern "C"
{
    void* malloc (size_t size)
    {
        countIf (allocationCount);
        return __libc_malloc (size);
    }

    void* calloc (size_t n, size_t size)
    {
        countIf (allocationCount);
        return __libc_calloc (n, size);
    }

    void* realloc (void* p, size_t size)
    {
        countIf (allocationCount);
        return __libc_realloc (p, size);
    }

    void* aligned_alloc (size_t alignment, size_t size)
    {
        countIf (allocationCount);
        return __libc_memalign (alignment, size);
    }

    int posix_memalign (void** out, size_t alignment, size_t size)
    {
        countIf (allocationCount);
        *out = __libc_memalign (alignment, size);
        return *out != nullptr ? 0 : 12; // ENOMEM
    }

    void free (void* p)
    {
        if (p != nullptr)
            countIf (freeCount);
        __libc_free (p);
    }

    int pthread_mutex_lock (pthread_mutex_t* mutex)
    {
        countIf (lockCount);
        if (realLock == nullptr)
            realLock = resolve ("pthread_mutex_lock");
        return realLock (mutex);
    }

    int pthread_mutex_trylock (pthread_mutex_t* mutex)
    {
        countIf (lockCount);
        if (realTryLock == nullptr)
            realTryLock = resolve ("pthread_mutex_trylock");
        return realTryLock (mutex);
    }
}

namespace sprocket::test
{
void AudioThreadAudit::enter() noexcept
{
    inAudioCallback = true;
}
void AudioThreadAudit::leave() noexcept
{
    inAudioCallback = false;
}
int64_t AudioThreadAudit::allocations() noexcept
{
    return allocationCount.load();
}
int64_t AudioThreadAudit::frees() noexcept
{
    return freeCount.load();
}
int64_t AudioThreadAudit::locks() noexcept
{
    return lockCount.load();
}
bool AudioThreadAudit::counting() noexcept { return true; }

void AudioThreadAudit::reset() noexcept
{
    allocationCount = 0;
    freeCount = 0;
    lockCount = 0;
}
} // namespace sprocket::test
