#include "session/MediaFacts.h"

#include "io/AudioFileInfo.h"
#include "session/MediaCheck.h"

#include <map>
#include <memory>

namespace sprocket::session
{
MediaFactsLookup probeMediaFacts (const Session& session)
{
    std::map<std::string, std::filesystem::path> paths;
    for (auto& media : session.media)
        paths.emplace (media.id, session.resolveMediaPath (media));
    auto cache = std::make_shared<std::map<std::string, std::optional<MediaFacts>>>();
    const auto sessionRate = session.sampleRate;

    return [paths = std::move (paths), cache, sessionRate] (const std::string& id) -> std::optional<MediaFacts> {
        if (auto known = cache->find (id); known != cache->end())
            return known->second;
        std::optional<MediaFacts> facts;
        if (auto path = paths.find (id); path != paths.end())
            if (auto info = io::probeAudioFile (path->second); info.ok())
            {
                facts = MediaFacts { lengthAtSessionRate (info->frames, info->sampleRate, sessionRate), info->channels, {} };
                if (info->bext && info->sampleRate > 0)
                    facts->originalTime = lengthAtSessionRate (info->bext->timeReference, info->sampleRate, sessionRate);
            }
        cache->emplace (id, facts);
        return facts;
    };
}
} // namespace sprocket::session
