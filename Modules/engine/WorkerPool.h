#pragma once

#include <atomic>
#include <semaphore.h>
#include <thread>
#include <vector>

namespace sprocket::engine
{
/** Spreads the independent tasks of one audio callback (the tracks' clip and insert stages)
    over worker threads "sprocket-worker-N" and the calling thread. Dispatch is lock-free: a job
    is published through atomics, idle workers sleep on a POSIX semaphore (sem_post is an atomic
    increment plus a futex wake: no mutex; std::atomic::wait was avoided because GCC 12's
    libstdc++ can lose its wake-ups),
    and the caller takes tasks itself, so the block never waits on a sleeping worker to start.
    Task functions are plain function pointers with a context, so nothing is copied or allocated
    per call. */
class WorkerPool
{
public:
    using Task = void (*) (void* context, int taskIndex) noexcept;

    /** Starts `workers` threads (none on a single core). [[message thread]] */
    explicit WorkerPool (int workers);
    ~WorkerPool();

    /** Runs task(context, i) for i in [0, taskCount) and returns when all are done.
        [[audio thread]] no allocation or lock; one caller at a time. */
    void run (Task task, void* context, int taskCount) noexcept;

    int workerCount() const noexcept { return int (threads.size()); }

    /** One worker per core beyond the caller's. */
    static int defaultWorkerCount() noexcept;

private:
    void workerLoop (int index) noexcept;
    void drain() noexcept;
    void wakeWorkers() noexcept;

    std::vector<std::thread> threads;
    sem_t wakeups;
    std::atomic<bool> stopping { false };
    std::atomic<int> nextTask { 0 };
    std::atomic<int> doneTasks { 0 };
    std::atomic<int> activeWorkers { 0 };
    std::atomic<bool> jobOpen { false };
    Task task = nullptr;
    void* context = nullptr;
    int taskCount = 0;
};
} // namespace sprocket::engine
