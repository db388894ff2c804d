#include "session/TrackEdits.h"

#include "session/Colour.h"

#include <algorithm>

namespace sprocket::session
{
using core::makeError;
using core::Status;

namespace
{
    Status noTrack (const std::string& id)
    {
        return makeError ("there is no track '" + id + "'");
    }
} // namespace

Status renameTrack (SessionEditor& editor, const std::string& trackId, const std::string& name)
{
    const auto first = name.find_first_not_of (" \t");
    if (first == std::string::npos)
        return makeError ("a track's name must not be empty");
    const auto trimmed = name.substr (first, name.find_last_not_of (" \t") - first + 1);
    // Long enough for any real name; a pasted paragraph is a mistake.
    if (trimmed.size() > 256)
        return makeError ("a track's name must be at most 256 characters");
    auto* track = editor.track (trackId);
    if (track == nullptr)
        return noTrack (trackId);
    track->name = trimmed;
    return {};
}

Status setStripColour (SessionEditor& editor, const StripRef& strip, const std::string& colour)
{
    if (! colour.empty() && ! isHexColour (colour))
        return makeError ("\"" + colour + "\" is not a colour: use #rrggbb");
    const auto stored = canonicalColour (colour);
    if (strip.kind == StripRef::Kind::track)
    {
        auto* track = editor.track (strip.id);
        if (track == nullptr)
            return noTrack (strip.id);
        track->colour = stored;
        return {};
    }
    if (strip.kind == StripRef::Kind::bus)
    {
        const auto& buses = editor.session().buses;
        const auto known = std::find_if (buses.begin(), buses.end(), [&] (auto& b) { return b.id == strip.id; });
        if (known == buses.end())
            return makeError ("there is no bus '" + strip.id + "'");
        editor.buses()[size_t (known - buses.begin())].colour = stored;
        return {};
    }
    if (strip.kind == StripRef::Kind::vca)
    {
        const auto& groups = editor.session().groups;
        const auto known = std::find_if (groups.begin(), groups.end(), [&] (auto& g) { return g.id == strip.id; });
        if (known == groups.end())
            return makeError ("there is no VCA '" + strip.id + "'");
        editor.groups()[size_t (known - groups.begin())].colour = stored;
        return {};
    }
    return makeError ("the master has no colour");
}

Status setTrackColour (SessionEditor& editor, const std::string& trackId, const std::string& colour)
{
    return setStripColour (editor, StripRef::track (trackId), colour);
}

Status setTrackHeight (SessionEditor& editor, const std::string& trackId, int height)
{
    if (height != 0 && (height < trackHeightMin || height > trackHeightMax))
        return makeError ("a track's height must be between " + std::to_string (trackHeightMin) + " and "
                          + std::to_string (trackHeightMax) + " pixels (or 0: the view's)");
    auto* track = editor.track (trackId);
    if (track == nullptr)
        return noTrack (trackId);
    track->height = height;
    return {};
}

Status setRecordArm (SessionEditor& editor, const std::string& trackId, bool armed)
{
    auto* track = editor.track (trackId);
    if (track == nullptr)
        return noTrack (trackId);
    track->recordArm = armed;
    return {};
}

Status setSoloSafe (SessionEditor& editor, const std::string& trackId, bool safe)
{
    auto* track = editor.track (trackId);
    if (track == nullptr)
        return noTrack (trackId);
    track->soloSafe = safe;
    return {};
}
} // namespace sprocket::session
