#include "session/CueCsv.h"

#include "io/CsvTable.h"
#include "session/TimelineGrid.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

namespace sprocket::session
{
namespace
{
    std::string normalised (std::string_view name)
    {
        std::string key;
        for (char c : name)
            if (std::isalnum ((unsigned char) c))
                key += char (std::tolower ((unsigned char) c));
        return key;
    }

    /** Which column holds each field: the first header cell that matches one of its names. */
    class Columns
    {
    public:
        Columns() = default;
        Columns (const std::vector<std::string>& header, const std::map<std::string, std::vector<std::string>>& names)
        {
            for (auto& [field, spellings] : names)
                for (size_t i = 0; i < header.size() && ! index.contains (field); ++i)
                    if (std::find (spellings.begin(), spellings.end(), normalised (header[i])) != spellings.end())
                        index[field] = i;
            headerCells = header;
        }

        bool has (const std::string& field) const { return index.contains (field); }
        std::string heading (const std::string& field) const { return headerCells[index.at (field)]; }

        /** The cell, trimmed; empty when the row is short or the column is absent. */
        std::string cell (const std::vector<std::string>& row, const std::string& field) const
        {
            const auto found = index.find (field);
            if (found == index.end() || found->second >= row.size())
                return {};
            const auto& text = row[found->second];
            const auto first = text.find_first_not_of (" \t"), last = text.find_last_not_of (" \t");
            return first == std::string::npos ? std::string() : text.substr (first, last - first + 1);
        }

    private:
        std::map<std::string, size_t> index;
        std::vector<std::string> headerCells;
    };

    const std::map<std::string, std::vector<std::string>> adrColumnNames {
        { "id", { "cue", "cueid", "id", "cue#", "cueno", "cuenumber", "number" } },
        { "character", { "character", "char", "role", "actor" } },
        { "line", { "line", "dialogue", "dialog", "text" } },
        { "in", { "tcin", "in", "starttc", "timecodein", "start", "sourcein" } },
        { "out", { "tcout", "out", "endtc", "timecodeout", "end", "sourceout" } },
        { "notes", { "notes", "note", "comments", "comment", "reason" } },
        { "status", { "status", "state" } },
    };

    const std::map<std::string, std::vector<std::string>> musicColumnNames {
        { "number", { "cue", "cue#", "cueno", "cuenumber", "number", "id" } },
        { "title", { "title", "name", "cuetitle" } },
        { "start", { "start", "tcin", "in", "starttc", "timecodein" } },
        { "end", { "end", "tcout", "out", "endtc", "timecodeout" } },
        { "duration", { "duration", "length", "timing" } },
        { "usage", { "usage", "use", "usecode" } },
        { "composer", { "composer", "composers", "writer" } },
        { "publisher", { "publisher", "publishers" } },
    };

    /** Where each failure says it happened: "cues.csv row 4, column "TC In": ...". */
    core::Error cellError (const std::filesystem::path& file, size_t row, const std::string& column, const std::string& why)
    {
        return core::makeError (file.string() + " row " + std::to_string (row + 1) + ", column \"" + column + "\": " + why);
    }

    core::Result<core::SamplePosition> readTimecodeCell (const std::string& text, const Session& timebase)
    {
        if (text.empty())
            return core::makeError ("no timecode");
        auto timecode = core::parseTimecode (text, timebase.frameRate);
        if (! timecode)
            return timecode.error();
        return timelinePosition (timebase, *timecode);
    }

    std::string timecodeText (core::SamplePosition position, const Session& timebase)
    {
        return core::formatTimecode (timecodeAt (timebase, position), timebase.frameRate);
    }

