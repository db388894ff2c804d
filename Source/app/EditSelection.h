#pragma once

#include "core/SampleTime.h"
#include "session/ClipEdits.h"
#include "session/Session.h"

#include <algorithm>
#include <string>
#include <vector>

namespace sprocket::app
{
/** What the editor has selected, the Pro Tools way: either clips (clicked with the grabber,
    shift-click adds or removes), or a time range across some tracks (dragged in an empty part
    of the lanes; a click is a range of zero length: the edit cursor). Plain value, held by the
    MainComponent and drawn by the timeline. [[message thread]] */
struct EditSelection
{
    std::vector<session::ClipRef> clips;
    std::vector<std::string> trackIds; // the range's tracks, in session order
    core::SampleRange range;           // empty: a cursor at range.start (when trackIds are set)

    bool hasClips() const noexcept { return ! clips.empty(); }
    bool hasRange() const noexcept { return ! trackIds.empty() && ! range.isEmpty(); }
    bool hasCursor() const noexcept { return ! trackIds.empty() && range.isEmpty(); }
    bool isEmpty() const noexcept { return clips.empty() && trackIds.empty(); }

    bool contains (const session::ClipRef& clip) const
    {
        return std::find (clips.begin(), clips.end(), clip) != clips.end();
    }
    bool containsTrack (const std::string& trackId) const
    {
        return std::find (trackIds.begin(), trackIds.end(), trackId) != trackIds.end();
    }

    void clear()
    {
        clips.clear();
        trackIds.clear();
        range = {};
    }

    /** Drops clips and tracks that no longer exist (after an undo, a delete). */
    void dropMissing (const session::Session& session)
    {
        const auto findTrack = [&session] (const std::string& id) -> const session::Track* {
            for (auto& track : session.tracks)
                if (track.id == id)
                    return &track;
            return nullptr;
        };
        std::erase_if (clips, [&] (const session::ClipRef& ref) {
            const auto* track = findTrack (ref.trackId);
            return track == nullptr
                   || std::none_of (track->clips.begin(), track->clips.end(),
                                    [&] (const session::Clip& c) { return c.id == ref.clipId; });
        });
        std::erase_if (trackIds, [&] (const std::string& id) { return findTrack (id) == nullptr; });
    }

    bool operator== (const EditSelection&) const = default;
};
} // namespace sprocket::app
