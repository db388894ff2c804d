#include "engine/WorkerPool.h"

#include <pthread.h>
#include <string>

namespace sprocket::engine
{
WorkerPool::WorkerPool (int workers)
{
    sem_init (&wakeups, 0, 0);
    for (int i = 0; i < workers; ++i)
        threads.emplace_back ([this, i] { workerLoop (i + 1); });
}

WorkerPool::~WorkerPool()
{
    stopping.store (true);
    for (size_t i = 0; i < threads.size(); ++i)
        sem_post (&wakeups);
    for (auto& thread : threads)
        thread.join();
    sem_destroy (&wakeups);
}

void WorkerPool::wakeWorkers() noexcept
{
    // Top the count up to one wake-up per worker; more would only make idle workers spin.
    int pending = 0;
    sem_getvalue (&wakeups, &pending);
    for (int i = pending; i < int (threads.size()); ++i)
        sem_post (&wakeups);
}

int WorkerPool::defaultWorkerCount() noexcept
{
    const auto cores = int (std::thread::hardware_concurrency());
    return cores > 1 ? cores - 1 : 0;
}

void WorkerPool::drain() noexcept
{
    for (;;)
    {
        const int i = nextTask.fetch_add (1, std::memory_order_acq_rel);
        if (i >= taskCount)
            return;
        task (context, i);
        doneTasks.fetch_add (1, std::memory_order_acq_rel);
    }
}

void WorkerPool::run (Task newTask, void* newContext, int count) noexcept
{
    if (count <= 0)
        return;
    if (threads.empty() || count == 1)
    {
        for (int i = 0; i < count; ++i)
            newTask (newContext, i);
        return;
    }
    // No worker is inside a job here (see the end of run), so the job can be rewritten.
    task = newTask;
    context = newContext;
    taskCount = count;
    doneTasks.store (0, std::memory_order_relaxed);
    nextTask.store (0, std::memory_order_relaxed);
    jobOpen.store (true, std::memory_order_seq_cst);
    wakeWorkers();

    drain();
    while (doneTasks.load (std::memory_order_acquire) < count)
        std::this_thread::yield(); // the last tasks are running on workers: they finish within the block

    // Close the job and let every worker that entered it leave before the fields change again.
    // Sequentially consistent on both sides (store flag, then load count; increment count, then
    // load flag): with acquire/release alone x86 may reorder the store after the load, and a
    // worker could slip into a job the caller already thinks is empty.
    jobOpen.store (false, std::memory_order_seq_cst);
    while (activeWorkers.load (std::memory_order_seq_cst) != 0)
        std::this_thread::yield();
}

void WorkerPool::workerLoop (int index) noexcept
{
    const auto name = "sprocket-worker-" + std::to_string (index);
    pthread_setname_np (pthread_self(), name.c_str());
    for (;;)
    {
        while (sem_wait (&wakeups) != 0)
        {
        } // EINTR: wait again
        if (stopping.load())
            return;
        // Enter only an open job; the caller closes it and waits for us before changing it.
        activeWorkers.fetch_add (1, std::memory_order_seq_cst);
        if (jobOpen.load (std::memory_order_seq_cst))
            drain();
        activeWorkers.fetch_sub (1, std::memory_order_seq_cst);
    }
}
} // namespace sprocket::engine
