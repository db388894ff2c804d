#include "DeliveryJob.h"

#include <cassert>

namespace sprocket::app
{
DeliveryJob::DeliveryJob (session::Session session, engine::DeliverySpec spec, std::filesystem::path folder,
                          std::function<void (double)> observer)
{
    // Started last, once every member it touches exists.
    thread =
        std::thread ([this, s = std::move (session), sp = std::move (spec), f = std::move (folder),
                      o = std::move (observer)]() mutable { run (std::move (s), std::move (sp), std::move (f), std::move (o)); });
}

DeliveryJob::~DeliveryJob()
{
    cancel();
    if (thread.joinable())
        thread.join();
}

void DeliveryJob::run (session::Session session, engine::DeliverySpec spec, std::filesystem::path folder,
                       std::function<void (double)> observer)
{
    engine::DeliveryOptions options;
    options.progress = [&] (double done) {
        fraction.store (done);
        if (observer)
            observer (done);
        return ! cancelRequested.load();
    };
    result.emplace (engine::deliver (session, spec, folder, options));
    finished.store (true, std::memory_order_release);
}

const core::Result<engine::DeliveryReport>& DeliveryJob::outcome() const
{
    assert (isFinished());
    return *result;
}
} // namespace sprocket::app
