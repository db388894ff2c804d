#include "session/SendEdits.h"

#include <algorithm>
#include <cmath>
#include <set>

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

    const char* gainRule = "a send's level must be between -144 and +12 dB";

    std::string describe (const StripRef& strip)
    {
        return (strip.kind == StripRef::Kind::bus ? "bus '" : "track '") + strip.id + "'";
    }

    /** The strip's sends, read-only (null for the master or a strip that does not exist). */
    const std::vector<Send>* sendsOf (const Session& session, const StripRef& strip)
    {
        if (strip.kind == StripRef::Kind::track)
        {
            const auto found =
                std::find_if (session.tracks.begin(), session.tracks.end(), [&] (auto& t) { return t.id == strip.id; });
            return found != session.tracks.end() ? &found->sends : nullptr;
        }
        if (strip.kind == StripRef::Kind::bus)
            if (auto* bus = session.findBus (strip.id))
                return &bus->sends;
        return nullptr;
    }

    Status noStrip (const StripRef& strip)
    {
        if (strip.kind == StripRef::Kind::master)
            return makeError ("the master has no sends");
        return makeError ("there is no " + describe (strip));
    }

    /** The strip's sends and automation, writable (recorded for undo). Only after sendsOf succeeded. */
    std::pair<std::vector<Send>*, Automation*> edit (SessionEditor& editor, const StripRef& strip)
    {
        if (strip.kind == StripRef::Kind::track)
        {
            auto* track = editor.track (strip.id);
            return { &track->sends, &track->automation };
        }
        for (auto& bus : editor.buses())
            if (bus.id == strip.id)
                return { &bus.sends, &bus.automation };
        return { nullptr, nullptr };
    }

    /** The send to change, found before the strip is asked for so a miss records nothing. */
    Send* findSend (SessionEditor& editor, const StripRef& strip, const std::string& sendId, Status& status)
    {
        const auto* current = sendsOf (editor.session(), strip);
        if (current == nullptr)
        {
            status = noStrip (strip);
            return nullptr;
        }
        const auto known = std::find_if (current->begin(), current->end(), [&] (auto& s) { return s.id == sendId; });
        if (known == current->end())
        {
            status = makeError (describe (strip) + " has no send '" + sendId + "'");
            return nullptr;
        }
        return &(*edit (editor, strip).first)[size_t (known - current->begin())];
    }

    /** Whether bus `from` reaches bus `target` through outputs and sends (each bus once). */
    bool feeds (const Session& session, const std::string& from, const std::string& target)
    {
        std::set<std::string> visited;
        std::vector<std::string> pending { from };
        while (! pending.empty())
        {
            const auto id = pending.back();
            pending.pop_back();
            if (id == target)
                return true;
            const auto* bus = session.findBus (id);
            if (bus == nullptr || ! visited.insert (id).second)
                continue;
            pending.push_back (bus->output);
            for (auto& send : bus->sends)
                pending.push_back (send.to);
        }
        return false;
    }
} // namespace

bool canSendTo (const Session& session, const StripRef& strip, const std::string& busId)
{
    if (busId == masterOutputId || session.findBus (busId) == nullptr || sendsOf (session, strip) == nullptr)
        return false;
    // A track is only ever a source; a bus must not be fed back by what it sends to.
    return strip.kind != StripRef::Kind::bus || ! feeds (session, busId, strip.id);
}

std::string newSendId (const Session& session, const StripRef& strip)
{
    const auto* sends = sendsOf (session, strip);
    for (int n = 1;; ++n)
    {
        const auto id = "s" + std::to_string (n);
        if (sends == nullptr || std::none_of (sends->begin(), sends->end(), [&] (auto& s) { return s.id == id; }))
            return id;
    }
}

Status addSend (SessionEditor& editor, const StripRef& strip, const Send& send)
{
    const auto* current = sendsOf (editor.session(), strip);
    if (current == nullptr)
        return noStrip (strip);
    if (send.id.empty())
        return makeError ("a send needs an id");
    if (std::any_of (current->begin(), current->end(), [&] (auto& s) { return s.id == send.id; }))
        return makeError (describe (strip) + " already has a send '" + send.id + "'");
    if (send.to == masterOutputId || editor.session().findBus (send.to) == nullptr)
        return makeError ("a send goes to a bus (an aux return), and there is no bus '" + send.to + "'");
    if (! canSendTo (editor.session(), strip, send.to))
        return makeError (send.to == strip.id ? "routing loop: a bus cannot send to itself"
                                              : "routing loop: bus '" + send.to + "' feeds bus '" + strip.id + "'");
    if (! validGain (send.gainDb))
        return makeError (gainRule);
    edit (editor, strip).first->push_back (send);
    return {};
}

Status setSendGain (SessionEditor& editor, const StripRef& strip, const std::string& sendId, double gainDb)
{
    if (! validGain (gainDb))
        return makeError (gainRule);
    Status status;
    if (auto* send = findSend (editor, strip, sendId, status))
        send->gainDb = gainDb;
    return status;
}

Status setSendPreFader (SessionEditor& editor, const StripRef& strip, const std::string& sendId, bool preFader)
{
    Status status;
    if (auto* send = findSend (editor, strip, sendId, status))
        send->preFader = preFader;
    return status;
}

Status setSendMute (SessionEditor& editor, const StripRef& strip, const std::string& sendId, bool mute)
{
    Status status;
    if (auto* send = findSend (editor, strip, sendId, status))
        send->mute = mute;
    return status;
}

Status removeSend (SessionEditor& editor, const StripRef& strip, const std::string& sendId)
{
    Status status;
    if (findSend (editor, strip, sendId, status) == nullptr)
        return status;
    auto [sends, automation] = edit (editor, strip);
    std::erase_if (*sends, [&] (auto& s) { return s.id == sendId; });
    automation->erase ("send." + sendId + ".gain_db");
    return {};
}

Status addSend (SessionEditor& editor, const std::string& trackId, const Send& send)
{
    return addSend (editor, StripRef::track (trackId), send);
}

Status setSendGain (SessionEditor& editor, const std::string& trackId, const std::string& sendId, double gainDb)
{
    return setSendGain (editor, StripRef::track (trackId), sendId, gainDb);
}

Status setSendPreFader (SessionEditor& editor, const std::string& trackId, const std::string& sendId, bool preFader)
{
    return setSendPreFader (editor, StripRef::track (trackId), sendId, preFader);
}

Status setSendMute (SessionEditor& editor, const std::string& trackId, const std::string& sendId, bool mute)
{
    return setSendMute (editor, StripRef::track (trackId), sendId, mute);
}

Status removeSend (SessionEditor& editor, const std::string& trackId, const std::string& sendId)
{
    return removeSend (editor, StripRef::track (trackId), sendId);
}
} // namespace sprocket::session
