#pragma once

#include "core/Error.h"
#include "session/SessionEditor.h"

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace sprocket::session
{
/** A file that may be a missing media file found again. */
struct RelinkCandidate
{
    std::filesystem::path file;
    bool sameName = false;    // its file name is the missing one's (any case)
    bool sameContent = false; // its content hash is the one the session stored

    bool operator== (const RelinkCandidate&) const = default;
};

struct RelinkSearch
{
    /** By media id; best first: same content and name, same content, same name. */
    std::map<std::string, std::vector<RelinkCandidate>> candidates;
    int filesLooked = 0;
    int filesHashed = 0;
};

/** Looks through `folder` and its subfolders for the media `ids` of the session: files with the
    same name (any case), and audio files whose content hash (io::audioContentHash) is the one
    stored for a medium that has one. Unreadable files and folders are passed over.
    `isCancelled` is asked between files. [[not the audio thread]] */
RelinkSearch searchForMedia (const Session& session, const std::set<std::string>& ids, const std::filesystem::path& folder,
                             const std::function<bool()>& isCancelled = {});

/** Points the media `id` at `file`, as one part of an edit. Refused, naming the file, when it is
    not readable audio, has another channel count than the tracks that play it, or is too short
    for their clips. The content hash is kept (or learnt, for a medium without one). */
core::Status relinkMedia (SessionEditor& editor, const std::string& id, const std::filesystem::path& file);
} // namespace sprocket::session
