#include "qc/QcRun.h"

#include "core/Timecode.h"
#include "engine/OfflineRenderer.h"
#include "io/AudioFileReader.h"

#include <cmath>
#include <vector>

namespace sprocket::qc
{
namespace
{
    constexpr int64_t blockFrames = 65536;

    ProgrammeScanner::Options scanOptions (const QcSpec& spec)
    {
        ProgrammeScanner::Options o;
        o.clipLevel = std::pow (10.0, spec.clipLevelDbfs / 20.0);
        o.clipRun = spec.clipRunSamples;
        return o;
    }
} // namespace

core::Result<QcScan> scanAudioFile (const std::filesystem::path& file, const QcSpec& spec,
                                    const std::function<void (double)>& progress)
{
    auto reader = io::AudioFileReader::open (file);
    if (! reader.ok())
        return reader.error();
    const auto& info = (*reader)->info();
    if (info.frames == 0)
        return core::Error { file.string() + ": holds no audio" };

    QcScan scan;
    scan.subject.input = file;
    scan.subject.description = file.filename().string();
    if (info.bext)
        scan.subject.startSample = info.bext->timeReference;

    ProgrammeScanner scanner;
    scanner.prepare ((double) info.sampleRate, info.channels, info.frames, scanOptions (spec));
    std::vector<std::vector<float>> buffers ((size_t) info.channels, std::vector<float> ((size_t) blockFrames));
    std::vector<float*> pointers;
    for (auto& b : buffers)
        pointers.push_back (b.data());
    for (int64_t start = 0; start < info.frames; start += blockFrames)
    {
        const int64_t n = std::min (blockFrames, info.frames - start);
        auto read = (*reader)->readPlanar (start, pointers.data(), n);
        if (! read.ok())
            return read.error();
        scanner.process (pointers.data(), (int) n);
        if (progress)
            progress ((double) (start + n) / (double) info.frames);
    }
    scan.profile = scanner.finish();
    return scan;
}

core::Result<QcScan> scanSessionPrintmaster (const session::Session& session, const QcSpec& spec,
                                             const std::filesystem::path& workFolder,
                                             const std::function<void (double)>& progress)
{
    std::error_code error;
    std::filesystem::create_directories (workFolder, error);
    if (error)
        return core::Error { workFolder.string() + ": cannot create a work folder (" + error.message() + ")" };
    engine::OfflineRenderOptions options;
    options.outputFolder = workFolder;
    options.sampleFormat = io::SampleFormat::float32; // QC sees the mix before any quantisation
    if (progress)
        options.onProgress = [&] (double done) { progress (0.5 * done); };
    auto rendered = engine::renderOffline (session, options);
    if (! rendered.ok())
        return rendered.error();
    std::filesystem::path printmaster;
    for (const auto& file : rendered->files)
        if (file.role == "PM")
            printmaster = file.path;

    auto scan = scanAudioFile (printmaster, spec, [&] (double done) {
        if (progress)
            progress (0.5 + 0.5 * done);
    });
    for (const auto& file : rendered->files)
        std::filesystem::remove (file.path, error);
    std::filesystem::remove (workFolder, error); // only if empty: never someone else's files
    if (! scan.ok())
        return scan.error();
    scan->subject.description = "printmaster of " + session.name;
    scan->subject.startSample = core::samplesSinceMidnight (session.startTimecode, session.frameRate, session.sampleRate);
    scan->subject.frameRate = session.frameRate;
    return scan;
}
} // namespace sprocket::qc
