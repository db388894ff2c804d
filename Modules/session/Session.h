#pragma once

#include "core/FrameRate.h"
#include "core/TempoMap.h"
#include "core/Timecode.h"
#include "session/Bus.h"
#include "session/CueLists.h"
#include "session/Group.h"
#include "session/Marker.h"
#include "session/MediaRef.h"
#include "session/Track.h"
#include "session/VideoReference.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sprocket::session
{
/** The document: a plain value. The message thread owns it; the engine sees only
    RenderPlans compiled from it. */
struct Session
{
    std::string name = "Untitled";
    int64_t sampleRate = 48000;
    core::FrameRate frameRate = core::FrameRate::fps24;
    core::Timecode startTimecode { 1, 0, 0, 0 };
    std::vector<MediaRef> media;
    std::vector<Bus> buses;
    Master master;
    std::vector<Track> tracks;
    std::vector<Marker> markers;
    /** VCAs and fader groups over tracks and buses (docs/SESSION_FORMAT.md, *Groups*). */
    std::vector<Group> groups;

    /** Working to picture: the reference movie, the musical grid and the cue lists. */
    std::optional<VideoReference> video;
    core::TempoMap tempoMap;
    CueLists cues;

    /** The delivery spec (docs/DELIVERY.md), the same object a `--spec` file holds; null when
        the session has none. Kept as JSON, not parsed here: the spec's parser and types belong
        to the engine, which sits above the session, so one parser serves files and sessions;
        a spec with a mistake does not stop a session from opening for editing (validate and
        deliver report it); and it is written back exactly as read. */
    nlohmann::json delivery;

    /** Where the session file lives; media paths resolve against its folder. Not saved. */
    std::filesystem::path filePath;

    const MediaRef* findMedia (const std::string& id) const;
    const Bus* findBus (const std::string& id) const;
    const Group* findGroup (const std::string& id) const;
    const Track* findTrack (const std::string& id) const;
    /** The VCA `memberId` (a track or bus id) belongs to, or null. */
    const Group* vcaOf (const std::string& memberId) const;

    /** The media file on disk: the stored path resolved against the session file's folder. */
    std::filesystem::path resolveMediaPath (const MediaRef& media) const;
    /** A stored path (media, movie) resolved against the session file's folder. */
    std::filesystem::path resolvePath (const std::filesystem::path& stored) const;
    /** How a file's path is stored: relative to the session's folder when the file is inside it. */
    std::filesystem::path pathToStore (const std::filesystem::path& file) const;

    /** End of the last clip: a render covers [0, length). */
    core::SamplePosition endOfLastClip() const;

    bool operator== (const Session& other) const;
};
} // namespace sprocket::session
