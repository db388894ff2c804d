#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <thread>

namespace sprocket::app
{
/** One piece of slow work (a render, a scan of a movie) on a thread of its own, polled by the
    message thread: the result crosses over once `isFinished()` says so. Destroying the task waits
    for the work. */
template <typename Result>
class BackgroundTask
{
public:
    explicit BackgroundTask (std::function<Result()> work)
        : thread ([this, work = std::move (work)] {
              result.emplace (work());
              finished.store (true, std::memory_order_release);
          })
    {
    }

    ~BackgroundTask()
    {
        if (thread.joinable())
            thread.join();
    }

    bool isFinished() const noexcept { return finished.load (std::memory_order_acquire); }

    /** The result; only once isFinished(). */
    Result take()
    {
        thread.join();
        return std::move (*result);
    }

private:
    std::optional<Result> result; // written before `finished`
    std::atomic<bool> finished { false };
    std::thread thread; // last: starts once the members above exist
};
} // namespace sprocket::app
