#include "session/SessionJson.h"

#include "session/AutomationParameters.h"
#include "session/AutomationRepair.h"
#include "session/Colour.h"
#include "session/GroupJson.h"
#include "session/JsonFieldReader.h"
#include "session/PictureJson.h"
#include "session/SendJson.h"

#include "dsp/ProcessorRegistry.h"

#include <limits>

namespace sprocket::session
{
namespace
{
    bool isSupportedChannelCount (int64_t channels)
    {
        return channels == 1 || channels == 2 || channels == 6 || channels == 8;
    }

    constexpr const char* channelCountRule = "must be 1 (mono), 2 (stereo), 6 (5.1) or 8 (7.1)";

    int readChannels (JsonFieldReader& reader, bool required, int fallback)
    {
        auto channels = reader.integer ("channels", required);
        if (! channels)
            return fallback;
        if (! isSupportedChannelCount (*channels))
        {
            reader.report ("channels", channelCountRule);
            return fallback;
        }
        return int (*channels);
    }

    double readGainDb (JsonFieldReader& reader, const std::string& key)
    {
        auto gain = reader.number (key, false);
        if (! gain)
            return 0.0;
        // +24 dB is beyond any console's fader; below -144 dB is silence anyway.
        if (*gain > 24.0 || *gain < -200.0)
        {
            reader.report (key, "must be between -200 and +24 dB");
            return 0.0;
        }
        return *gain;
    }

    /** "color": "#rrggbb" (optional); empty when absent or wrong. */
    std::string readColour (JsonFieldReader& reader)
    {
        auto colour = reader.string ("color", false);
        if (! colour)
            return {};
        if (! isHexColour (*colour))
        {
            reader.report ("color", "\"" + *colour + "\" is not #rrggbb");
            return {};
        }
        return canonicalColour (*colour);
    }

    Fade readFade (const nlohmann::json& json, const std::string& path, Problems& problems)
    {
        JsonFieldReader reader (json, path, problems);
        Fade fade;
        if (auto length = reader.integer ("length", true))
        {
            if (*length < 0)
                reader.report ("length", "must be >= 0");
            else
                fade.length = { *length };
        }
        if (auto shape = reader.string ("shape", false))
        {
            if (auto parsed = dsp::parseFadeShape (*shape))
                fade.shape = *parsed;
            else
                reader.report ("shape", "must be linear, equal_power or s_curve (got '" + *shape + "')");
        }
        return fade;
    }

    std::vector<Insert> readInserts (JsonFieldReader& owner, Problems& problems)
    {
        std::vector<Insert> inserts;
        auto* list = owner.array ("inserts", false);
        if (list == nullptr)
            return inserts;
        const auto& registry = dsp::ProcessorRegistry::builtIns();
        for (size_t i = 0; i < list->size(); ++i)
        {
            const auto path = owner.pathOf ("inserts") + "[" + std::to_string (i) + "]";
            JsonFieldReader reader ((*list)[i], path, problems);
            Insert insert;
            insert.type = reader.string ("type", true).value_or ("");
            insert.bypass = reader.boolean ("bypass", false).value_or (false);
            if (auto* params = reader.object_ ("params", false))
                insert.params = *params;
            if (! insert.type.empty() && ! registry.contains (insert.type))
                insert.unknownOriginal = (*list)[i]; // kept verbatim, played bypassed
            else if (! insert.type.empty())
            {
                if ((*list)[i].is_object())
                    for (auto& [key, value] : (*list)[i].items())
                        if (key != "type" && key != "params" && key != "bypass")
                            insert.extra[key] = value;
                if (auto made = registry.createWithState (insert.type, { { "params", insert.params } }); ! made.ok())
                    problems.push_back ({ path + ".params", made.error().message });
                else if (! insert.extra.empty())
                    if (auto withExtra = registry.createWithState (insert.type, processorState (insert)); ! withExtra.ok())
                        problems.push_back ({ path, withExtra.error().message });
            }
            inserts.push_back (std::move (insert));
        }
        return inserts;
    }

