#include "session/PictureJson.h"

#include "session/JsonFieldReader.h"

#include <set>

namespace sprocket::session
{
namespace
{
    std::string indexed (const std::string& key, size_t i)
    {
        return key + "[" + std::to_string (i) + "]";
    }

    core::SamplePosition readPosition (JsonFieldReader& item, const std::string& key)
    {
        const auto position = item.integer (key, true);
        if (position && *position < 0)
            item.report (key, "must be >= 0");
        return { position.value_or (0) };
    }

    void readVideo (const nlohmann::json& json, Session& session, Problems& problems)
    {
        JsonFieldReader reader (json, "video", problems);
        VideoReference video;
        video.path = reader.string ("path", true).value_or ("");
        if (reader.isObject() && video.path.empty() && json.contains ("path"))
            reader.report ("path", "must not be empty");
        if (auto start = reader.string ("start_timecode", false))
        {
            if (auto parsed = core::parseTimecode (*start, session.frameRate))
                video.startTimecode = *parsed;
            else
                reader.report ("start_timecode", parsed.error().message);
        }
        if (auto offset = reader.integer ("offset_frames", false))
        {
            // A display lags by a few frames; a second of offset is a mistake, not a monitor.
            if (*offset < -100 || *offset > 100)
                reader.report ("offset_frames", "must be between -100 and 100 frames");
            else
                video.offsetFrames = int (*offset);
        }
        video.burnIn = reader.boolean ("burn_in", false).value_or (false);
        video.conform = reader.boolean ("conform", false).value_or (false);
        session.video = std::move (video);
    }

    void readTempoMap (const nlohmann::json& json, Session& session, Problems& problems)
    {
        JsonFieldReader reader (json, "tempo_map", problems);
        if (! reader.isObject())
            return;
        const auto barOne = reader.integer ("bar_one", false).value_or (0);

        std::vector<core::MeterChange> meters;
        if (auto* list = reader.array ("meters", true))
            for (size_t i = 0; i < list->size(); ++i)
            {
                JsonFieldReader item ((*list)[i], indexed ("tempo_map.meters", i), problems);
                core::MeterChange meter;
                meter.bar = item.integer ("bar", true).value_or (1);
                meter.numerator = int (item.integer ("numerator", true).value_or (4));
                meter.denominator = int (item.integer ("denominator", true).value_or (4));
                meters.push_back (meter);
            }
        // Tempo positions are bars|beats, which only the meters give a tick: resolve them
        // against a map of the meters alone.
        auto meterMap = core::TempoMap::create ({ barOne }, { core::TempoChange {} }, meters);
        if (! meterMap)
        {
            reader.report ("meters", meterMap.error().message);
            return;
        }

        std::vector<core::TempoChange> tempos;
        if (auto* list = reader.array ("tempos", true))
            for (size_t i = 0; i < list->size(); ++i)
            {
                JsonFieldReader item ((*list)[i], indexed ("tempo_map.tempos", i), problems);
                core::TempoChange tempo;
                tempo.bpm = item.number ("bpm", true).value_or (120.0);
                if (auto at = item.string ("at", true))
                {
                    auto position = core::parseBarsBeats (*at);
                    auto tick = position ? meterMap->tickOf (*position) : core::Result<int64_t> (position.error());
                    if (tick)
                        tempo.tick = *tick;
                    else
                        item.report ("at", tick.error().message);
                }
                tempos.push_back (tempo);
            }
        if (auto map = core::TempoMap::create ({ barOne }, tempos, meters))
            session.tempoMap = std::move (*map);
        else
            reader.report ("tempos", map.error().message);
    }

    void readAdrCues (const nlohmann::json& list, Session& session, Problems& problems)
    {
        std::set<std::string> ids;
        for (size_t i = 0; i < list.size(); ++i)
        {
            JsonFieldReader item (list[i], indexed ("adr_cues", i), problems);
            AdrCue cue;
            cue.id = item.string ("id", true).value_or ("");
            if (item.isObject() && cue.id.empty() && list[i].contains ("id"))
                item.report ("id", "must not be empty");
            else if (! cue.id.empty() && ! ids.insert (cue.id).second)
                item.report ("id", "'" + cue.id + "' is used by another ADR cue");
            cue.character = item.string ("character", false).value_or ("");
            cue.line = item.string ("line", false).value_or ("");
            cue.in = readPosition (item, "in");
            cue.out = readPosition (item, "out");
            if (cue.out < cue.in)
                item.report ("out", "must not be before \"in\"");
            cue.notes = item.string ("notes", false).value_or ("");
            if (auto status = item.string ("status", false))
            {
                if (auto parsed = parseAdrStatus (*status))
                    cue.status = *parsed;
                else
                    item.report ("status", "must be pending, recorded, approved or omitted (got '" + *status + "')");
            }
            session.cues.adr.push_back (std::move (cue));
        }
    }

