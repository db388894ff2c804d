#include "session/MediaRelink.h"

#include "io/AudioFileInfo.h"
#include "io/FileDigest.h"
#include "session/MediaCheck.h"

#include <algorithm>
#include <cctype>

namespace sprocket::session
{
namespace
{
    std::string lowercase (std::string text)
    {
        std::transform (text.begin(), text.end(), text.begin(), [] (unsigned char c) { return char (std::tolower (c)); });
        return text;
    }

    bool looksLikeAudio (const std::filesystem::path& file)
    {
        static const std::set<std::string> extensions { ".wav",  ".bwf", ".rf64", ".w64", ".aif",  ".aiff", ".aifc",
                                                        ".flac", ".caf", ".ogg",  ".oga", ".opus", ".mp3" };
        return extensions.contains (lowercase (file.extension().string()));
    }

    /** The clips of every playlist of a track: an alternate take plays the same media. */
    std::vector<Clip> allClipsOf (const Track& track)
    {
        auto clips = track.clips;
        for (auto& playlist : track.alternatePlaylists)
            clips.insert (clips.end(), playlist.clips.begin(), playlist.clips.end());
        return clips;
    }

    int rank (const RelinkCandidate& c)
    {
        return (c.sameContent ? 2 : 0) + (c.sameName ? 1 : 0);
    }
} // namespace

RelinkSearch searchForMedia (const Session& session, const std::set<std::string>& ids, const std::filesystem::path& folder,
                             const std::function<bool()>& isCancelled)
{
    std::map<std::string, std::vector<std::string>> idsByName, idsByHash;
    for (auto& media : session.media)
        if (ids.contains (media.id))
        {
            idsByName[lowercase (media.path.filename().string())].push_back (media.id);
            if (! media.contentHash.empty())
                idsByHash[media.contentHash].push_back (media.id);
        }

    RelinkSearch search;
    std::error_code error;
    const auto options = std::filesystem::directory_options::skip_permission_denied;
    for (std::filesystem::recursive_directory_iterator it (folder, options, error), end; ! error && it != end;
         it.increment (error))
    {
        if (isCancelled && isCancelled())
            break;
        std::error_code ignored;
        if (! it->is_regular_file (ignored))
            continue;
        const auto& file = it->path();
        ++search.filesLooked;
        std::map<std::string, RelinkCandidate> found;
        if (auto named = idsByName.find (lowercase (file.filename().string())); named != idsByName.end())
            for (auto& id : named->second)
                found[id] = { file, true, false };
        if (! idsByHash.empty() && looksLikeAudio (file))
        {
            ++search.filesHashed;
            if (auto hash = io::audioContentHash (file))
                if (auto same = idsByHash.find (*hash); same != idsByHash.end())
                    for (auto& id : same->second)
                    {
                        found[id].file = file;
                        found[id].sameContent = true;
                    }
        }
        for (auto& [id, candidate] : found)
            search.candidates[id].push_back (candidate);
    }
    for (auto& [id, list] : search.candidates)
        std::stable_sort (list.begin(), list.end(), [] (auto& a, auto& b) { return rank (a) > rank (b); });
    return search;
}

core::Status relinkMedia (SessionEditor& editor, const std::string& id, const std::filesystem::path& file)
{
    const auto& session = editor.session();
    const auto* media = session.findMedia (id);
    if (media == nullptr)
        return core::makeError ("no media with id '" + id + "'");
    auto info = io::probeAudioFile (file);
    if (! info)
        return info.error();
    const auto length = lengthAtSessionRate (info->frames, info->sampleRate, session.sampleRate);
    for (auto& track : session.tracks)
        for (auto& clip : allClipsOf (track))
        {
            if (clip.mediaId != id)
                continue;
            if (track.channels != info->channels)
                return core::makeError (file.string() + ": " + std::to_string (info->channels) + " channels, but track '"
                                        + track.name + "' plays " + media->path.filename().string() + " as "
                                        + std::to_string (track.channels));
            if (clip.sourceOffset.samples + clip.length.samples > length)
                return core::makeError (file.string() + ": too short for clip '" + clip.name + "' on track '" + track.name
                                        + "' (it is not the file that went missing)");
        }

    std::string hash = media->contentHash;
    if (hash.empty())
        if (auto learnt = io::audioContentHash (file))
            hash = *learnt;
    for (auto& m : editor.media())
        if (m.id == id)
        {
            m.path = session.pathToStore (file);
            m.contentHash = hash;
        }
    return {};
}
} // namespace sprocket::session
