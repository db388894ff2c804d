#pragma once

#include "engine/Delivery.h"

#include <atomic>
#include <functional>
#include <optional>
#include <thread>

namespace sprocket::app
{
/** One delivery (engine::deliver) on a background thread of its own, so the message thread
    only polls: progress, cancel and the outcome cross over through atomics. The job works on
    its own copy of the session, so edits made meanwhile cannot race with it. */
class DeliveryJob
{
public:
    /** Starts at once. `observer`, if set, is called with the progress on the delivery thread
        (tests slow the delivery down with it). [[message thread]] */
    DeliveryJob (session::Session session, engine::DeliverySpec spec, std::filesystem::path folder,
                 std::function<void (double)> observer = {});

    /** Cancels and waits: engine::deliver stops at its next step and removes what it wrote
        under temporary names. [[message thread]] */
    ~DeliveryJob();

    /** 0..1. [[any thread]] */
    double progress() const noexcept { return fraction.load(); }

    /** Asks the delivery to stop; its progress callback then returns false. [[any thread]] */
    void cancel() noexcept { cancelRequested.store (true); }
    bool wasCancelled() const noexcept { return cancelRequested.load(); }

    bool isFinished() const noexcept { return finished.load (std::memory_order_acquire); }

    /** The report or the error; only once isFinished(). [[message thread]] */
    const core::Result<engine::DeliveryReport>& outcome() const;

private:
    void run (session::Session session, engine::DeliverySpec spec, std::filesystem::path folder,
              std::function<void (double)> observer);

    std::atomic<double> fraction { 0.0 };
    std::atomic<bool> cancelRequested { false };
    std::atomic<bool> finished { false };
    std::optional<core::Result<engine::DeliveryReport>> result; // written before `finished`
    std::thread thread;
};
} // namespace sprocket::app
