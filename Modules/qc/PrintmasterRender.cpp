#include "qc/PrintmasterRender.h"

#include "engine/OfflineRenderer.h"

namespace sprocket::qc
{
core::Result<std::unique_ptr<RenderedPrintmaster>> RenderedPrintmaster::render (const session::Session& session,
                                                                                const std::filesystem::path& workFolder,
                                                                                const std::function<void (double)>& progress)
{
    std::error_code error;
    std::filesystem::create_directories (workFolder, error);
    if (error)
        return core::Error { workFolder.string() + ": cannot create a work folder (" + error.message() + ")" };
    std::unique_ptr<RenderedPrintmaster> rendered (new RenderedPrintmaster());
    rendered->folder = workFolder;

    engine::OfflineRenderOptions options;
    options.outputFolder = workFolder;
    options.sampleFormat = io::SampleFormat::float32;
    options.onProgress = progress;
    auto summary = engine::renderOffline (session, options);
    if (! summary.ok())
        return summary.error();
    for (const auto& file : summary->files)
    {
        rendered->files.push_back (file.path);
        if (file.role == "PM")
            rendered->printmaster = file.path;
    }
    return rendered;
}

RenderedPrintmaster::~RenderedPrintmaster()
{
    std::error_code error;
    for (const auto& file : files)
        std::filesystem::remove (file, error);
    std::filesystem::remove (folder, error); // only if empty: never someone else's files
}
} // namespace sprocket::qc
