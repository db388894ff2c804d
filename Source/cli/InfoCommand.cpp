#include "CommandLine.h"
#include "Commands.h"
#include "SessionLoading.h"

#include "core/Timecode.h"
#include "io/AudioFileInfo.h"
#include "session/MediaCheck.h"
#include "session/SessionFile.h"
#include "video/FFmpegLog.h"
#include "video/MovieInfo.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>

namespace sprocket::cli
{
namespace
{
    using Json = nlohmann::ordered_json;

    Json audioInfoJson (const io::AudioFileInfo& info)
    {
        Json json;
        json["path"] = info.path.string();
        // WAVE_FORMAT_EXTENSIBLE is still a WAV file to a person (sox writes it for 24-bit);
        // keep the detail in its own key.
        json["format"] = info.format == "WAVEX" ? "WAV" : info.format;
        json["wave_format_extensible"] = info.format == "WAVEX";
        json["subtype"] = info.subtype;
        json["channels"] = info.channels;
        json["sample_rate"] = info.sampleRate;
        json["frames"] = info.frames;
        json["duration_s"] = info.durationSeconds();
        json["truncated"] = info.truncated;
        if (info.bext)
            json["bext"] = { { "description", info.bext->description },
                             { "originator", info.bext->originator },
                             { "originator_reference", info.bext->originatorReference },
                             { "origination_date", info.bext->originationDate },
                             { "origination_time", info.bext->originationTime },
                             { "time_reference", info.bext->timeReference },
                             { "coding_history", info.bext->codingHistory } };
        else
            json["bext"] = nullptr;
        if (info.ixml)
        {
            Json tracks = Json::array();
            for (auto& track : info.ixml->tracks)
                tracks.push_back ({ { "channel_index", track.channelIndex }, { "name", track.name } });
            json["ixml"] = { { "project", info.ixml->project },     { "scene", info.ixml->scene },
                             { "take", info.ixml->take },           { "tape", info.ixml->tape },
                             { "note", info.ixml->note },           { "timecode_rate", info.ixml->timecodeRate },
                             { "timecode_flag", info.ixml->timecodeFlag }, { "tracks", tracks } };
        }
        else
            json["ixml"] = nullptr;
        return json;
    }

    void printAudioInfo (const io::AudioFileInfo& info)
    {
        std::printf ("%s\n  format:      %s %s\n  channels:    %d\n  sample rate: %lld Hz\n  frames:      %lld (%.3f s)%s\n",
                     info.path.string().c_str(), info.format.c_str(), info.subtype.c_str(), info.channels,
                     static_cast<long long> (info.sampleRate), static_cast<long long> (info.frames), info.durationSeconds(),
                     info.truncated ? "  [TRUNCATED: header promised more]" : "");
        if (info.bext)
            std::printf ("  bext:        description \"%s\", originator \"%s\", %s %s, time reference %lld\n",
                         info.bext->description.c_str(), info.bext->originator.c_str(), info.bext->originationDate.c_str(),
                         info.bext->originationTime.c_str(), static_cast<long long> (info.bext->timeReference));
        if (info.ixml)
        {
            std::printf ("  ixml:        project \"%s\", scene \"%s\", take \"%s\", tape \"%s\", timecode %s %s\n",
                         info.ixml->project.c_str(), info.ixml->scene.c_str(), info.ixml->take.c_str(),
                         info.ixml->tape.c_str(), info.ixml->timecodeRate.c_str(), info.ixml->timecodeFlag.c_str());
            for (auto& track : info.ixml->tracks)
                std::printf ("               channel %d: %s\n", track.channelIndex, track.name.c_str());
        }
    }

    bool looksLikeMovie (const std::filesystem::path& file)
    {
        auto extension = file.extension().string();
        std::transform (extension.begin(), extension.end(), extension.begin(),
                        [] (unsigned char c) { return char (std::tolower (c)); });
        return extension == ".mov" || extension == ".mp4" || extension == ".m4v" || extension == ".mxf" || extension == ".mkv";
    }

