#include "session/SendEdits.h"

#include <algorithm>
#include <cmath>

namespace sprocket::session
{
using core::makeError;
using core::Status;

namespace
{
    bool validGain (double gainDb)
    {
        return std::isfinite (gainDb) && gainDb >= minSendGainDb && gainDb <= maxSendGainDb;
    }

    const Track* findTrack (const Session& session, const std::string& id)
    {
        const auto found = std::find_if (session.tracks.begin(), session.tracks.end(), [&] (auto& t) { return t.id == id; });
        return found != session.tracks.end() ? &*found : nullptr;
    }

    const char* gainRule = "a send's level must be between -144 and +12 dB";

    /** The send to change, found before the track is asked for so a miss records nothing. */
    Send* findSend (SessionEditor& editor, const std::string& trackId, const std::string& sendId, Status& status)
    {
        const Track* current = findTrack (editor.session(), trackId);
        if (current == nullptr)
        {
            status = makeError ("there is no track '" + trackId + "'");
            return nullptr;
        }
        const auto known = std::find_if (current->sends.begin(), current->sends.end(), [&] (auto& s) { return s.id == sendId; });
        if (known == current->sends.end())
        {
            status = makeError ("track '" + trackId + "' has no send '" + sendId + "'");
            return nullptr;
        }
        const auto index = size_t (known - current->sends.begin());
        return &editor.track (trackId)->sends[index];
    }
} // namespace

Status addSend (SessionEditor& editor, const std::string& trackId, const Send& send)
{
    const Track* current = findTrack (editor.session(), trackId);
    if (current == nullptr)
        return makeError ("there is no track '" + trackId + "'");
    if (send.id.empty())
        return makeError ("a send needs an id");
    if (std::any_of (current->sends.begin(), current->sends.end(), [&] (auto& s) { return s.id == send.id; }))
        return makeError ("track '" + trackId + "' already has a send '" + send.id + "'");
    if (send.to == masterOutputId || editor.session().findBus (send.to) == nullptr)
        return makeError ("a send goes to a bus (an aux return), and there is no bus '" + send.to + "'");
    if (! validGain (send.gainDb))
        return makeError (gainRule);
    editor.track (trackId)->sends.push_back (send);
    return {};
}

Status setSendGain (SessionEditor& editor, const std::string& trackId, const std::string& sendId, double gainDb)
{
    if (! validGain (gainDb))
        return makeError (gainRule);
    Status status;
    if (auto* send = findSend (editor, trackId, sendId, status))
        send->gainDb = gainDb;
    return status;
}

Status setSendPreFader (SessionEditor& editor, const std::string& trackId, const std::string& sendId, bool preFader)
{
    Status status;
    if (auto* send = findSend (editor, trackId, sendId, status))
        send->preFader = preFader;
    return status;
}

Status setSendMute (SessionEditor& editor, const std::string& trackId, const std::string& sendId, bool mute)
{
    Status status;
    if (auto* send = findSend (editor, trackId, sendId, status))
        send->mute = mute;
    return status;
}

Status removeSend (SessionEditor& editor, const std::string& trackId, const std::string& sendId)
{
    Status status;
    if (findSend (editor, trackId, sendId, status) == nullptr)
        return status;
    auto* track = editor.track (trackId);
    std::erase_if (track->sends, [&] (auto& s) { return s.id == sendId; });
    track->automation.erase ("send." + sendId + ".gain_db");
    return {};
}
} // namespace sprocket::session
