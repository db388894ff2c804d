#include "engine/Delivery.h"

#include "core/Decibels.h"
#include "core/Timecode.h"
#include "dsp/LoudnessAnalyser.h"
#include "dsp/TpdfDither.h"
#include "dsp/TruePeakLimiterProcessor.h"
#include "engine/OfflineRenderer.h"
#include "engine/PlanCompiler.h"
#include "io/AudioFileWriter.h"
#include "io/FileDigest.h"
#include "io/ResamplingReader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>

namespace sprocket::engine
{
namespace
{
    /** The rate the mix is taken to run at so that converting it to the target makes the pull:
        48000 Hz treated as 47952 and converted back to 48000 gets 0.1% more samples, so it
        plays 0.1% slower (pull-down); treated as 48048 it plays 0.1% faster (pull-up). */
    int64_t pulledRate (int64_t rate, DeliverySpec::Pull pull)
    {
        switch (pull)
        {
            case DeliverySpec::Pull::down:
                return (rate * 1000 + 500) / 1001;
            case DeliverySpec::Pull::up:
                return (rate * 1001 + 500) / 1000;
            case DeliverySpec::Pull::none:
                break;
        }
        return rate;
    }

    int bitsOf (io::SampleFormat format)
    {
        switch (format)
        {
            case io::SampleFormat::pcm16:
                return 16;
            case io::SampleFormat::pcm24:
                return 24;
            case io::SampleFormat::pcm32:
                return 32;
            case io::SampleFormat::float32:
                return 32;
            case io::SampleFormat::float64:
                return 64;
        }
        return 24;
    }

    bool isInteger (io::SampleFormat format)
    {
        return format != io::SampleFormat::float32 && format != io::SampleFormat::float64;
    }

    void replaceAll (std::string& text, const std::string& token, const std::string& value)
    {
        for (auto at = text.find (token); at != std::string::npos; at = text.find (token, at + value.size()))
            text.replace (at, token.size(), value);
    }

    /** Removes the working folder however the delivery ends. */
    struct ScratchFolder
    {
        std::filesystem::path path;
        ~ScratchFolder()
        {
            std::error_code ec;
            std::filesystem::remove_all (path, ec);
        }
    };

    /** Which buses a pass leaves out: outputs that share it come from one render. */
    std::vector<std::string> leftOut (const DeliveryOutput& output)
    {
        if (output.source != DeliveryOutput::Source::mixMinus)
            return {};
        auto buses = output.buses;
        std::sort (buses.begin(), buses.end());
        return buses;
    }

    /** Below the spec's ceiling, the limiter's own: 16-bit TPDF dither and rounding add at most
        1.5 LSB (0.0005 dB at -1 dBTP, a little more between samples), and an oversampler more
        exact than BS.1770's reads hard material up to 0.17 dB higher than the limiter's meter
        does (docs/DELIVERY.md); 0.1 dB covers the first many times and most of the second. */
    constexpr double limiterSafetyMarginDb = 0.1;

    std::string decibels (double value)
    {
        char text[32];
        std::snprintf (text, sizeof text, "%.2f", value);
        return text;
    }

    core::Status checkOutputs (const session::Session& session, const DeliverySpec& spec)
    {
        for (auto& output : spec.outputs)
        {
            for (auto& bus : output.buses)
                if (session.findBus (bus) == nullptr)
                    return core::makeError ("output '" + output.role + "': the session has no bus '" + bus + "'");
            const int width = output.source == DeliveryOutput::Source::bus ? session.findBus (output.buses[0])->channels
                                                                           : session.master.channels;
            if (output.downmixTo && width != 6 && width != 8)
                return core::makeError ("output '" + output.role + "': a stereo downmix needs a 5.1 or 7.1 source, not "
                                        + std::to_string (width) + " channel(s)");
        }
        return {};
    }

