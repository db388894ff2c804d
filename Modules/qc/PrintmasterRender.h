#pragma once

#include "core/Error.h"
#include "session/Session.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

namespace sprocket::qc
{
/** A session's printmaster rendered (32-bit float, so checks see the mix before any
    quantisation) into a work folder, for QC and the sync check to read. The files go, and the
    folder when it is empty, when this does. */
class RenderedPrintmaster
{
public:
    /** Renders through engine::renderOffline; errors are the render's. */
    static core::Result<std::unique_ptr<RenderedPrintmaster>> render (const session::Session& session,
                                                                      const std::filesystem::path& workFolder,
                                                                      const std::function<void (double)>& progress = {});
    ~RenderedPrintmaster();
    RenderedPrintmaster (const RenderedPrintmaster&) = delete;
    RenderedPrintmaster& operator= (const RenderedPrintmaster&) = delete;

    const std::filesystem::path& file() const noexcept { return printmaster; }

private:
    RenderedPrintmaster() = default;

    std::filesystem::path folder;
    std::filesystem::path printmaster;
    std::vector<std::filesystem::path> files;
};
} // namespace sprocket::qc
