#include "engine/OfflineRenderer.h"

#include "core/Timecode.h"
#include "dsp/TpdfDither.h"
#include "engine/FileMediaSource.h"
#include "engine/MixEngine.h"
#include "engine/OfflineTrackSource.h"
#include "engine/PlanCompiler.h"
#include "engine/WorkerPool.h"
#include "io/AudioFileWriter.h"

#include <ctime>
#include <memory>

namespace sprocket::engine
{
namespace
{
    struct Output
    {
        std::string role;
        int busIndex = -1; // -1: the master
        int channels = 2;
        std::filesystem::path path;
        std::unique_ptr<io::AudioFileWriter> writer;
        dsp::TpdfDither dither;
        int64_t latency = 0; // how far this output lags the timeline
    };

    io::BroadcastInfo broadcastInfo (const session::Session& session, const std::string& description)
    {
        io::BroadcastInfo bext;
        bext.description = description;
        bext.originator = "Sprocket";
        const std::time_t now = std::time (nullptr);
        std::tm local {};
        localtime_r (&now, &local);
        char date[16], time[16];
        std::strftime (date, sizeof date, "%Y-%m-%d", &local);
        std::strftime (time, sizeof time, "%H:%M:%S", &local);
        bext.originationDate = date;
        bext.originationTime = time;
        bext.timeReference = core::samplesSinceMidnight (session.startTimecode, session.frameRate, session.sampleRate);
        return bext;
    }

    int ditherBits (io::SampleFormat format)
    {
        // Only 16-bit needs it: at 24 bits the truncation error sits at -144 dBFS, below any converter.
        return format == io::SampleFormat::pcm16 ? 16 : 0;
    }
} // namespace

std::string renderFileName (const std::string& sessionName, const std::string& role, io::ContainerFormat container)
{
    std::string name = sessionName + "_" + role;
    for (auto& c : name)
        if (c == '/' || c == '\0')
            c = '_';
    return name + "." + std::string (io::fileExtension (container));
}

core::Result<RenderSummary> renderOffline (const session::Session& session, const OfflineRenderOptions& options)
{
    const auto plan = compilePlan (session);
    if (plan.length <= 0)
        return core::makeError (session.filePath.string() + ": nothing to render (the session has no clips)");
    {
        // Every file must open before anything is written; the streamer reopens them itself.
        FileMediaSource preflight (plan);
        if (auto opened = preflight.openAll(); ! opened)
            return opened.error();
    }

    std::error_code ec;
    std::filesystem::create_directories (options.outputFolder, ec);
    if (ec)
        return core::makeError (options.outputFolder.string() + ": cannot create output folder (" + ec.message() + ")");

    std::vector<Output> outputs;
    outputs.push_back ({ "PM", -1, plan.masterChannels, {}, {}, dsp::TpdfDither (1) });
    if (options.stems)
        for (size_t b = 0; b < plan.buses.size(); ++b)
            outputs.push_back ({ plan.buses[b].id, int (b), plan.buses[b].channels, {}, {}, dsp::TpdfDither (b + 2) });

    for (auto& output : outputs)
    {
        output.path = options.outputFolder / renderFileName (session.name, output.role, options.container);
        io::WriteSpec spec;
        spec.container = options.container;
        spec.sampleFormat = options.sampleFormat;
        spec.channels = output.channels;
        spec.sampleRate = session.sampleRate;
        spec.expectedFrames = plan.length;
        if (options.container == io::ContainerFormat::wav || options.container == io::ContainerFormat::rf64)
        {
            const auto* bus = output.busIndex >= 0 ? &session.buses[size_t (output.busIndex)] : nullptr;
            spec.bext = broadcastInfo (session, session.name + (bus ? " " + bus->name + " stem" : " printmaster"));
        }
        auto writer = io::AudioFileWriter::create (output.path, spec);
        if (! writer.ok())
            return writer.error();
        output.writer = std::move (writer.value());
    }

    // Each track's whole strip (decode, fades, inserts) runs on whichever core is free; the
    // mixer then sums tracks in order, so the result does not depend on the number of cores.
    OfflineTrackSource tracks (plan, options.blockSize);
    WorkerPool workers (WorkerPool::defaultWorkerCount());
    MixEngine mixer;
    mixer.prepare (plan, options.blockSize);
    std::vector<float> scratch (size_t (options.blockSize) * maxChannels);
    std::vector<float*> scratchPointers (maxChannels);
    for (int c = 0; c < maxChannels; ++c)
        scratchPointers[size_t (c)] = scratch.data() + size_t (c) * size_t (options.blockSize);

    // Inserts with latency (a look-ahead limiter) delay the outputs: each file drops its
    // output's lag from the front and the mix runs on by the longest lag, so every file lines
    // up with the timeline sample for sample.
    for (auto& output : outputs)
        output.latency = output.busIndex < 0 ? mixer.latency() : mixer.busLatency (output.busIndex);
    const int64_t mixLength = plan.length + mixer.latency();

    const int bits = ditherBits (options.sampleFormat);
    int lastPercent = -1;
    for (int64_t position = 0; position < mixLength; position += options.blockSize)
    {
        if (options.isCancelled && options.isCancelled())
            return core::makeError ("render cancelled");
        const int n = int (std::min<int64_t> (options.blockSize, mixLength - position));
        mixer.process (position, n, tracks, &workers);
        if (auto failure = tracks.firstError())
            return *failure;

        for (auto& output : outputs)
        {
            // This block covers output frames [position - latency, + n); keep those in [0, length).
            const int64_t first = std::max<int64_t> (position, output.latency);
            const int64_t last = std::min<int64_t> (position + n, plan.length + output.latency);
            if (last <= first)
                continue;
            const int skip = int (first - position);
            const int count = int (last - first);
            const float* const* mixed = output.busIndex < 0 ? mixer.masterOutput() : mixer.busOutput (output.busIndex);
            for (int c = 0; c < output.channels; ++c)
            {
                std::copy (mixed[c] + skip, mixed[c] + skip + count, scratchPointers[size_t (c)]);
                if (bits > 0)
                    output.dither.process (scratchPointers[size_t (c)], count, bits);
            }
            if (auto written = output.writer->writePlanar (scratchPointers.data(), count); ! written)
                return written.error();
        }

        if (options.onProgress)
            if (const int percent = int (100 * (position + n) / mixLength); percent != lastPercent)
            {
                lastPercent = percent;
                options.onProgress (double (position + n) / double (mixLength));
            }
    }

    RenderSummary summary;
    summary.frames = plan.length;
    summary.problems = plan.problems;
    for (auto& output : outputs)
    {
        if (auto finished = output.writer->finish(); ! finished)
            return finished.error();
        summary.files.push_back ({ output.role, output.path });
    }
    return summary;
}
} // namespace sprocket::engine