    /** Lanes whose points are malformed or whose key is not automatable are problems; points
        that are merely out of order or out of range are repaired with a warning each. */
    Automation readAutomation (JsonFieldReader& owner, const std::vector<Insert>& inserts, const std::vector<Send>& sends,
                               bool isTrack, Problems& problems, Problems& warnings)
    {
        Automation automation;
        auto* object = owner.object_ ("automation", false);
        if (object == nullptr)
            return automation;
        for (auto& [key, points] : object->items())
        {
            const auto path = owner.pathOf ("automation") + "." + key;
            std::string why;
            const auto range = automationRange (key, inserts, sends, isTrack, why);
            if (! range)
            {
                problems.push_back ({ path, why });
                continue;
            }
            if (! points.is_array())
            {
                problems.push_back ({ path, "must be an array of [position, value] pairs" });
                continue;
            }
            std::vector<RawAutomationPoint> raw;
            for (size_t i = 0; i < points.size(); ++i)
            {
                const auto& point = points[i];
                // null is how a NaN is saved (nlohmann writes NaN as null): repaired, not refused.
                if (! point.is_array() || point.size() != 2 || ! point[0].is_number_integer()
                    || ! (point[1].is_number() || point[1].is_boolean() || point[1].is_null()))
                {
                    problems.push_back ({ path + "[" + std::to_string (i) + "]",
                                          "must be [position, value]: a whole sample position and a number" });
                    continue;
                }
                const double value = point[1].is_null()      ? std::numeric_limits<double>::quiet_NaN()
                                     : point[1].is_boolean() ? (point[1].get<bool>() ? 1.0 : 0.0)
                                                             : point[1].get<double>();
                raw.push_back ({ i, point[0].get<int64_t>(), value });
            }
            automation[key] = repairAutomationLane (std::move (raw), range->first, range->second, path, warnings);
        }
        return automation;
    }

    /** "automation_mode": off, read (the default), touch, latch, write or trim. */
    AutomationMode readAutomationMode (JsonFieldReader& owner)
    {
        const auto name = owner.string ("automation_mode", false);
        if (! name)
            return AutomationMode::read;
        if (auto mode = parseAutomationMode (*name))
            return *mode;
        owner.report ("automation_mode", "'" + *name + "' is not a mode: use off, read, touch, latch, write or trim");
        return AutomationMode::read;
    }

    nlohmann::ordered_json automationJson (const Automation& automation)
    {
        nlohmann::ordered_json lanes = nlohmann::ordered_json::object();
        for (auto& [key, lane] : automation)
        {
            auto points = nlohmann::ordered_json::array();
            for (auto& point : lane)
                points.push_back ({ point.position, point.value });
            lanes[key] = std::move (points);
        }
        return lanes;
    }

    nlohmann::ordered_json insertsJson (const std::vector<Insert>& inserts)
    {
        auto list = nlohmann::ordered_json::array();
        for (auto& insert : inserts)
        {
            if (! insert.unknownOriginal.is_null())
            {
                // The same JSON value as read (key order is not kept: objects are maps).
                list.push_back (nlohmann::ordered_json::parse (insert.unknownOriginal.dump()));
                continue;
            }
            nlohmann::ordered_json item;
            item["type"] = insert.type;
            item["params"] = insert.params;
            item["bypass"] = insert.bypass;
            for (auto& [key, value] : insert.extra.items())
                item[key] = nlohmann::ordered_json::parse (value.dump());
            list.push_back (std::move (item));
        }
        return list;
    }

    Clip readClip (const nlohmann::json& json, const std::string& path, Problems& problems)
    {
        JsonFieldReader reader (json, path, problems);
        Clip clip;
        clip.id = reader.string ("id", true).value_or ("");
        clip.name = reader.string ("name", false).value_or ("");
        clip.mediaId = reader.string ("media", true).value_or ("");
        if (auto position = reader.integer ("position", true))
        {
            if (*position < 0)
                reader.report ("position", "must be >= 0");
            clip.position = { *position };
        }
        if (auto offset = reader.integer ("source_offset", false))
        {
            if (*offset < 0)
                reader.report ("source_offset", "must be >= 0");
            clip.sourceOffset = { *offset };
        }
        if (auto length = reader.integer ("length", true))
        {
            if (*length <= 0)
                reader.report ("length", "must be > 0");
            clip.length = { *length };
        }
        clip.gainDb = readGainDb (reader, "gain_db");
        clip.mute = reader.boolean ("mute", false).value_or (false);
        if (auto* fadeIn = reader.object_ ("fade_in", false))
            clip.fadeIn = readFade (*fadeIn, reader.pathOf ("fade_in"), problems);
        if (auto* fadeOut = reader.object_ ("fade_out", false))
            clip.fadeOut = readFade (*fadeOut, reader.pathOf ("fade_out"), problems);
        return clip;
    }