    /** "2:05", "125" or "0:02:05" as seconds. */
    std::optional<int64_t> parseMinutesSeconds (const std::string& text)
    {
        int64_t total = 0;
        size_t start = 0;
        int parts = 0;
        while (start <= text.size() && parts < 3)
        {
            const auto colon = std::min (text.find (':', start), text.size());
            int64_t value = 0;
            const auto [end, error] = std::from_chars (text.data() + start, text.data() + colon, value);
            if (colon == start || error != std::errc() || end != text.data() + colon || value < 0)
                return std::nullopt;
            total = total * 60 + value;
            ++parts;
            start = colon + 1;
        }
        return start > text.size() ? std::optional (total) : std::nullopt;
    }

    struct CueTable
    {
        io::CsvRows rows; // the header first
        Columns columns;
    };

    core::Result<CueTable> readTable (const std::filesystem::path& file,
                                      const std::map<std::string, std::vector<std::string>>& names,
                                      const std::vector<std::string>& required)
    {
        auto rows = io::readCsvFile (file);
        if (! rows)
            return rows.error();
        if (rows->empty())
            return core::makeError (file.string() + ": no header row");
        Columns columns (rows->front(), names);
        for (auto& field : required)
            if (! columns.has (field))
                return core::makeError (file.string() + ": the header has no \"" + field + "\" column");
        return CueTable { std::move (*rows), std::move (columns) };
    }
} // namespace

std::string formatCueDuration (core::SampleDuration duration, int64_t sampleRate)
{
    // Cue sheets count a started second as a whole one.
    const int64_t seconds = (duration.samples + sampleRate - 1) / sampleRate;
    char text[32];
    std::snprintf (text, sizeof text, "%lld:%02lld", static_cast<long long> (seconds / 60),
                   static_cast<long long> (seconds % 60));
    return text;
}

core::Result<std::vector<AdrCue>> readAdrCuesCsv (const std::filesystem::path& file, const Session& timebase)
{
    auto table = readTable (file, adrColumnNames, { "id", "in", "out" });
    if (! table)
        return table.error();
    const auto* rows = &table->rows;
    const auto* columns = &table->columns;

    std::vector<AdrCue> cues;
    std::set<std::string> ids;
    for (size_t r = 1; r < rows->size(); ++r)
    {
        const auto& row = (*rows)[r];
        AdrCue cue;
        cue.id = columns->cell (row, "id");
        if (cue.id.empty())
            return cellError (file, r, columns->heading ("id"), "no cue id");
        if (! ids.insert (cue.id).second)
            return cellError (file, r, columns->heading ("id"), "cue '" + cue.id + "' is listed twice");
        cue.character = columns->cell (row, "character");
        cue.line = columns->cell (row, "line");
        cue.notes = columns->cell (row, "notes");
        for (auto [field, target] : { std::pair { "in", &cue.in }, std::pair { "out", &cue.out } })
        {
            auto position = readTimecodeCell (columns->cell (row, field), timebase);
            if (! position)
                return cellError (file, r, columns->heading (field), position.error().message);
            *target = *position;
        }
        if (cue.out < cue.in)
            return cellError (file, r, columns->heading ("out"), "comes before " + columns->heading ("in"));
        if (auto status = parseAdrStatus (columns->cell (row, "status")))
            cue.status = *status;
        else
            return cellError (file, r, columns->heading ("status"),
                              "'" + columns->cell (row, "status") + "' is not pending, recorded, approved or omitted");
        cues.push_back (std::move (cue));
    }
    return cues;
}

core::Result<std::vector<MusicCue>> readMusicCuesCsv (const std::filesystem::path& file, const Session& timebase)
{
    auto table = readTable (file, musicColumnNames, { "number", "start" });
    if (! table)
        return table.error();
    const auto* rows = &table->rows;
    const auto* columns = &table->columns;
    if (! columns->has ("end") && ! columns->has ("duration"))
        return core::makeError (file.string() + ": the header has neither an \"end\" nor a \"duration\" column");

    std::vector<MusicCue> cues;
    std::set<std::string> numbers;
    for (size_t r = 1; r < rows->size(); ++r)
    {
        const auto& row = (*rows)[r];
        MusicCue cue;
        cue.number = columns->cell (row, "number");
        if (cue.number.empty())
            return cellError (file, r, columns->heading ("number"), "no cue number");
        if (! numbers.insert (cue.number).second)
            return cellError (file, r, columns->heading ("number"), "cue '" + cue.number + "' is listed twice");
        cue.title = columns->cell (row, "title");
        cue.usage = columns->cell (row, "usage");
        cue.composer = columns->cell (row, "composer");
        cue.publisher = columns->cell (row, "publisher");

        auto start = readTimecodeCell (columns->cell (row, "start"), timebase);
        if (! start)
            return cellError (file, r, columns->heading ("start"), start.error().message);
        cue.start = *start;
        if (const auto endText = columns->cell (row, "end"); ! endText.empty() || ! columns->has ("duration"))
        {
            auto end = readTimecodeCell (endText, timebase);
            if (! end)
                return cellError (file, r, columns->heading ("end"), end.error().message);
            cue.end = *end;
        }
        else
        {
            const auto text = columns->cell (row, "duration");
            const auto seconds = parseMinutesSeconds (text);
            if (! seconds)
                return cellError (file, r, columns->heading ("duration"), "'" + text + "' is not MM:SS");
            cue.end = cue.start + core::SampleDuration { *seconds * timebase.sampleRate };
        }
        if (cue.end < cue.start)
            return cellError (file, r, columns->has ("end") ? columns->heading ("end") : "end", "comes before the start");
        cues.push_back (std::move (cue));
    }
    return cues;
}

core::Status writeAdrCuesCsv (const std::filesystem::path& file, const std::vector<AdrCue>& cues, const Session& timebase)
{
    io::CsvRows rows { { "Cue", "Character", "Line", "TC In", "TC Out", "Notes", "Status" } };
    for (auto& cue : cues)
        rows.push_back ({ cue.id, cue.character, cue.line, timecodeText (cue.in, timebase), timecodeText (cue.out, timebase),
                          cue.notes, std::string (adrStatusName (cue.status)) });
    return io::writeCsvFile (file, rows);
}

core::Status writeMusicCuesCsv (const std::filesystem::path& file, const std::vector<MusicCue>& cues, const Session& timebase)
{
    io::CsvRows rows { { "Cue", "Title", "Start", "End", "Duration", "Usage", "Composer", "Publisher" } };
    for (auto& cue : cues)
        rows.push_back ({ cue.number, cue.title, timecodeText (cue.start, timebase), timecodeText (cue.end, timebase),
                          formatCueDuration (cue.duration(), timebase.sampleRate), cue.usage, cue.composer, cue.publisher });
    return io::writeCsvFile (file, rows);
}

core::Status writeMusicCueSheet (const std::filesystem::path& file, const Session& session)
{
    auto cues = session.cues.music;
    std::stable_sort (cues.begin(), cues.end(), [] (auto& a, auto& b) { return a.start < b.start; });

    io::CsvRows rows { { "Production", session.name },
                       { "Frame rate", std::string (core::frameRateName (session.frameRate)) },
                       {},
                       { "Seq", "Cue", "Title", "Usage", "Start", "Duration", "Composer", "Publisher" } };
    int64_t totalSeconds = 0;
    for (size_t i = 0; i < cues.size(); ++i)
    {
        const auto& cue = cues[i];
        rows.push_back ({ std::to_string (i + 1), cue.number, cue.title, cue.usage, timecodeText (cue.start, session),
                          formatCueDuration (cue.duration(), session.sampleRate), cue.composer, cue.publisher });
        totalSeconds += (cue.duration().samples + session.sampleRate - 1) / session.sampleRate;
    }
    rows.push_back ({});
    rows.push_back ({ "Total music", formatCueDuration ({ totalSeconds * session.sampleRate }, session.sampleRate) });
    return io::writeCsvFile (file, rows);
}
} // namespace sprocket::session