    /** The session without `buses`: each is silenced, and the aux sends of everything that
        feeds them (their tracks, the buses themselves, and buses routed into them) are muted,
        so an M&E holds no dialogue through a reverb return either. */
    session::Session withoutBuses (const session::Session& session, const std::vector<std::string>& buses)
    {
        auto variant = session;
        std::set<std::string> feeding (buses.begin(), buses.end());
        for (bool grew = true; grew;)
        {
            grew = false;
            for (auto& bus : variant.buses)
                if (feeding.contains (bus.output) && feeding.insert (bus.id).second)
                    grew = true;
        }
        for (auto& bus : variant.buses)
        {
            if (std::find (buses.begin(), buses.end(), bus.id) != buses.end())
                bus.gainDb = -200.0; // silence: this pass is the mix without it
            if (feeding.contains (bus.id))
                for (auto& send : bus.sends)
                    send.mute = true;
        }
        for (auto& track : variant.tracks)
            if (feeding.contains (track.output))
                for (auto& send : track.sends)
                    send.mute = true;
        return variant;
    }
} // namespace

bool DeliveryReport::allPassed() const
{
    return std::all_of (files.begin(), files.end(), [] (auto& f) { return f.passed; });
}

std::string deliveryFileName (const DeliverySpec& spec, const session::Session& session, const DeliveryOutput& output)
{
    auto name = spec.namePattern;
    const auto rate = spec.sampleRate > 0 ? spec.sampleRate : session.sampleRate;
    replaceAll (name, "{session}", session.name);
    replaceAll (name, "{role}", output.role);
    replaceAll (name, "{spec}", spec.name);
    replaceAll (name, "{rate}", std::to_string (rate));
    replaceAll (name, "{bits}",
                spec.sampleFormat == io::SampleFormat::float32 ? "32f" : std::to_string (bitsOf (spec.sampleFormat)));
    for (auto& c : name)
        if (c == '/' || c == '\\' || c == '\0')
            c = '_';
    return name;
}

core::Result<DeliveryReport> deliver (const session::Session& session, const DeliverySpec& spec,
                                      const std::filesystem::path& folder, const DeliveryOptions& options)
{
    if (auto ok = checkOutputs (session, spec); ! ok)
        return ok.error();
    std::error_code ec;
    std::filesystem::create_directories (folder, ec);
    if (ec)
        return core::makeError (folder.string() + ": cannot create the delivery folder (" + ec.message() + ")");
    ScratchFolder scratch { folder / ".sprocket-delivery" };
    std::filesystem::remove_all (scratch.path, ec);

    std::map<std::vector<std::string>, std::filesystem::path> passes; // left-out buses -> render folder
    for (auto& output : spec.outputs)
        passes.emplace (leftOut (output), std::filesystem::path());
    const double steps = double (passes.size() + spec.outputs.size());
    double done = 0.0;
    bool cancelled = false;
    const auto advance = [&] (double fraction) {
        cancelled = cancelled || (options.progress && ! options.progress ((done + fraction) / steps));
        return ! cancelled;
    };

    // 1. Mix: one float render per pass (printmaster and every stem), delay-compensated.
    for (auto& [buses, renderFolder] : passes)
    {
        const auto variant = withoutBuses (session, buses);
        renderFolder = scratch.path / ("pass" + std::to_string (&renderFolder - &passes.begin()->second));
        OfflineRenderOptions render;
        render.outputFolder = renderFolder;
        render.stems = true;
        render.sampleFormat = io::SampleFormat::float32;
        render.blockSize = options.blockSize;
        render.onProgress = [&] (double p) { advance (p); };
        render.isCancelled = [&] { return cancelled; }; // a cancel stops the mix pass within a block
        if (auto rendered = renderOffline (variant, render); ! rendered)
            return cancelled ? core::makeError ("delivery cancelled") : rendered.error();
        done += 1.0;
        if (! advance (0.0))
            return core::makeError ("delivery cancelled");
    }

    // 2. Finish every output: downmix, rate and pull, dither, format, layout, metadata.
    const auto targetRate = spec.sampleRate > 0 ? spec.sampleRate : session.sampleRate;
    const auto treatAs = pulledRate (session.sampleRate, spec.pull);
    DeliveryReport report;
    for (auto& output : spec.outputs)
    {
        const auto role = output.source == DeliveryOutput::Source::bus ? output.buses[0] : std::string ("PM");
        const auto intermediate = passes.at (leftOut (output)) / renderFileName (session.name, role, io::ContainerFormat::wav);
        auto reader = io::ResamplingReader::open (intermediate, targetRate, treatAs == session.sampleRate ? 0 : treatAs);
        if (! reader)
            return reader.error();
        const int sourceChannels = (*reader)->channels();
        const int channels = output.downmixTo.value_or (sourceChannels);
        const auto downmix = routingMatrix (sourceChannels, channels, 0.0, 1.0f);
        const auto frames = (*reader)->lengthInFrames();

        const auto baseName = deliveryFileName (spec, session, output);
        const auto extension = "." + std::string (io::fileExtension (spec.container));
        const bool split = spec.layout == DeliverySpec::Layout::splitMono && channels > 1;
        std::vector<std::unique_ptr<io::AudioFileWriter>> writers;
        std::vector<DeliveredFile> files;
        for (int leg = 0; leg < (split ? channels : 1); ++leg)
        {
            DeliveredFile file;
            file.role = output.role;
            file.channels = split ? 1 : channels;
            file.sampleRate = targetRate;
            file.frames = frames;
            file.path = folder / (baseName + (split ? "." + channelSuffix (channels, leg) : std::string()) + extension);
            io::WriteSpec write;
            write.container = spec.container;
            write.sampleFormat = spec.sampleFormat;
            write.channels = file.channels;
            write.sampleRate = targetRate;
            write.expectedFrames = frames;
            if (spec.container == io::ContainerFormat::wav)
            {
                io::BroadcastInfo bext;
                bext.description = session.name + " " + output.role + (split ? " " + channelSuffix (channels, leg) : "");
                bext.originator = "Sprocket";
                bext.timeReference = core::samplesSinceMidnight (session.startTimecode, session.frameRate, targetRate);
                write.bext = bext;
                io::IxmlInfo ixml;
                ixml.project = session.name;
                ixml.note = spec.name + " " + output.role;
                for (int c = 0; c < file.channels; ++c)
                    ixml.tracks.push_back ({ c + 1, channelSuffix (channels, split ? leg : c) });
                write.ixml = ixml;
            }
            auto writer = io::AudioFileWriter::create (file.path, write);
            if (! writer)
                return writer.error();
            writers.push_back (std::move (writer.value()));
            files.push_back (std::move (file));
        }

        std::vector<std::vector<float>> in (size_t (sourceChannels), std::vector<float> (size_t (options.blockSize)));
        std::vector<std::vector<float>> out (size_t (channels), std::vector<float> (size_t (options.blockSize)));
        std::vector<float*> inPointers, outPointers;
        for (auto& c : in)
            inPointers.push_back (c.data());
        for (auto& c : out)
            outPointers.push_back (c.data());

        // The output as the mix becomes it: rate and pull, then the downmix (silence past the end).
        const auto convert = [&] (int64_t position, int n) -> core::Status {
            if (auto read = (*reader)->readPlanar (position, inPointers.data(), n); ! read)
                return read.error();
            for (int d = 0; d < channels; ++d)
            {
                float* samples = outPointers[size_t (d)];
                if (output.downmixTo)
                {
                    std::fill_n (samples, n, 0.0f);
                    for (int s = 0; s < sourceChannels; ++s)
                        if (const float gain = downmix[size_t (d)][size_t (s)]; gain != 0.0f)
                            for (int i = 0; i < n; ++i)
                                samples[i] += gain * inPointers[size_t (s)][i];
                }
                else
                    std::copy_n (inPointers[size_t (d)], n, samples);
            }
            return {};
        };

        // Normalisation: measure the whole output, then gain to the target into a true-peak
        // limiter whose latency is read ahead, so the file stays aligned with the timeline.
        double normalizeGain = 1.0;
        double measuredLufs = 0.0;
        dsp::TruePeakLimiterProcessor limiter;
        int64_t lookahead = 0;
        if (output.normalize)
        {
            dsp::LoudnessAnalyser measure;
            measure.prepare (double (targetRate), channels, options.blockSize);
            for (int64_t position = 0; position < frames; position += options.blockSize)
            {
                const int n = int (std::min<int64_t> (options.blockSize, frames - position));
                if (auto ok = convert (position, n); ! ok)
                    return ok.error();
                measure.process (outPointers.data(), n);
            }
            measuredLufs = measure.integratedLufs();
            if (std::isfinite (measuredLufs))
                normalizeGain = core::gainFromDb (output.normalize->targetLufs - measuredLufs);
            limiter.setParameter (dsp::TruePeakLimiterProcessor::ceilingDbtp,
                                  float (output.normalize->maxTruePeakDbtp - limiterSafetyMarginDb));
            limiter.prepare (double (targetRate), options.blockSize, channels);
            lookahead = limiter.latencySamples();
        }
        const auto normalizeBlock = [&] (int64_t position, int n) -> core::Status {
            if (auto ok = convert (position, n); ! ok)
                return ok.error();
            for (int d = 0; d < channels; ++d)
                for (int i = 0; i < n; ++i)
                    outPointers[size_t (d)][i] = float (outPointers[size_t (d)][i] * normalizeGain);
            limiter.process (outPointers.data(), channels, n);
            return {};
        };
        const auto prime = [&]() -> core::Status { // the limiter's first output, before 0, is dropped
            limiter.reset();
            for (int64_t position = 0; position < lookahead; position += options.blockSize)
                if (auto ok = normalizeBlock (position, int (std::min<int64_t> (options.blockSize, lookahead - position))); ! ok)
                    return ok.error();
            return {};
        };
        if (output.normalize && std::isfinite (measuredLufs))
        {
            // Limiting takes loudness away: measure what the chain gives and make up the shortfall
            // once (the limiter then works harder, so a programme whose loudness sits in its peaks
            // still misses and fails, as it should).
            if (auto ok = prime(); ! ok)
                return ok.error();
            dsp::LoudnessAnalyser trial;
            trial.prepare (double (targetRate), channels, options.blockSize);
            for (int64_t position = 0; position < frames; position += options.blockSize)
            {
                const int n = int (std::min<int64_t> (options.blockSize, frames - position));
                if (auto ok = normalizeBlock (position + lookahead, n); ! ok)
                    return ok.error();
                trial.process (outPointers.data(), n);
            }
            if (limiter.maxGainReductionDb() > 0.0 && std::isfinite (trial.integratedLufs()))
                normalizeGain *= core::gainFromDb (output.normalize->targetLufs - trial.integratedLufs());
        }
        if (output.normalize)
            if (auto ok = prime(); ! ok)
                return ok.error();

        std::vector<dsp::TpdfDither> dither;
        for (int c = 0; c < channels; ++c)
            dither.emplace_back (uint64_t (c + 1) * 0x9e3779b97f4a7c15ULL);
        float peak = 0.0f;
        int64_t clipped = 0;
        dsp::LoudnessAnalyser meter;
        meter.prepare (double (targetRate), channels, options.blockSize);
        for (int64_t position = 0; position < frames; position += options.blockSize)
        {
            const int n = int (std::min<int64_t> (options.blockSize, frames - position));
            if (auto ok = output.normalize ? normalizeBlock (position + lookahead, n) : convert (position, n); ! ok)
                return ok.error();
            for (int d = 0; d < channels; ++d)
                for (int i = 0; i < n; ++i)
                {
                    const float magnitude = std::abs (outPointers[size_t (d)][i]);
                    peak = std::max (peak, magnitude);
                    clipped += magnitude > 1.0f ? 1 : 0;
                }
            meter.process (outPointers.data(), n); // what is delivered, before dither
            if (spec.sampleFormat == io::SampleFormat::pcm16)
                for (int d = 0; d < channels; ++d)
                    dither[size_t (d)].process (outPointers[size_t (d)], n, 16);
            if (split)
                for (int leg = 0; leg < channels; ++leg)
                {
                    const float* one[] = { outPointers[size_t (leg)] };
                    if (auto written = writers[size_t (leg)]->writePlanar (one, n); ! written)
                        return written.error();
                }
            else if (auto written = writers[0]->writePlanar (outPointers.data(), n); ! written)
                return written.error();
            if (! advance (double (position + n) / double (std::max<int64_t> (1, frames))))
                return core::makeError ("delivery cancelled");
        }
        for (size_t w = 0; w < writers.size(); ++w)
        {
            if (auto finished = writers[w]->finish(); ! finished)
                return finished.error();
            auto& file = files[w];
            auto md5 = io::md5OfFile (file.path);
            if (! md5)
                return md5.error();
            file.md5 = *md5;
            file.samplePeakDbfs = peak > 0.0f ? 20.0 * std::log10 (double (peak)) : -std::numeric_limits<double>::infinity();
            file.loudness = meter.summary(); // of the whole output (all legs of a split file)
            file.clippedSamples = isInteger (spec.sampleFormat) ? clipped : 0;
            std::vector<std::string> problems;
            if (file.clippedSamples > 0)
                problems.push_back (std::to_string (clipped) + " samples beyond full scale (clipped)");
            if (const auto& target = output.normalize)
            {
                file.targetLufs = target->targetLufs;
                file.normalizationGainDb = 20.0 * std::log10 (normalizeGain);
                file.limiterMaxReductionDb = limiter.maxGainReductionDb();
                const double integrated = file.loudness.integratedLufs;
                const double truePeak = file.loudness.truePeakDbtp;
                if (! std::isfinite (measuredLufs))
                    problems.push_back ("silent: cannot normalise");
                else if (std::abs (integrated - target->targetLufs) > target->toleranceLu)
                    problems.push_back ("integrated " + decibels (integrated) + " LUFS misses the target "
                                        + decibels (target->targetLufs) + " by more than " + decibels (target->toleranceLu)
                                        + " LU (the limiter took up to " + decibels (*file.limiterMaxReductionDb) + " dB)");
                if (std::isfinite (truePeak) && truePeak > target->maxTruePeakDbtp)
                    problems.push_back ("true peak " + decibels (truePeak) + " dBTP above the "
                                        + decibels (target->maxTruePeakDbtp) + " dBTP maximum");
            }
            for (auto& problem : problems)
                file.problem += (file.problem.empty() ? "" : "; ") + problem;
            file.passed = problems.empty();
            report.files.push_back (file);
        }
        done += 1.0;
    }

    // 3. Checksums (md5sum -c reads them) and the manifest.
    report.checksums = folder / "checksums.md5";
    report.manifest = folder / "manifest.json";
    {
        std::ofstream sums (report.checksums);
        for (auto& file : report.files)
            sums << file.md5 << "  " << file.path.filename().string() << "\n";
        nlohmann::ordered_json manifest;
        manifest["spec"] = spec.name;
        manifest["session"] = session.name;
        manifest["passed"] = report.allPassed();
        manifest["files"] = nlohmann::ordered_json::array();
        for (auto& file : report.files)
        {
            nlohmann::ordered_json entry;
            entry["role"] = file.role;
            entry["file"] = file.path.filename().string();
            entry["md5"] = file.md5;
            entry["channels"] = file.channels;
            entry["sample_rate"] = file.sampleRate;
            entry["frames"] = file.frames;
            if (std::isfinite (file.samplePeakDbfs))
                entry["sample_peak_dbfs"] = std::round (file.samplePeakDbfs * 100.0) / 100.0;
            else
                entry["sample_peak_dbfs"] = nullptr;
            entry["clipped_samples"] = file.clippedSamples;
            const auto rounded = [] (double v) {
                return std::isfinite (v) ? nlohmann::ordered_json (std::round (v * 100.0) / 100.0)
                                         : nlohmann::ordered_json (nullptr);
            };
            entry["integrated_lufs"] = rounded (file.loudness.integratedLufs);
            entry["loudness_range_lu"] = rounded (file.loudness.loudnessRangeLu);
            entry["true_peak_dbtp"] = rounded (file.loudness.truePeakDbtp);
            const auto optional = [&] (const std::optional<double>& v) {
                return v ? rounded (*v) : nlohmann::ordered_json (nullptr);
            };
            entry["target_lufs"] = optional (file.targetLufs);
            entry["normalization_gain_db"] = optional (file.normalizationGainDb);
            entry["limiter_max_reduction_db"] = optional (file.limiterMaxReductionDb);
            entry["status"] = file.passed ? "pass" : "fail";
            if (! file.problem.empty())
                entry["problem"] = file.problem;
            manifest["files"].push_back (std::move (entry));
        }
        std::ofstream (report.manifest) << manifest.dump (2) << "\n";
        if (! sums)
            return core::makeError (report.checksums.string() + ": cannot write the checksums");
    }
    return report;
}
} // namespace sprocket::engine
