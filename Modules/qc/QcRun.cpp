#include "qc/QcRun.h"

#include "core/Timecode.h"
#include "io/AudioFileReader.h"
#include "qc/PrintmasterRender.h"

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
    auto rendered = RenderedPrintmaster::render (session, workFolder, [&] (double done) {
        if (progress)
            progress (0.5 * done);
    });
    if (! rendered.ok())
        return rendered.error();
    auto scan = scanAudioFile ((*rendered)->file(), spec, [&] (double done) {
        if (progress)
            progress (0.5 + 0.5 * done);
    });
    if (! scan.ok())
        return scan.error();
    scan->subject.description = "printmaster of " + session.name;
    scan->subject.startSample = core::samplesSinceMidnight (session.startTimecode, session.frameRate, session.sampleRate);
    scan->subject.frameRate = session.frameRate;
    return scan;
}
} // namespace sprocket::qc
