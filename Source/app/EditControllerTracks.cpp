// The track header commands of EditController: record arm, solo safe, name, colour and height,
// each one undoable step through session::TrackEdits.
#include "EditController.h"

#include "session/TrackEdits.h"

#include <algorithm>

namespace sprocket::app
{
using core::makeError;
using core::Status;

namespace
{
    const session::Track* findTrack (const Document* document, const std::string& id)
    {
        return document == nullptr ? nullptr : document->session().findTrack (id);
    }
} // namespace

const std::vector<EditController::TrackSize>& EditController::trackSizes()
{
    // Pro Tools' sizes, scaled to our header (its "medium" fits name, format and playlist).
    static const std::vector<TrackSize> sizes { { "Micro", 24 },  { "Mini", 40 },   { "Small", 56 },   { "Medium", 80 },
                                                { "Large", 120 }, { "Jumbo", 200 }, { "Extreme", 400 } };
    return sizes;
}

Status EditController::toggleRecordArm (const std::string& trackId)
{
    const auto* track = findTrack (getDocument(), trackId);
    if (track == nullptr)
        return makeError ("there is no track '" + trackId + "'");
    const bool arm = ! track->recordArm;
    return perform (arm ? "Record Arm" : "Record Disarm",
                    [&] (session::SessionEditor& e) { return session::setRecordArm (e, trackId, arm); });
}

Status EditController::toggleSoloSafe (const std::string& trackId)
{
    const auto* track = findTrack (getDocument(), trackId);
    if (track == nullptr)
        return makeError ("there is no track '" + trackId + "'");
    const bool safe = ! track->soloSafe;
    return perform ("Solo Safe", [&] (session::SessionEditor& e) { return session::setSoloSafe (e, trackId, safe); });
}

Status EditController::renameTrack (const std::string& trackId, const std::string& name)
{
    return perform ("Rename Track", [&] (session::SessionEditor& e) { return session::renameTrack (e, trackId, name); });
}

Status EditController::setTrackColour (const std::vector<std::string>& trackIds, const std::string& colour)
{
    if (trackIds.empty())
        return makeError ("select a track first");
    return perform ("Track Colour", [&] (session::SessionEditor& e) -> Status {
        for (auto& id : trackIds)
            if (auto status = session::setTrackColour (e, id, colour); ! status.ok())
                return status;
        return {};
    });
}

Status EditController::setTrackHeight (const std::vector<std::string>& trackIds, int height)
{
    if (trackIds.empty())
        return makeError ("select a track first");
    return perform ("Track Height", [&] (session::SessionEditor& e) -> Status {
        for (auto& id : trackIds)
            if (auto status = session::setTrackHeight (e, id, height); ! status.ok())
                return status;
        return {};
    });
}

Status EditController::stepTrackHeight (bool taller, int sharedHeight)
{
    const auto ids = selectedTrackIds();
    if (ids.empty())
        return makeError ("select a track first");
    const auto& sizes = trackSizes();
    return perform (taller ? "Taller Track" : "Shorter Track", [&] (session::SessionEditor& e) -> Status {
        for (auto& id : ids)
        {
            const auto* track = findTrack (getDocument(), id);
            const int now = track != nullptr && track->height > 0 ? track->height : sharedHeight;
            // The next named size past the current height, so an odd height snaps onto the list.
            int next = now;
            if (taller)
            {
                auto bigger = std::find_if (sizes.begin(), sizes.end(), [&] (auto& s) { return s.height > now; });
                next = bigger != sizes.end() ? bigger->height : sizes.back().height;
            }
            else
            {
                auto smaller = std::find_if (sizes.rbegin(), sizes.rend(), [&] (auto& s) { return s.height < now; });
                next = smaller != sizes.rend() ? smaller->height : sizes.front().height;
            }
            if (auto status = session::setTrackHeight (e, id, next); ! status.ok())
                return status;
        }
        return {};
    });
}

Status EditController::addStrips (const session::NewStrips& strips, bool buses)
{
    std::vector<std::string> created;
    const auto name = std::string (buses ? "New Bus" : "New Track") + (strips.count > 1 ? "s" : "");
    auto status = perform (name, [&] (session::SessionEditor& e) {
        created.clear();
        return buses ? session::addBuses (e, strips, &created) : session::addTracks (e, strips, &created);
    });
    if (status.ok() && ! buses)
    {
        EditSelection s;
        s.trackIds = created;
        s.range = { selection().range.start, selection().range.start };
        setSelection (s);
    }
    return status;
}

Status EditController::deleteTracks (const std::vector<std::string>& trackIds)
{
    if (trackIds.empty())
        return makeError ("select the tracks to delete (a range or clips on them)");
    return perform (trackIds.size() == 1 ? "Delete Track" : "Delete Tracks",
                    [&] (session::SessionEditor& e) { return session::removeTracks (e, trackIds); });
}

std::vector<std::string> EditController::selectedTrackIds() const
{
    const auto& s = selection();
    if (! s.trackIds.empty())
        return s.trackIds;
    std::vector<std::string> ids;
    if (getDocument() == nullptr)
        return ids;
    // The selected clips' tracks, in session order.
    for (auto& track : getDocument()->session().tracks)
        if (std::any_of (s.clips.begin(), s.clips.end(), [&] (auto& c) { return c.trackId == track.id; }))
            ids.push_back (track.id);
    return ids;
}
} // namespace sprocket::app
