#pragma once

#include "session/Session.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace sprocket::session
{
/** What edits need to know about a media file: how long it is (at the session rate, as the
    engine plays it) and, for "spot to original time", where it was recorded. */
struct MediaFacts
{
    int64_t length = 0;
    int channels = 0;
    /** The BWF time reference as session-rate samples since midnight, when the file has one. */
    std::optional<int64_t> originalTime;
};

/** Looks media up by id; nullopt when the file is unknown or unreadable. */
using MediaFactsLookup = std::function<std::optional<MediaFacts> (const std::string& mediaId)>;

/** Probes the session's media files on disk, each once (the result is cached). The lookup keeps
    its own copy of the media pool, so it stays valid while the session changes. */
MediaFactsLookup probeMediaFacts (const Session& session);
} // namespace sprocket::session
