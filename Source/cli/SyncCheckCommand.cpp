#include "CommandLine.h"
#include "Commands.h"
#include "SessionLoading.h"

#include "core/Timecode.h"
#include "io/AudioFileInfo.h"
#include "qc/SyncCheck.h"
#include "video/FlashFrame.h"
#include "video/MovieInfo.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace sprocket::cli
{
namespace
{
    using Json = nlohmann::ordered_json;

    constexpr const char* syncCheckUsage =
        "usage: sprocket-cli synccheck FILE|SESSION --pop TC|--movie MOVIE [--frame-rate R] [--track NAME|ID] [--json]";

    /** Leaders sit at the head of a reel: the flash frame is looked for in the movie's first
        minute. */
    constexpr int64_t flashSearchSeconds = 60;

    /** The timecode of a movie's flash frame (its start timecode plus the frame), which is
        where the pop belongs. */
    core::Result<std::string> flashFrameTimecode (const std::filesystem::path& movie)
    {
        auto info = video::openMovie (movie);
        if (! info)
            return info.error();
        if (! info->startTimecode || ! info->frameRate)
            return core::makeError (movie.string()
                                    + ": the movie has no start timecode to place its flash frame; give --pop instead");
        const auto fps = core::nominalFramesPerSecond (*info->frameRate);
        auto flash = video::findFlashFrame (movie, 0, flashSearchSeconds * fps);
        if (! flash)
            return flash.error();
        if (! flash->has_value())
            return core::makeError (movie.string()
                                    + ": no flash frame in its first minute (a picture much brighter than those around it)");
        const auto frame = core::frameCountFromTimecode (*info->startTimecode, *info->frameRate) + **flash;
        return core::formatTimecode (core::timecodeFromFrameCount (frame, *info->frameRate), *info->frameRate);
    }

    std::string timecodeText (const core::Timecode& tc, core::FrameRate rate)
    {
        return core::formatTimecode (tc, rate);
    }

    /** Measurements to the precision that means something (0.01 dB, 0.001 Hz). */
    double rounded (double value, double step)
    {
        return std::round (value / step) * step;
    }

    std::string timecodeAt (int64_t samplesSinceMidnight, const qc::SyncTimebase& base)
    {
        return core::formatTimecode (
            core::timecodeFromFrameCount (core::frameCountFromSamples (samplesSinceMidnight, base.frameRate, base.sampleRate),
                                          base.frameRate),
            base.frameRate);
    }

    Json resultJson (const std::filesystem::path& input, const qc::SyncCheckResult& r)
    {
        const auto& base = r.timebase;
        const auto& pop = r.pop;
        const double samplesPerFrame = (double) base.sampleRate * (double) core::frameRatio (base.frameRate).denominator
                                       / (double) core::frameRatio (base.frameRate).numerator;
        auto orNull = [&] (auto value) { return pop ? Json (value) : Json (nullptr); };
        Json json;
        json["file"] = input.string();
        json["checked"] = r.description;
        json["found"] = pop.has_value();
        json["expected_timecode"] = timecodeText (r.expectedTimecode, base.frameRate);
        json["found_timecode"] = orNull (timecodeText (r.foundTimecode, base.frameRate));
        json["offset_samples"] = orNull (r.offsetSamples);
        json["offset_frames"] = orNull (r.offsetFrames);
        json["expected_sample"] = r.expectedSample;
        json["found_sample"] = orNull (r.foundSample);
        json["sample_rate"] = base.sampleRate;
        json["frame_rate"] = std::string (core::frameRateName (base.frameRate));
        json["frame_rate_source"] = base.frameRateSource;
        json["start_timecode"] = timecodeAt (base.startSample, base);
        json["start_sample"] = base.startSample;
        json["onset_in_file"] = orNull (pop ? pop->onset : 0);
        json["channel"] = orNull (pop ? pop->channel + 1 : 0);
        json["level_dbfs"] = orNull (pop ? rounded (pop->levelDbfs, 0.01) : 0.0);
        json["frequency_hz"] = orNull (pop ? rounded (pop->frequencyHz, 0.001) : 0.0);
        json["length_samples"] = orNull (pop ? pop->length : 0);
        json["length_frames"] = orNull (pop ? rounded ((double) pop->length / samplesPerFrame, 0.001) : 0.0);
        return json;
    }

    std::string signedCount (int64_t count, const char* one, const char* many)
    {
        return (count < 0 ? "-" : "+") + std::to_string (count < 0 ? -count : count) + " "
               + ((count == 1 || count == -1) ? one : many);
    }

    void printText (const std::filesystem::path& input, const qc::SyncCheckResult& r)
    {
        const auto& base = r.timebase;
        const std::string frames = signedCount (r.offsetFrames, "frame", "frames");
        const std::string samples = signedCount (r.offsetSamples, "sample", "samples");
        const char* verdict = r.offsetSamples > 0 ? " late" : r.offsetSamples < 0 ? " early" : "";
        std::printf ("2-pop at %s (%s%s, %s%s)\n", timecodeText (r.foundTimecode, base.frameRate).c_str(),
                     r.offsetSamples == 0 ? "in sync: " : "", frames.c_str(), samples.c_str(), verdict);
        std::printf ("expected %s at %s fps; found in channel %d of %s, sample %lld of the programme, %.1f Hz, %.1f dBFS\n",
                     timecodeText (r.expectedTimecode, base.frameRate).c_str(),
                     std::string (core::frameRateName (base.frameRate)).c_str(), r.pop->channel + 1,
                     input.filename().string().c_str(), (long long) r.pop->onset, r.pop->frequencyHz, r.pop->levelDbfs);
    }
} // namespace

int runSyncCheck (const std::vector<std::string>& arguments)
{
    CommandLine line (arguments, { "--json" }, { "--pop", "--movie", "--frame-rate", "--track" });
    auto popText = line.option ("--pop");
    const auto movie = line.option ("--movie");
    if (! line.valid() || line.positionals().size() != 1 || popText.has_value() == movie.has_value())
    {
        printError (line.valid() ? syncCheckUsage : line.problem() + "\n" + syncCheckUsage);
        return exitInvalid;
    }
    if (movie)
    {
        // The pop belongs on the flash frame of the movie's leader.
        auto flash = flashFrameTimecode (*movie);
        if (! flash)
        {
            printError (flash.error().message);
            return exitInvalid;
        }
        popText = *flash;
    }
    std::optional<core::FrameRate> chosenRate;
    if (const auto rateText = line.option ("--frame-rate"))
    {
        auto parsed = core::parseFrameRate (*rateText);
        if (! parsed)
        {
            printError ("--frame-rate: " + parsed.error().message);
            return exitInvalid;
        }
        chosenRate = *parsed;
    }
    const std::filesystem::path input = line.positionals()[0];
    std::error_code exists;
    if (! std::filesystem::exists (input, exists))
    {
        printError (input.string() + ": no such file");
        return exitInvalid;
    }

    auto progress = [lastTenth = -1] (double done) mutable {
        if (const int tenth = (int) (done * 10.0); tenth != lastTenth)
        {
            lastTenth = tenth;
            std::fprintf (stderr, "synccheck: %d%%\n", tenth * 10);
        }
    };
    auto expectedAt = [&] (core::FrameRate rate) -> std::optional<core::Timecode> {
        auto tc = core::parseTimecode (*popText, rate);
        if (! tc)
            printError ("--pop: " + tc.error().message);
        return tc ? std::optional (*tc) : std::nullopt;
    };

    core::Result<qc::SyncCheckResult> result = core::Error { "" };
    if (looksLikeSession (input))
    {
        auto session = loadValidSession (input);
        if (! session)
            return exitInvalid;
        std::string trackName;
        if (const auto track = line.option ("--track"))
        {
            auto solo = qc::withOnlyTrack (*session, *track);
            if (! solo)
            {
                printError (input.string() + ": " + solo.error().message);
                return exitInvalid;
            }
            session = std::move (*solo);
            trackName = *track;
        }
        const auto timebase = qc::sessionTimebase (*session, chosenRate);
        const auto expected = expectedAt (timebase.frameRate);
        if (! expected)
            return exitInvalid;
        const auto work = std::filesystem::temp_directory_path() / ("sprocket-synccheck-" + std::to_string (::getpid()));
        result = qc::checkSessionSync (*session, timebase, *expected, work, progress);
        if (! result)
        {
            printError (result.error().message);
            return exitFailure;
        }
        if (! trackName.empty())
            result->description = "track " + trackName + " of " + session->name;
    }
    else
    {
        if (line.option ("--track"))
        {
            printError ("--track needs a session; " + input.string() + " is an audio file");
            return exitInvalid;
        }
        auto info = io::probeAudioFile (input);
        if (! info)
        {
            printError (info.error().message);
            return exitInvalid;
        }
        const auto timebase = qc::fileTimebase (*info, chosenRate);
        const auto expected = expectedAt (timebase.frameRate);
        if (! expected)
            return exitInvalid;
        result = qc::checkFileSync (input, timebase, *expected, progress);
        if (! result)
        {
            printError (result.error().message);
            return exitInvalid; // an unreadable file is bad input here
        }
    }

    if (line.flag ("--json"))
        std::printf ("%s\n", resultJson (input, *result).dump (2).c_str());
    else if (result->pop)
        printText (input, *result);
    if (! result->pop)
    {
        printError ("no 2-pop in " + result->description
                    + " (a 1 kHz burst of half a frame to two frames, with quiet around it)");
        return exitNotFound;
    }
    return exitSuccess;
}
} // namespace sprocket::cli
