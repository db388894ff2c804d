#include "session/MixEdits.h"

#include <algorithm>
#include <cmath>

namespace sprocket::session
{
using core::makeError;
using core::Status;

namespace
{
    std::string describe (const StripRef& strip)
    {
        switch (strip.kind)
        {
            case StripRef::Kind::track:
                return "track '" + strip.id + "'";
            case StripRef::Kind::bus:
                return "bus '" + strip.id + "'";
            case StripRef::Kind::vca:
                return "VCA '" + strip.id + "'";
            case StripRef::Kind::master:
                break;
        }
        return "the master";
    }

    Bus* findBus (SessionEditor& editor, const std::string& id)
    {
        // Looked up before the list is asked for, so a missing bus records nothing.
        const auto& buses = editor.session().buses;
        const auto known = std::find_if (buses.begin(), buses.end(), [&] (auto& b) { return b.id == id; });
        if (known == buses.end())
            return nullptr;
        return &editor.buses()[size_t (known - buses.begin())];
    }

    /** The inserts of a track or bus (null for the master or a strip that does not exist). */
    std::vector<Insert>* insertsOf (SessionEditor& editor, const StripRef& strip)
    {
        if (strip.kind == StripRef::Kind::track)
            if (auto* track = editor.track (strip.id))
                return &track->inserts;
        if (strip.kind == StripRef::Kind::bus)
            if (auto* bus = findBus (editor, strip.id))
                return &bus->inserts;
        return nullptr;
    }
} // namespace

Status setStripGain (SessionEditor& editor, const StripRef& strip, double gainDb)
{
    // The session file's range for every gain_db.
    if (! std::isfinite (gainDb) || gainDb < -200.0 || gainDb > 24.0)
        return makeError ("a fader's gain must be between -200 and +24 dB");
    switch (strip.kind)
    {
        case StripRef::Kind::track:
            if (auto* track = editor.track (strip.id))
            {
                track->gainDb = gainDb;
                return {};
            }
            break;
        case StripRef::Kind::bus:
            if (auto* bus = findBus (editor, strip.id))
            {
                bus->gainDb = gainDb;
                return {};
            }
            break;
        case StripRef::Kind::master:
            editor.master().gainDb = gainDb;
            return {};
        case StripRef::Kind::vca:
        {
            const auto& groups = editor.session().groups;
            const auto known = std::find_if (groups.begin(), groups.end(),
                                             [&] (auto& g) { return g.id == strip.id && g.kind == Group::Kind::vca; });
            if (known == groups.end())
                break;
            editor.groups()[size_t (known - groups.begin())].gainDb = gainDb;
            return {};
        }
    }
    return makeError ("there is no " + describe (strip));
}

Status setTrackPan (SessionEditor& editor, const std::string& trackId, double pan)
{
    if (! std::isfinite (pan) || pan < -1.0 || pan > 1.0)
        return makeError ("pan must be between -1 (left) and +1 (right)");
    auto* track = editor.track (trackId);
    if (track == nullptr)
        return makeError ("there is no track '" + trackId + "'");
    track->pan = pan;
    return {};
}

Status setTrackSurroundPan (SessionEditor& editor, const std::string& trackId, const SurroundPan& position)
{
    const auto within = [] (double value, double low, double high) {
        return std::isfinite (value) && value >= low && value <= high;
    };
    if (! within (position.x, -1.0, 1.0) || ! within (position.y, -1.0, 1.0))
        return makeError ("a surround position's x and y must be between -1 and +1");
    if (! within (position.divergence, 0.0, 1.0))
        return makeError ("divergence must be between 0 and 1");
    if (! within (position.centrePercent, 0.0, 100.0))
        return makeError ("the centre percentage must be between 0 and 100");
    if (! within (position.lfeDb, -200.0, 24.0))
        return makeError ("the LFE send must be between -200 and +24 dB");
    auto* track = editor.track (trackId);
    if (track == nullptr)
        return makeError ("there is no track '" + trackId + "'");
    track->surroundPan = position;
    return {};
}

Status setTrackMute (SessionEditor& editor, const std::string& trackId, bool mute)
{
    auto* track = editor.track (trackId);
    if (track == nullptr)
        return makeError ("there is no track '" + trackId + "'");
    track->mute = mute;
    return {};
}

Status setTrackSolo (SessionEditor& editor, const std::string& trackId, bool solo)
{
    auto* track = editor.track (trackId);
    if (track == nullptr)
        return makeError ("there is no track '" + trackId + "'");
    track->solo = solo;
    return {};
}

Status setInsertBypass (SessionEditor& editor, const StripRef& strip, size_t index, bool bypass)
{
    auto* inserts = insertsOf (editor, strip);
    if (inserts == nullptr)
        return makeError ("there is no " + describe (strip) + " with inserts");
    if (index >= inserts->size())
        return makeError (describe (strip) + " has no insert " + std::to_string (index + 1));
    (*inserts)[index].bypass = bypass;
    return {};
}

double stripGain (const Session& session, const StripRef& strip)
{
    switch (strip.kind)
    {
        case StripRef::Kind::track:
            for (auto& t : session.tracks)
                if (t.id == strip.id)
                    return t.gainDb;
            break;
        case StripRef::Kind::bus:
            if (auto* bus = session.findBus (strip.id))
                return bus->gainDb;
            break;
        case StripRef::Kind::master:
            return session.master.gainDb;
        case StripRef::Kind::vca:
            if (auto* group = session.findGroup (strip.id))
                return group->gainDb;
            break;
    }
    return 0.0;
}
} // namespace sprocket::session
