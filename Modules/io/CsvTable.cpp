#include "io/CsvTable.h"

#include <csv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace sprocket::io
{
namespace
{
    struct Collector
    {
        CsvRows rows;
        std::vector<std::string> row;
    };

    void onField (void* data, size_t length, void* context)
    {
        static_cast<Collector*> (context)->row.emplace_back (static_cast<const char*> (data), length);
    }

    void onRowEnd (int, void* context)
    {
        auto& collector = *static_cast<Collector*> (context);
        bool blank = true;
        for (auto& cell : collector.row)
            blank = blank && cell.find_first_not_of (" \t") == std::string::npos;
        if (! blank)
            collector.rows.push_back (std::move (collector.row));
        collector.row.clear();
    }

    bool needsQuotes (const std::string& field)
    {
        return field.find_first_of (",\"\r\n") != std::string::npos
               || (! field.empty() && (field.front() == ' ' || field.back() == ' '));
    }
} // namespace

core::Result<CsvRows> parseCsv (std::string_view text)
{
    if (text.starts_with ("\xEF\xBB\xBF"))
        text.remove_prefix (3);

    csv_parser parser;
    if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return core::makeError ("CSV: cannot start the parser");
    Collector collector;
    const size_t parsed = csv_parse (&parser, text.data(), text.size(), onField, onRowEnd, &collector);
    const bool complete = parsed == text.size() && csv_fini (&parser, onField, onRowEnd, &collector) == 0;
    const int error = csv_error (&parser);
    csv_free (&parser);
    if (! complete)
    {
        const auto line = 1 + std::count (text.begin(), text.begin() + std::ptrdiff_t (std::min (parsed, text.size())), '\n');
        return core::makeError ("line " + std::to_string (line) + ": " + csv_strerror (error));
    }
    return std::move (collector.rows);
}

core::Result<CsvRows> readCsvFile (const std::filesystem::path& file)
{
    std::ifstream in (file, std::ios::binary);
    if (! in)
        return core::makeError (file.string() + ": cannot open (" + std::strerror (errno) + ")");
    std::stringstream text;
    text << in.rdbuf();
    auto rows = parseCsv (text.str());
    if (! rows)
        return core::makeError (file.string() + ": " + rows.error().message);
    return rows;
}

std::string formatCsv (const CsvRows& rows)
{
    std::string text;
    for (auto& row : rows)
    {
        for (size_t i = 0; i < row.size(); ++i)
        {
            if (i > 0)
                text += ',';
            if (! needsQuotes (row[i]))
            {
                text += row[i];
                continue;
            }
            // libcsv's writer quotes the field and doubles the quotes inside it.
            std::string quoted (row[i].size() * 2 + 2, '\0');
            quoted.resize (csv_write (quoted.data(), quoted.size(), row[i].data(), row[i].size()));
            text += quoted;
        }
        text += "\r\n";
    }
    return text;
}

core::Status writeCsvFile (const std::filesystem::path& file, const CsvRows& rows)
{
    const auto temporary = file.parent_path() / ("." + file.filename().string() + ".writing-" + std::to_string (::getpid()));
    {
        std::ofstream out (temporary, std::ios::binary | std::ios::trunc);
        const auto text = formatCsv (rows);
        if (! out || ! out.write (text.data(), std::streamsize (text.size())) || ! out.flush())
        {
            const std::string reason = std::strerror (errno);
            std::error_code ignored;
            std::filesystem::remove (temporary, ignored);
            return core::makeError (file.string() + ": cannot write (" + reason + ")");
        }
    }
    std::error_code ec;
    std::filesystem::rename (temporary, file, ec);
    if (ec)
    {
        std::filesystem::remove (temporary, ec);
        return core::makeError (file.string() + ": cannot write (" + ec.message() + ")");
    }
    return {};
}
} // namespace sprocket::io
