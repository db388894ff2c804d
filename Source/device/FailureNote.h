#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <optional>
#include <string>

namespace sprocket::device
{
/** Carries one failure message from whichever thread a driver reports on (often its audio
    thread) to the message thread, without allocating or locking: the first writer claims the
    slot, copies into a fixed buffer and marks it ready; later messages are dropped until the
    message thread has taken the first, which is the one that explains what happened. */
class FailureNote
{
public:
    /** Posts `what` followed by `detail`. [[any thread]] lock-free, no allocation; text longer
        than the buffer is cut. */
    void post (const char* what, const char* detail = "") noexcept
    {
        int expected = empty;
        if (! state.compare_exchange_strong (expected, writing, std::memory_order_acquire))
            return;
        const size_t first = std::min (std::strlen (what), text.size() - 1);
        std::memcpy (text.data(), what, first);
        const size_t second = std::min (std::strlen (detail), text.size() - 1 - first);
        std::memcpy (text.data() + first, detail, second);
        text[first + second] = '\0';
        state.store (ready, std::memory_order_release);
    }

    /** The posted message, once; frees the slot. [[message thread]] */
    std::optional<std::string> take()
    {
        if (state.load (std::memory_order_acquire) != ready)
            return std::nullopt;
        std::string message (text.data());
        state.store (empty, std::memory_order_release);
        return message;
    }

    bool pending() const noexcept { return state.load (std::memory_order_acquire) == ready; }

private:
    static constexpr int empty = 0, writing = 1, ready = 2;
    static_assert (std::atomic<int>::is_always_lock_free);

    std::array<char, 512> text {};
    std::atomic<int> state { empty };
};
} // namespace sprocket::device
