#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "marketdata/csv_text.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ch::marketdata {

//! One CSV file of the dataset, read row by row (internal to marketdata). Checks the header and
//! the field count, and turns every problem into an Issue naming the file, the line and the
//! column, appended to the caller's list.
class CsvTable
{
public:
    //! `header` is the expected header line; names compare case-insensitively.
    CsvTable(std::string fileName,
             std::string_view text,
             std::string_view header,
             std::vector<Issue>& issues);

    bool valid() const { return m_valid; }
    int line() const { return m_reader.lineNumber(); }
    std::string_view operator[](std::size_t column) const { return m_fields[column]; }

    //! Advances to the next data row with the right number of fields; false at the end.
    bool next();

    //! An issue on the current line in `column`.
    void error(std::size_t column, std::string message);
    //! An issue anywhere in the file (line 0: the whole file).
    void report(int line, std::string field, std::string message);

    //! The field as text; an issue when it is empty and `required`.
    std::string text(std::size_t column, bool required = true);
    std::optional<Date> date(std::size_t column);
    //! A finite decimal greater than zero.
    std::optional<double> positive(std::size_t column);
    //! A whole number of at least `min`.
    std::optional<std::int64_t> integer(std::size_t column, std::int64_t min);

private:
    std::string m_file;
    csv::LineReader m_reader;
    std::vector<Issue>& m_issues;
    std::vector<std::string> m_columns;
    std::vector<std::string_view> m_fields;
    std::string m_scratch;
    bool m_valid = false;
};

} // namespace ch::marketdata