    void readMusicCues (const nlohmann::json& list, Session& session, Problems& problems)
    {
        std::set<std::string> numbers;
        for (size_t i = 0; i < list.size(); ++i)
        {
            JsonFieldReader item (list[i], indexed ("music_cues", i), problems);
            MusicCue cue;
            cue.number = item.string ("number", true).value_or ("");
            if (item.isObject() && cue.number.empty() && list[i].contains ("number"))
                item.report ("number", "must not be empty");
            else if (! cue.number.empty() && ! numbers.insert (cue.number).second)
                item.report ("number", "'" + cue.number + "' is used by another music cue");
            cue.title = item.string ("title", false).value_or ("");
            cue.start = readPosition (item, "start");
            cue.end = readPosition (item, "end");
            if (cue.end < cue.start)
                item.report ("end", "must not be before \"start\"");
            cue.usage = item.string ("usage", false).value_or ("");
            cue.composer = item.string ("composer", false).value_or ("");
            cue.publisher = item.string ("publisher", false).value_or ("");
            session.cues.music.push_back (std::move (cue));
        }
    }
} // namespace

void readPictureFields (const nlohmann::json& document, Session& session, Problems& problems)
{
    JsonFieldReader reader (document, "", problems);
    if (auto* video = reader.object_ ("video", false))
        readVideo (*video, session, problems);
    if (auto* tempoMap = reader.object_ ("tempo_map", false))
        readTempoMap (*tempoMap, session, problems);
    if (auto* adr = reader.array ("adr_cues", false))
        readAdrCues (*adr, session, problems);
    if (auto* music = reader.array ("music_cues", false))
        readMusicCues (*music, session, problems);
}

void writePictureFields (const Session& session, nlohmann::ordered_json& document)
{
    using Json = nlohmann::ordered_json;
    if (session.video)
    {
        Json video { { "path", session.video->path.generic_string() } };
        if (session.video->startTimecode)
            video["start_timecode"] = core::formatTimecode (*session.video->startTimecode, session.frameRate);
        video["offset_frames"] = session.video->offsetFrames;
        video["burn_in"] = session.video->burnIn;
        if (session.video->conform)
            video["conform"] = true;
        document["video"] = std::move (video);
    }

    const auto& map = session.tempoMap;
    Json tempos = Json::array(), meters = Json::array();
    for (auto& tempo : map.tempos())
        tempos.push_back ({ { "at", core::formatBarsBeats (map.barsBeatsAt (tempo.tick)) }, { "bpm", tempo.bpm } });
    for (auto& meter : map.meters())
        meters.push_back ({ { "bar", meter.bar }, { "numerator", meter.numerator }, { "denominator", meter.denominator } });
    document["tempo_map"] = { { "bar_one", map.barOnePosition().samples }, { "tempos", tempos }, { "meters", meters } };

    document["adr_cues"] = Json::array();
    for (auto& cue : session.cues.adr)
        document["adr_cues"].push_back ({ { "id", cue.id },
                                          { "character", cue.character },
                                          { "line", cue.line },
                                          { "in", cue.in.samples },
                                          { "out", cue.out.samples },
                                          { "notes", cue.notes },
                                          { "status", std::string (adrStatusName (cue.status)) } });
    document["music_cues"] = Json::array();
    for (auto& cue : session.cues.music)
        document["music_cues"].push_back ({ { "number", cue.number },
                                            { "title", cue.title },
                                            { "start", cue.start.samples },
                                            { "end", cue.end.samples },
                                            { "usage", cue.usage },
                                            { "composer", cue.composer },
                                            { "publisher", cue.publisher } });
}
} // namespace sprocket::session
