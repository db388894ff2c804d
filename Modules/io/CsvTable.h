#pragma once

#include "core/Error.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace sprocket::io
{
/** The cells of a comma-separated file, row by row, as RFC 4180 reads them (quoted fields may
    hold commas, quotes and line breaks). */
using CsvRows = std::vector<std::vector<std::string>>;

/** Reads CSV text with libcsv. A UTF-8 byte-order mark (Excel writes one) is skipped, and rows
    with nothing in any cell are dropped. A malformed file is an error that says where. */
core::Result<CsvRows> parseCsv (std::string_view text);
core::Result<CsvRows> readCsvFile (const std::filesystem::path& file);

/** RFC 4180 text: fields quoted only when they need it, CRLF after every row. */
std::string formatCsv (const CsvRows& rows);
/** Writes formatCsv's text through a temporary file and a rename, so a reader never sees half
    a file. Errors name the file. */
core::Status writeCsvFile (const std::filesystem::path& file, const CsvRows& rows);
} // namespace sprocket::io
