#include "CueColumns.h"

#include "session/CueCsv.h"
#include "session/TimelineGrid.h"

#include <algorithm>

namespace sprocket::app
{
namespace
{
    using session::Session;
    using session::SessionEditor;

    void sortMarkers (std::vector<session::Marker>& markers)
    {
        std::stable_sort (markers.begin(), markers.end(), [] (auto& a, auto& b) { return a.position < b.position; });
    }

    /** A column over one field of one list: `read` gives the text of an entry, `write` applies
        the typed text to it inside an undoable edit named `editName`. */
    template <typename Entry, typename ListOf>
    CueColumn column (const CueListPanel::Host& host, juce::String name, int width, ListOf listOf,
                      std::function<juce::String (const Session&, const Entry&)> read,
                      std::function<core::Status (const Session&, Entry&, const juce::String&)> write = {})
    {
        CueColumn c;
        c.name = name;
        c.width = width;
        c.text = [host, listOf, read] (size_t row) -> juce::String {
            const auto* s = host.session();
            if (s == nullptr)
                return {};
            const auto& list = listOf (*s);
            return row < list.size() ? read (*s, list[row]) : juce::String();
        };
        if (write)
            c.edit = [host, listOf, write, name] (size_t row, const juce::String& typed) -> core::Status {
                return host.perform ("Edit " + name.toStdString(), [&] (SessionEditor& editor) -> core::Status {
                    const auto& s = editor.session();
                    if (row >= listOf (s).size())
                        return core::makeError ("that entry is gone");
                    Entry changed = listOf (s)[row];
                    if (auto status = write (s, changed, typed); ! status)
                        return status;
                    if constexpr (std::is_same_v<Entry, session::Marker>)
                    {
                        editor.markers()[row] = changed;
                        sortMarkers (editor.markers());
                    }
                    else if constexpr (std::is_same_v<Entry, session::AdrCue>)
                        editor.cues().adr[row] = changed;
                    else
                        editor.cues().music[row] = changed;
                    return {};
                });
            };
        return c;
    }

    const auto markersOf = [] (const Session& s) -> const std::vector<session::Marker>& { return s.markers; };
    const auto adrOf = [] (const Session& s) -> const std::vector<session::AdrCue>& { return s.cues.adr; };
    const auto musicOf = [] (const Session& s) -> const std::vector<session::MusicCue>& { return s.cues.music; };

    /** Typing a start spots the entry: it moves and keeps its length. */
    template <typename Entry>
    core::Status spotStart (const Session& s, Entry& entry, core::SamplePosition Entry::*start, core::SamplePosition Entry::*end,
                            const juce::String& typed)
    {
        auto position = typedPosition (s, typed);
        if (! position)
            return position.error();
        const auto length = entry.*end - entry.*start;
        entry.*start = *position;
        entry.*end = *position + length;
        return {};
    }

    template <typename Entry>
    core::Status setEnd (const Session& s, Entry& entry, core::SamplePosition Entry::*start, core::SamplePosition Entry::*end,
                         const juce::String& typed)
    {
        auto position = typedPosition (s, typed);
        if (! position)
            return position.error();
        if (*position < entry.*start)
            return core::makeError ("'" + typed.toStdString() + "' is before the start ("
                                    + timecodeText (s, entry.*start).toStdString() + ")");
        entry.*end = *position;
        return {};
    }

    template <typename Entry>
    std::function<core::Status (const Session&, Entry&, const juce::String&)> setText (std::string Entry::*field)
    {
        return [field] (const Session&, Entry& entry, const juce::String& typed) -> core::Status {
            entry.*field = typed.toStdString();
            return {};
        };
    }