    Track readTrack (const nlohmann::json& json, const std::string& path, Problems& problems, Problems& warnings)
    {
        JsonFieldReader reader (json, path, problems);
        Track track;
        track.id = reader.string ("id", true).value_or ("");
        track.name = reader.string ("name", false).value_or (track.id);
        track.channels = readChannels (reader, true, 1);
        track.output = reader.string ("output", false).value_or (masterOutputId);
        track.gainDb = readGainDb (reader, "gain_db");
        if (json.is_object() && json.contains ("pan") && json["pan"].is_object())
        {
            JsonFieldReader surround (json["pan"], reader.pathOf ("pan"), problems);
            SurroundPan position;
            const auto within = [&] (const char* key, double low, double high, double& into) {
                if (auto value = surround.number (key, false))
                {
                    if (*value < low || *value > high)
                        surround.report (key,
                                         "must be between " + std::to_string (int (low)) + " and " + std::to_string (int (high)));
                    else
                        into = *value;
                }
            };
            within ("x", -1.0, 1.0, position.x);
            within ("y", -1.0, 1.0, position.y);
            within ("divergence", 0.0, 1.0, position.divergence);
            within ("centre_percent", 0.0, 100.0, position.centrePercent);
            within ("lfe_db", -200.0, 24.0, position.lfeDb);
            track.surroundPan = position;
        }
        else if (auto pan = reader.number ("pan", false))
        {
            if (*pan < -1.0 || *pan > 1.0)
                reader.report ("pan", "must be between -1 (left) and +1 (right), or a surround position object");
            else
                track.pan = *pan;
        }
        track.mute = reader.boolean ("mute", false).value_or (false);
        track.solo = reader.boolean ("solo", false).value_or (false);
        track.soloSafe = reader.boolean ("solo_safe", false).value_or (false);
        track.recordArm = reader.boolean ("record_arm", false).value_or (false);
        track.colour = readColour (reader);
        if (auto height = reader.integer ("height", false))
        {
            if (*height < trackHeightMin || *height > trackHeightMax)
                reader.report ("height", std::to_string (*height) + " is outside " + std::to_string (trackHeightMin) + " .. "
                                             + std::to_string (trackHeightMax) + " pixels");
            else
                track.height = int (*height);
        }
        track.inserts = readInserts (reader, problems);
        track.sends = readSends (reader, problems);
        track.automation = readAutomation (reader, track.inserts, track.sends, true, problems, warnings);
        track.automationMode = readAutomationMode (reader);
        if (auto* clips = reader.array ("clips", false))
            for (size_t i = 0; i < clips->size(); ++i)
                track.clips.push_back (
                    readClip ((*clips)[i], reader.pathOf ("clips") + "[" + std::to_string (i) + "]", problems));
        track.playlistName = reader.string ("playlist", false).value_or ("");
        if (auto* playlists = reader.array ("alternate_playlists", false))
            for (size_t p = 0; p < playlists->size(); ++p)
            {
                JsonFieldReader entry ((*playlists)[p], reader.pathOf ("alternate_playlists") + "[" + std::to_string (p) + "]",
                                       problems);
                Playlist playlist;
                playlist.name = entry.string ("name", true).value_or ("");
                if (auto* clips = entry.array ("clips", false))
                    for (size_t i = 0; i < clips->size(); ++i)
                        playlist.clips.push_back (
                            readClip ((*clips)[i], entry.pathOf ("clips") + "[" + std::to_string (i) + "]", problems));
                track.alternatePlaylists.push_back (std::move (playlist));
            }
        return track;
    }

    Bus readBus (const nlohmann::json& json, const std::string& path, Problems& problems, Problems& warnings)
    {
        JsonFieldReader reader (json, path, problems);
        Bus bus;
        bus.id = reader.string ("id", true).value_or ("");
        bus.name = reader.string ("name", false).value_or (bus.id);
        bus.channels = readChannels (reader, false, 2);
        bus.gainDb = readGainDb (reader, "gain_db");
        bus.output = reader.string ("output", false).value_or (masterOutputId);
        bus.colour = readColour (reader);
        bus.inserts = readInserts (reader, problems);
        bus.sends = readSends (reader, problems);
        bus.automation = readAutomation (reader, bus.inserts, bus.sends, false, problems, warnings);
        bus.automationMode = readAutomationMode (reader);
        return bus;
    }