    int movieInfo (const std::filesystem::path& file, bool asJson)
    {
        // Our error names the file and gives FFmpeg's reason; its own stderr chatter would repeat it.
        video::silenceFFmpegLog();
        auto opened = video::openMovie (file);
        if (! opened.ok())
        {
            printError (opened.error().message);
            return exitFailure;
        }
        const auto& movie = opened.value();
        const std::string start =
            movie.startTimecode ? core::formatTimecode (*movie.startTimecode, *movie.frameRate) : movie.startTimecodeText;
        const auto* audio = movie.audioStreams.empty() ? nullptr : &movie.audioStreams.front();

        if (asJson)
        {
            Json json;
            json["type"] = "movie";
            json["path"] = movie.path.string();
            json["container"] = movie.container;
            json["codec"] = movie.codec;
            json["width"] = movie.width;
            json["height"] = movie.height;
            json["frame_rate"] = movie.frameRateText();
            json["frame_rate_ratio"] =
                std::to_string (movie.frameRatio.numerator) + "/" + std::to_string (movie.frameRatio.denominator);
            json["frame_count"] = movie.frameCount;
            json["frame_count_estimated"] = movie.frameCountEstimated;
            json["duration_s"] = movie.durationSeconds();
            json["start_timecode"] = start.empty() ? Json (nullptr) : Json (start);
            json["audio_channels"] = audio != nullptr ? audio->channels : 0;
            json["audio_sample_rate"] = audio != nullptr ? audio->sampleRate : 0;
            Json streams = Json::array();
            for (auto& stream : movie.audioStreams)
                streams.push_back (
                    { { "codec", stream.codec }, { "channels", stream.channels }, { "sample_rate", stream.sampleRate } });
            json["audio_streams"] = streams;
            std::cout << json.dump (2) << "\n";
            return exitSuccess;
        }

        std::printf ("%s\n  video:       %dx%d %s %s fps, %lld frames%s (%.3f s), start %s\n  container:   %s\n",
                     movie.path.string().c_str(), movie.width, movie.height, movie.codec.c_str(), movie.frameRateText().c_str(),
                     static_cast<long long> (movie.frameCount), movie.frameCountEstimated ? " (estimated)" : "",
                     movie.durationSeconds(), start.empty() ? "none" : start.c_str(), movie.container.c_str());
        if (movie.audioStreams.empty())
            std::printf ("  audio:       none\n");
        for (size_t i = 0; i < movie.audioStreams.size(); ++i)
            std::printf ("  audio %zu:     %s, %d channel(s), %lld Hz\n", i + 1, movie.audioStreams[i].codec.c_str(),
                         movie.audioStreams[i].channels, static_cast<long long> (movie.audioStreams[i].sampleRate));
        return exitSuccess;
    }

    int sessionInfo (const std::filesystem::path& file, bool asJson)
    {
        auto loaded = session::loadSessionFile (file);
        if (! loaded.session)
        {
            for (auto& problem : loaded.problems)
                printError (file.string() + ": " + problem.toString());
            return exitInvalid;
        }
        const auto& s = *loaded.session;
        size_t clips = 0;
        for (auto& track : s.tracks)
            clips += track.clips.size();
        const auto length = s.endOfLastClip().samples;
        const auto startFrames = core::frameCountFromTimecode (s.startTimecode, s.frameRate);
        const auto end = core::timecodeFromFrameCount (startFrames + core::frameCountFromSamples (length, s.frameRate, s.sampleRate), s.frameRate);

        Json missing = Json::array();
        for (auto& problem : session::checkMedia (s))
            missing.push_back ({ { "path", problem.path }, { "message", problem.message } });

        Json buses = Json::array();
        for (auto& bus : s.buses)
            buses.push_back (bus.id);

        if (asJson)
        {
            Json json;
            json["type"] = "session";
            json["name"] = s.name;
            json["sample_rate"] = s.sampleRate;
            json["frame_rate"] = std::string (core::frameRateName (s.frameRate));
            json["start_timecode"] = core::formatTimecode (s.startTimecode, s.frameRate);
            json["tracks"] = s.tracks.size();
            json["clips"] = clips;
            json["buses"] = buses;
            json["media"] = s.media.size();
            json["length"] = length;
            json["duration_s"] = double (length) / double (s.sampleRate);
            json["end_timecode"] = core::formatTimecode (end, s.frameRate);
            json["missing_media"] = missing;
            std::cout << json.dump (2) << "\n";
            return exitSuccess;
        }

        std::printf ("%s\n  session:  %s\n  rate:     %lld Hz, %s fps, starts %s\n  tracks:   %zu (%zu clips)\n  buses:    %s\n"
                     "  length:   %lld samples (%.3f s), ends %s\n",
                     file.string().c_str(), s.name.c_str(), static_cast<long long> (s.sampleRate),
                     std::string (core::frameRateName (s.frameRate)).c_str(),
                     core::formatTimecode (s.startTimecode, s.frameRate).c_str(), s.tracks.size(), clips,
                     [&] { std::string ids; for (auto& bus : s.buses) ids += (ids.empty() ? "" : " ") + bus.id; return ids; }().c_str(),
                     static_cast<long long> (length), double (length) / double (s.sampleRate),
                     core::formatTimecode (end, s.frameRate).c_str());
        std::printf ("  media:    %zu file(s), %zu problem(s)\n", s.media.size(), missing.size());
        for (auto& problem : missing)
            std::printf ("    %s: %s\n", problem["path"].get<std::string>().c_str(), problem["message"].get<std::string>().c_str());
        return exitSuccess;
    }
} // namespace

int runInfo (const std::vector<std::string>& arguments)
{
    CommandLine line (arguments, { "--json" }, {});
    if (! line.valid() || line.positionals().size() != 1)
    {
        printError (line.valid() ? "usage: sprocket-cli info FILE [--json]" : line.problem());
        return exitInvalid;
    }
    const std::filesystem::path file = line.positionals()[0];
    std::error_code ec;
    if (! std::filesystem::exists (file, ec))
    {
        printError (file.string() + ": no such file");
        return exitFailure;
    }
    if (looksLikeSession (file))
        return sessionInfo (file, line.flag ("--json"));
    if (looksLikeMovie (file))
        return movieInfo (file, line.flag ("--json"));

    auto info = io::probeAudioFile (file);
    if (! info.ok())
    {
        printError (info.error().message);
        return exitFailure;
    }
    if (line.flag ("--json"))
        std::cout << audioInfoJson (info.value()).dump (2) << "\n";
    else
        printAudioInfo (info.value());
    return exitSuccess;
}
} // namespace sprocket::cli
