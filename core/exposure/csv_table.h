#pragma once

#include "domain/issue.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ch::exposure {

// The CSV layer shared by the plan, contracts and actuals files: RFC 4180 records, a header naming
// the columns, and Issues in the house format (`file:line: column: message`).

//! One record and the 1-based file line it starts on.
struct CsvRow
{
    int line = 0;
    std::vector<std::string> fields;
};

//! A column layout: every column in the order files are written, and those a file may leave out
//! (lower case).
struct CsvLayout
{
    std::vector<std::string> columns;
    std::vector<std::string> optional;
    bool isKnown(std::string_view name) const;
    bool isOptional(std::string_view name) const;
    std::string expectedHeader() const; //!< "line_id,name,resource,..." in layout order
};

//! A parsed file: for every layout column, where it is in the file, and the data rows.
class CsvTable
{
public:
    //! Reads `text` (UTF-8 with or without BOM; LF or CRLF; RFC 4180 quotes, so a quoted field may
    //! hold commas, quotes ("") and line breaks). Blank lines are skipped. Issues: an empty file, a
    //! missing or repeated column (header names are trimmed and compared case-insensitively), an
    //! unterminated quote, a row whose field count differs from the header's (the row is dropped).
    //! A column the layout does not know is a warning. With any error in the header the table has
    //! no rows.
    static Parsed<CsvTable>
    read(std::string_view text, const std::string& sourceName, const CsvLayout& layout);

    const std::string& sourceName() const { return m_source; }
    const std::vector<CsvRow>& rows() const { return m_rows; }
    bool hasColumn(std::string_view name) const;
    //! The trimmed field of `row` in column `name`; "" when the file has no such column.
    std::string_view field(const CsvRow& row, std::string_view name) const;

    //! An error Issue at `row` in column `column`.
    Issue error(const CsvRow& row, std::string_view column, std::string message) const;

private:
    std::string m_source;
    std::vector<std::string> m_columns; //!< lower-case header names in file order
    std::vector<CsvRow> m_rows;
};

//! Quotes a field for writing when it holds a comma, quote, CR or LF (RFC 4180).
std::string csvField(std::string_view text);
//! Joins fields into one record ending in '\n'.
std::string csvRecord(const std::vector<std::string>& fields);

//! `"text"` with the text as written, for messages.
std::string quoted(std::string_view text);

} // namespace ch::exposure