    template <typename Entry>
    std::function<juce::String (const Session&, const Entry&)> textOf (std::string Entry::*field)
    {
        return [field] (const Session&, const Entry& entry) { return juce::String (entry.*field); };
    }
} // namespace

core::Result<core::SamplePosition> typedPosition (const Session& session, const juce::String& typed)
{
    auto timecode = core::parseTimecode (typed.trim().toStdString(), session.frameRate);
    if (! timecode)
        return timecode.error();
    return session::timelinePosition (session, *timecode);
}

juce::String timecodeText (const Session& session, core::SamplePosition position)
{
    return core::formatTimecode (session::timecodeAt (session, position), session.frameRate);
}

std::vector<CueColumn> markerColumns (const CueListPanel::Host& host)
{
    using session::Marker;
    return {
        column<Marker> (host, "#", 36, markersOf,
                        [] (const Session& s, const Marker& m) { return juce::String (1 + (&m - s.markers.data())); }),
        column<Marker> (
            host, "Timecode", 110, markersOf, [] (const Session& s, const Marker& m) { return timecodeText (s, m.position); },
            [] (const Session& s, Marker& m, const juce::String& typed) -> core::Status {
                auto position = typedPosition (s, typed);
                if (! position)
                    return position.error();
                m.position = *position;
                return {};
            }),
        column<Marker> (
            host, "End", 110, markersOf,
            [] (const Session& s, const Marker& m) {
                return m.length.samples > 0 ? timecodeText (s, m.position + m.length) : juce::String();
            },
            [] (const Session& s, Marker& m, const juce::String& typed) -> core::Status {
                if (typed.isEmpty())
                {
                    m.length = {};
                    return {};
                }
                auto end = typedPosition (s, typed);
                if (! end)
                    return end.error();
                if (*end <= m.position)
                    return core::makeError ("a memory location must end after it starts ("
                                            + timecodeText (s, m.position).toStdString() + ")");
                m.length = *end - m.position;
                return {};
            }),
        column<Marker> (host, "Name", 300, markersOf, textOf (&Marker::name), setText (&Marker::name)),
    };
}

std::vector<CueColumn> adrColumns (const CueListPanel::Host& host)
{
    using session::AdrCue;
    return {
        column<AdrCue> (host, "Cue", 70, adrOf, textOf (&AdrCue::id),
                        [] (const Session& s, AdrCue& cue, const juce::String& typed) -> core::Status {
                            const auto id = typed.toStdString();
                            if (id.empty())
                                return core::makeError ("an ADR cue needs an id");
                            for (auto& other : s.cues.adr)
                                if (other.id == id && id != cue.id)
                                    return core::makeError ("ADR cue '" + id + "' already exists");
                            cue.id = id;
                            return {};
                        }),
        column<AdrCue> (host, "Character", 110, adrOf, textOf (&AdrCue::character), setText (&AdrCue::character)),
        column<AdrCue> (host, "Line", 300, adrOf, textOf (&AdrCue::line), setText (&AdrCue::line)),
        column<AdrCue> (
            host, "TC In", 100, adrOf, [] (const Session& s, const AdrCue& c) { return timecodeText (s, c.in); },
            [] (const Session& s, AdrCue& c, const juce::String& t) { return spotStart (s, c, &AdrCue::in, &AdrCue::out, t); }),
        column<AdrCue> (
            host, "TC Out", 100, adrOf, [] (const Session& s, const AdrCue& c) { return timecodeText (s, c.out); },
            [] (const Session& s, AdrCue& c, const juce::String& t) { return setEnd (s, c, &AdrCue::in, &AdrCue::out, t); }),
        column<AdrCue> (
            host, "Status", 90, adrOf,
            [] (const Session&, const AdrCue& c) { return juce::String (std::string (session::adrStatusName (c.status))); },
            [] (const Session&, AdrCue& c, const juce::String& typed) -> core::Status {
                auto status = session::parseAdrStatus (typed.toStdString());
                if (! status)
                    return core::makeError ("'" + typed.toStdString() + "' is not pending, recorded, approved or omitted");
                c.status = *status;
                return {};
            }),
        column<AdrCue> (host, "Notes", 200, adrOf, textOf (&AdrCue::notes), setText (&AdrCue::notes)),
    };
}

std::vector<CueColumn> musicColumns (const CueListPanel::Host& host)
{
    using session::MusicCue;
    return {
        column<MusicCue> (host, "Cue", 70, musicOf, textOf (&MusicCue::number),
                          [] (const Session& s, MusicCue& cue, const juce::String& typed) -> core::Status {
                              const auto number = typed.toStdString();
                              if (number.empty())
                                  return core::makeError ("a music cue needs a number");
                              for (auto& other : s.cues.music)
                                  if (other.number == number && number != cue.number)
                                      return core::makeError ("music cue '" + number + "' already exists");
                              cue.number = number;
                              return {};
                          }),
        column<MusicCue> (host, "Title", 220, musicOf, textOf (&MusicCue::title), setText (&MusicCue::title)),
        column<MusicCue> (
            host, "Start", 100, musicOf, [] (const Session& s, const MusicCue& c) { return timecodeText (s, c.start); },
            [] (const Session& s, MusicCue& c, const juce::String& t) {
                return spotStart (s, c, &MusicCue::start, &MusicCue::end, t);
            }),
        column<MusicCue> (
            host, "End", 100, musicOf, [] (const Session& s, const MusicCue& c) { return timecodeText (s, c.end); },
            [] (const Session& s, MusicCue& c, const juce::String& t) {
                return setEnd (s, c, &MusicCue::start, &MusicCue::end, t);
            }),
        column<MusicCue> (host, "Duration", 70, musicOf,
                          [] (const Session& s, const MusicCue& c) {
                              return juce::String (session::formatCueDuration (c.duration(), s.sampleRate));
                          }),
        column<MusicCue> (host, "Usage", 60, musicOf, textOf (&MusicCue::usage), setText (&MusicCue::usage)),
        column<MusicCue> (host, "Composer", 150, musicOf, textOf (&MusicCue::composer), setText (&MusicCue::composer)),
        column<MusicCue> (host, "Publisher", 150, musicOf, textOf (&MusicCue::publisher), setText (&MusicCue::publisher)),
    };
}
} // namespace sprocket::app
