#include "session/AudioImport.h"
#include "session/UnusedId.h"

#include "io/AudioFileInfo.h"
#include "io/FileDigest.h"
#include "io/PolySplit.h"
#include "session/MediaCheck.h"
#include "session/TimelineGrid.h"

#include <algorithm>
#include <set>

namespace sprocket::session
{
namespace
{
    bool playableWidth (int channels)
    {
        return channels == 1 || channels == 2 || channels == 6 || channels == 8;
    }

    /** One file to place: its path, width, length at the session rate, timeline position and
        the name its track gets. */
    struct Placed
    {
        std::filesystem::path file;
        int channels = 1;
        int64_t length = 0;
        core::SamplePosition position;
        std::string name;
    };
} // namespace

core::Status importAudioFiles (SessionEditor& editor, const std::vector<std::filesystem::path>& files,
                               const ImportOptions& options, std::vector<std::string>* createdTracks)
{
    const auto& session = editor.session();
    std::vector<std::pair<io::AudioFileInfo, core::SamplePosition>> probed;
    for (auto& file : files)
    {
        auto info = io::probeAudioFile (file);
        if (! info)
            return info.error();
        if (! playableWidth (info->channels) && ! (options.splitPolyToMono && info->channels > 2))
            return core::makeError (file.string() + ": " + std::to_string (info->channels)
                                    + " channels; tracks are mono, stereo, 5.1 or 7.1 (split it to mono tracks)");
        auto position = options.position;
        if (options.placement == ImportOptions::Placement::atOriginalTime)
        {
            if (! info->bext)
                return core::makeError (file.string() + ": no BWF time reference to place it by");
            const auto recorded = lengthAtSessionRate (info->bext->timeReference, info->sampleRate, session.sampleRate);
            position = { recorded - sessionStartSinceMidnight (session) };
            if (position.samples < 0)
                return core::makeError (file.string() + ": recorded before the session start ("
                                        + core::formatTimecode (session.startTimecode, session.frameRate) + ")");
        }
        probed.push_back ({ std::move (info.value()), position });
    }

    std::vector<Placed> placed;
    for (auto& [info, position] : probed)
    {
        const auto length = lengthAtSessionRate (info.frames, info.sampleRate, session.sampleRate);
        if (options.splitPolyToMono && info.channels > 2)
        {
            const auto folder = options.splitFolder.empty() ? info.path.parent_path() : options.splitFolder;
            std::error_code made;
            std::filesystem::create_directories (folder, made); // a first split makes the session's "Audio Files"
            if (made)
                return core::makeError (folder.string() + ": cannot create the folder for the split files: " + made.message());
            auto monos = io::splitToMonoFiles (info.path, folder);
            if (! monos)
                return monos.error();
            for (auto& mono : *monos)
                placed.push_back ({ mono, 1, length, position, mono.stem().string() });
        }
        else
            placed.push_back ({ info.path, info.channels, length, position, info.path.stem().string() });
    }

    // Each file's content hash, so a relink can recognise it later under another name.
    std::vector<std::string> hashes;
    for (auto& item : placed)
    {
        auto hash = io::audioContentHash (item.file);
        if (! hash)
            return hash.error();
        hashes.push_back (std::move (*hash));
    }

    std::set<std::string> mediaIds, trackIds, clipIds;
    for (auto& m : session.media)
        mediaIds.insert (m.id);
    for (auto& t : session.tracks)
    {
        trackIds.insert (t.id);
        for (auto& c : t.clips)
            clipIds.insert (c.id);
        for (auto& p : t.alternatePlaylists)
            for (auto& c : p.clips)
                clipIds.insert (c.id);
    }

    for (size_t i = 0; i < placed.size(); ++i)
    {
        const auto& item = placed[i];
        const auto mediaId = unusedId (mediaIds, "m-" + item.name);
        mediaIds.insert (mediaId);
        editor.media().push_back ({ mediaId, editor.session().pathToStore (item.file), hashes[i] });

        Track track;
        track.id = unusedId (trackIds, item.name);
        trackIds.insert (track.id);
        track.name = item.name;
        track.channels = item.channels;
        track.output = options.output;
        Clip clip;
        clip.id = unusedId (clipIds, item.name);
        clipIds.insert (clip.id);
        clip.name = item.name;
        clip.mediaId = mediaId;
        clip.position = item.position;
        clip.length = { item.length };
        track.clips.push_back (std::move (clip));
        editor.tracks().push_back (std::move (track));
        if (createdTracks != nullptr)
            createdTracks->push_back (editor.tracks().back().id);
    }
    return {};
}
} // namespace sprocket::session
