#include "qc/SyncCheck.h"

#include "core/IntegerMath.h"
#include "dsp/TwoPopScanner.h"
#include "io/AudioFileReader.h"
#include "qc/PrintmasterRender.h"

#include <algorithm>
#include <vector>

namespace sprocket::qc
{
namespace
{
    constexpr int64_t blockFrames = 65536;

    /** The expected and found positions and the offset between them, on the timebase. */
    void measure (SyncCheckResult& result)
    {
        const auto& base = result.timebase;
        result.expectedSample = core::samplesSinceMidnight (result.expectedTimecode, base.frameRate, base.sampleRate);
        if (! result.pop)
            return;
        result.foundSample = base.startSample + result.pop->onset;
        result.foundTimecode = core::timecodeFromFrameCount (
            core::frameCountFromSamples (result.foundSample, base.frameRate, base.sampleRate), base.frameRate);
        result.offsetSamples = result.foundSample - result.expectedSample;
        result.offsetFrames = nearestFrames (result.offsetSamples, base.frameRate, base.sampleRate);
    }
} // namespace

int64_t nearestFrames (int64_t samples, core::FrameRate rate, int64_t sampleRate) noexcept
{
    // samples * fps / sampleRate with fps = numerator / denominator, rounded half away from zero.
    const auto r = core::frameRatio (rate);
    const int64_t numerator = (samples < 0 ? -samples : samples) * r.numerator;
    const int64_t denominator = sampleRate * r.denominator;
    const int64_t frames = core::floorDiv (2 * numerator + denominator, 2 * denominator);
    return samples < 0 ? -frames : frames;
}

core::Result<SyncCheckResult> checkFileSync (const std::filesystem::path& file, const SyncTimebase& timebase,
                                             const core::Timecode& expectedPop, const std::function<void (double)>& progress)
{
    auto opened = io::AudioFileReader::open (file);
    if (! opened.ok())
        return opened.error();
    auto& reader = **opened;
    const auto& info = reader.info();
    if (info.frames == 0)
        return core::Error { file.string() + ": holds no audio" };

    SyncCheckResult result;
    result.description = file.filename().string();
    result.timebase = timebase;
    result.expectedTimecode = expectedPop;
    measure (result);

    // One pass through every channel for candidates...
    dsp::TwoPopScanner scanner;
    scanner.prepare ((double) info.sampleRate, info.channels);
    std::vector<std::vector<float>> buffers ((size_t) info.channels, std::vector<float> ((size_t) blockFrames));
    std::vector<float*> pointers;
    for (auto& b : buffers)
        pointers.push_back (b.data());
    for (int64_t start = 0; start < info.frames; start += blockFrames)
    {
        const int64_t n = std::min (blockFrames, info.frames - start);
        if (auto read = reader.readPlanar (start, pointers.data(), n); ! read.ok())
            return read.error();
        scanner.process (pointers.data(), n);
        if (progress)
            progress ((double) (start + n) / (double) info.frames);
    }

    // ...then each candidate re-read for the fit, nearest the expected place first.
    std::optional<core::Error> readError;
    const dsp::ChannelSamples fromFile = [&] (int channel, int64_t start, int64_t count) {
        std::vector<std::vector<float>> region ((size_t) info.channels, std::vector<float> ((size_t) count));
        std::vector<float*> regionPointers;
        for (auto& r : region)
            regionPointers.push_back (r.data());
        if (auto read = reader.readPlanar (start, regionPointers.data(), count); ! read.ok())
            readError = read.error();
        return std::move (region[(size_t) channel]);
    };
    result.pop =
        dsp::pickTwoPop (scanner.finish(), (double) info.sampleRate, result.expectedSample - timebase.startSample, fromFile);
    if (readError)
        return *readError;
    measure (result);
    return result;
}

core::Result<SyncCheckResult> checkSessionSync (const session::Session& session, const SyncTimebase& timebase,
                                                const core::Timecode& expectedPop, const std::filesystem::path& workFolder,
                                                const std::function<void (double)>& progress)
{
    auto rendered = RenderedPrintmaster::render (session, workFolder, [&] (double done) {
        if (progress)
            progress (0.8 * done);
    });
    if (! rendered.ok())
        return rendered.error();
    auto result = checkFileSync ((*rendered)->file(), timebase, expectedPop, [&] (double done) {
        if (progress)
            progress (0.8 + 0.2 * done);
    });
    if (result.ok())
        result->description = "printmaster of " + session.name;
    return result;
}

core::Result<session::Session> withOnlyTrack (session::Session session, const std::string& nameOrId)
{
    auto byId = std::find_if (session.tracks.begin(), session.tracks.end(), [&] (const auto& t) { return t.id == nameOrId; });
    auto chosen = byId != session.tracks.end() ? byId
                                               : std::find_if (session.tracks.begin(), session.tracks.end(),
                                                               [&] (const auto& t) { return t.name == nameOrId; });
    if (chosen == session.tracks.end())
        return core::Error { "no track with the id or name '" + nameOrId + "' in " + session.name };
    for (auto& track : session.tracks)
        track.solo = false;
    chosen->solo = true;
    chosen->mute = false;
    return session;
}
} // namespace sprocket::qc
