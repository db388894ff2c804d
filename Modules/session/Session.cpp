#include "session/Session.h"

#include <algorithm>

namespace sprocket::session
{
const MediaRef* Session::findMedia (const std::string& id) const
{
    auto it = std::find_if (media.begin(), media.end(), [&] (auto& m) { return m.id == id; });
    return it != media.end() ? &*it : nullptr;
}

const Track* Session::findTrack (const std::string& id) const
{
    auto it = std::find_if (tracks.begin(), tracks.end(), [&] (auto& t) { return t.id == id; });
    return it != tracks.end() ? &*it : nullptr;
}

const Bus* Session::findBus (const std::string& id) const
{
    auto it = std::find_if (buses.begin(), buses.end(), [&] (auto& b) { return b.id == id; });
    return it != buses.end() ? &*it : nullptr;
}

std::filesystem::path Session::resolveMediaPath (const MediaRef& ref) const
{
    return resolvePath (ref.path);
}

std::filesystem::path Session::resolvePath (const std::filesystem::path& stored) const
{
    if (stored.is_absolute() || filePath.empty())
        return stored;
    return (filePath.parent_path() / stored).lexically_normal();
}

std::filesystem::path Session::pathToStore (const std::filesystem::path& file) const
{
    if (filePath.empty())
        return std::filesystem::absolute (file);
    auto relative = std::filesystem::absolute (file).lexically_relative (std::filesystem::absolute (filePath).parent_path());
    return relative.empty() || *relative.begin() == ".." ? std::filesystem::absolute (file) : relative;
}

core::SamplePosition Session::endOfLastClip() const
{
    core::SamplePosition end;
    for (auto& track : tracks)
        for (auto& clip : track.clips)
            end = std::max (end, clip.end());
    return end;
}

const Group* Session::findGroup (const std::string& id) const
{
    for (auto& group : groups)
        if (group.id == id)
            return &group;
    return nullptr;
}

const Group* Session::vcaOf (const std::string& memberId) const
{
    for (auto& group : groups)
        if (group.kind == Group::Kind::vca
            && std::find (group.members.begin(), group.members.end(), memberId) != group.members.end())
            return &group;
    return nullptr;
}

bool Session::operator== (const Session& o) const
{
    // filePath is where the document lives, not part of it.
    return name == o.name && sampleRate == o.sampleRate && frameRate == o.frameRate && startTimecode == o.startTimecode
           && media == o.media && buses == o.buses && master == o.master && tracks == o.tracks && markers == o.markers
           && groups == o.groups && video == o.video && tempoMap == o.tempoMap && cues == o.cues && delivery == o.delivery;
}
} // namespace sprocket::session