    std::string indexed (const std::string& key, size_t i)
    {
        return key + "[" + std::to_string (i) + "]";
    }
} // namespace

Session sessionFromJson (const nlohmann::json& document, Problems& problems)
{
    Problems unreported;
    return sessionFromJson (document, problems, unreported);
}

Session sessionFromJson (const nlohmann::json& document, Problems& problems, Problems& warnings)
{
    Session session;
    JsonFieldReader reader (document, "", problems);
    if (! reader.isObject())
        return session;

    if (auto format = reader.string ("format", true); format && *format != sessionFormatName)
        reader.report ("format", "must be \"sprocket-session\" (got \"" + *format + "\")");
    if (auto version = reader.integer ("version", true); version && *version != currentSessionVersion)
        reader.report ("version", "must be " + std::to_string (currentSessionVersion) + " after migration");

    session.name = reader.string ("name", true).value_or ("Untitled");
    if (auto rate = reader.integer ("sample_rate", true))
    {
        if (*rate < 8000 || *rate > 768000)
            reader.report ("sample_rate", "must be between 8000 and 768000 Hz");
        else
            session.sampleRate = *rate;
    }
    if (auto rate = reader.string ("frame_rate", true))
    {
        if (auto parsed = core::parseFrameRate (*rate))
            session.frameRate = *parsed;
        else
            reader.report ("frame_rate", parsed.error().message);
    }
    if (auto start = reader.string ("start_timecode", false))
    {
        if (auto parsed = core::parseTimecode (*start, session.frameRate))
            session.startTimecode = *parsed;
        else
            reader.report ("start_timecode", parsed.error().message);
    }

    if (auto* media = reader.array ("media", false))
        for (size_t i = 0; i < media->size(); ++i)
        {
            JsonFieldReader item ((*media)[i], indexed ("media", i), problems);
            MediaRef ref;
            ref.id = item.string ("id", true).value_or ("");
            auto path = item.string ("path", true).value_or ("");
            if (item.isObject() && path.empty() && (*media)[i].contains ("path"))
                item.report ("path", "must not be empty");
            ref.path = std::filesystem::path (path);
            if (auto hash = item.string ("content_hash", false))
            {
                const bool hex = hash->size() == 32 && std::all_of (hash->begin(), hash->end(), [] (char c) {
                                     return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                                 });
                if (hex)
                    ref.contentHash = *hash;
                else
                    item.report ("content_hash", "must be 32 lowercase hex digits (an MD5)");
            }
            session.media.push_back (std::move (ref));
        }

    if (auto* buses = reader.array ("buses", false))
        for (size_t i = 0; i < buses->size(); ++i)
            session.buses.push_back (readBus ((*buses)[i], indexed ("buses", i), problems, warnings));

    if (auto* master = reader.object_ ("master", false))
    {
        JsonFieldReader item (*master, "master", problems);
        session.master.channels = readChannels (item, false, 2);
        session.master.gainDb = readGainDb (item, "gain_db");
    }

    if (auto* tracks = reader.array ("tracks", false))
        for (size_t i = 0; i < tracks->size(); ++i)
            session.tracks.push_back (readTrack ((*tracks)[i], indexed ("tracks", i), problems, warnings));

    if (auto* markers = reader.array ("markers", false))
        for (size_t i = 0; i < markers->size(); ++i)
        {
            JsonFieldReader item ((*markers)[i], indexed ("markers", i), problems);
            Marker marker;
            if (auto position = item.integer ("position", true))
            {
                if (*position < 0)
                    item.report ("position", "must be >= 0");
                marker.position = { *position };
            }
            marker.name = item.string ("name", false).value_or ("");
            if (auto length = item.integer ("length", false))
            {
                if (*length < 0)
                    item.report ("length", "must be >= 0");
                else
                    marker.length = { *length };
            }
            session.markers.push_back (std::move (marker));
        }

    session.groups = readGroups (reader, problems);

    readPictureFields (document, session, problems);

    // Only its shape is checked here; engine::sessionDeliverySpec reads the fields.
    if (auto* delivery = reader.object_ ("delivery", false))
        session.delivery = *delivery;

    return session;
}

nlohmann::ordered_json sessionToJson (const Session& session)
{
    using Json = nlohmann::ordered_json;
    const auto fadeJson = [] (const Fade& fade) {
        return Json { { "length", fade.length.samples }, { "shape", std::string (dsp::fadeShapeName (fade.shape)) } };
    };

    Json document;
    document["format"] = sessionFormatName;
    document["version"] = currentSessionVersion;
    document["name"] = session.name;
    document["sample_rate"] = session.sampleRate;
    document["frame_rate"] = std::string (core::frameRateName (session.frameRate));
    document["start_timecode"] = core::formatTimecode (session.startTimecode, session.frameRate);

    document["media"] = Json::array();
    for (auto& media : session.media)
    {
        Json entry { { "id", media.id }, { "path", media.path.generic_string() } };
        if (! media.contentHash.empty())
            entry["content_hash"] = media.contentHash;
        document["media"].push_back (std::move (entry));
    }

    document["buses"] = Json::array();
    for (auto& bus : session.buses)
    {
        Json b { { "id", bus.id },
                 { "name", bus.name },
                 { "channels", bus.channels },
                 { "gain_db", bus.gainDb },
                 { "output", bus.output } };
        if (! bus.colour.empty())
            b["color"] = bus.colour;
        if (! bus.inserts.empty())
            b["inserts"] = insertsJson (bus.inserts);
        if (! bus.sends.empty())
            b["sends"] = sendsJson (bus.sends);
        if (! bus.automation.empty())
            b["automation"] = automationJson (bus.automation);
        if (bus.automationMode != AutomationMode::read)
            b["automation_mode"] = automationModeName (bus.automationMode);
        document["buses"].push_back (std::move (b));
    }

    document["master"] = { { "channels", session.master.channels }, { "gain_db", session.master.gainDb } };

    document["tracks"] = Json::array();
    for (auto& track : session.tracks)
    {
        const auto clipsJson = [&] (const std::vector<Clip>& list) {
            Json clips = Json::array();
            for (auto& clip : list)
            {
                Json c;
                c["id"] = clip.id;
                if (! clip.name.empty())
                    c["name"] = clip.name;
                c["media"] = clip.mediaId;
                c["position"] = clip.position.samples;
                c["source_offset"] = clip.sourceOffset.samples;
                c["length"] = clip.length.samples;
                c["gain_db"] = clip.gainDb;
                c["mute"] = clip.mute;
                c["fade_in"] = fadeJson (clip.fadeIn);
                c["fade_out"] = fadeJson (clip.fadeOut);
                clips.push_back (std::move (c));
            }
            return clips;
        };
        Json t;
        t["id"] = track.id;
        t["name"] = track.name;
        t["channels"] = track.channels;
        t["output"] = track.output;
        t["gain_db"] = track.gainDb;
        if (track.surroundPan)
            t["pan"] = { { "x", track.surroundPan->x },
                         { "y", track.surroundPan->y },
                         { "divergence", track.surroundPan->divergence },
                         { "centre_percent", track.surroundPan->centrePercent },
                         { "lfe_db", track.surroundPan->lfeDb } };
        else
            t["pan"] = track.pan;
        t["mute"] = track.mute;
        t["solo"] = track.solo;
        // Written only when set, so sessions that never use them keep their files as they were.
        if (track.soloSafe)
            t["solo_safe"] = true;
        if (track.recordArm)
            t["record_arm"] = true;
        if (! track.colour.empty())
            t["color"] = track.colour;
        if (track.height > 0)
            t["height"] = track.height;
        if (! track.inserts.empty())
            t["inserts"] = insertsJson (track.inserts);
        if (! track.sends.empty())
            t["sends"] = sendsJson (track.sends);
        if (! track.automation.empty())
            t["automation"] = automationJson (track.automation);
        if (track.automationMode != AutomationMode::read)
            t["automation_mode"] = automationModeName (track.automationMode);
        t["clips"] = clipsJson (track.clips);
        if (! track.playlistName.empty())
            t["playlist"] = track.playlistName;
        if (! track.alternatePlaylists.empty())
        {
            t["alternate_playlists"] = Json::array();
            for (auto& playlist : track.alternatePlaylists)
                t["alternate_playlists"].push_back ({ { "name", playlist.name }, { "clips", clipsJson (playlist.clips) } });
        }
        document["tracks"].push_back (std::move (t));
    }

    document["markers"] = Json::array();
    for (auto& marker : session.markers)
    {
        Json m { { "position", marker.position.samples }, { "name", marker.name } };
        if (marker.length.samples > 0)
            m["length"] = marker.length.samples;
        document["markers"].push_back (std::move (m));
    }
    // Written only when there are groups, so sessions without them keep their files as they were.
    if (! session.groups.empty())
        document["groups"] = groupsJson (session.groups);
    writePictureFields (session, document);

    if (! session.delivery.is_null())
        document["delivery"] = Json::parse (session.delivery.dump());

    return document;
}
} // namespace sprocket::session
