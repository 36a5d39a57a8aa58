#include "marketdata/dataset_table.h"

namespace ch::marketdata {

CsvTable::CsvTable(std::string fileName,
                   std::string_view text,
                   std::string_view header,
                   std::vector<Issue>& issues)
    : m_file(std::move(fileName))
    , m_reader(text)
    , m_issues(issues)
{
    std::string scratch;
    std::vector<std::string_view> names;
    csv::splitFields(header, names, scratch);
    for (auto n : names)
        m_columns.emplace_back(n);
    std::string_view line;
    if (!m_reader.next(line) || (csv::isBlank(line) && m_reader.restIsBlank())) {
        report(0, "", "the file is empty; expected a header line " + std::string(header));
        return;
    }
    std::vector<std::string_view> got;
    const bool split = csv::splitFields(line, got, scratch) == csv::SplitResult::Ok;
    bool same = split && got.size() == names.size();
    for (std::size_t i = 0; same && i < got.size(); ++i)
        same = csv::equalsIgnoreCase(got[i], names[i]);
    if (!same) {
        report(1,
               "header",
               csv::quoted(line) + " is not the expected header; expected " + std::string(header));
        return;
    }
    m_valid = true;
}

bool CsvTable::next()
{
    if (!m_valid)
        return false;
    std::string_view text;
    while (m_reader.next(text)) {
        if (csv::isBlank(text)) {
            if (m_reader.restIsBlank())
                return false;
            report(line(), "", "empty line");
            continue;
        }
        if (csv::splitFields(text, m_fields, m_scratch) != csv::SplitResult::Ok) {
            report(line(), "", "malformed quoted field");
            continue;
        }
        if (m_fields.size() != m_columns.size()) {
            report(line(),
                   "",
                   "line has " + std::to_string(m_fields.size()) + " fields; expected "
                       + std::to_string(m_columns.size()));
            continue;
        }
        return true;
    }
    return false;
}

void CsvTable::error(std::size_t column, std::string message)
{
    report(line(), m_columns[column], std::move(message));
}

void CsvTable::report(int lineNo, std::string field, std::string message)
{
    m_issues.push_back(
        Issue{m_file, lineNo, std::move(field), Severity::Error, std::move(message)});
}

std::string CsvTable::text(std::size_t column, bool required)
{
    if (required && m_fields[column].empty())
        error(column, "is empty; a value is required");
    return std::string(m_fields[column]);
}

std::optional<Date> CsvTable::date(std::size_t column)
{
    const auto d = parseIsoDate(m_fields[column]);
    if (!d)
        error(column, csv::quoted(m_fields[column]) + " is not a date; expected YYYY-MM-DD");
    return d;
}

std::optional<double> CsvTable::positive(std::size_t column)
{
    const auto v = csv::parseDouble(m_fields[column]);
    if (!v) {
        error(column,
              csv::quoted(m_fields[column]) + " is not a number; expected a decimal such as 2.35");
        return std::nullopt;
    }
    if (*v <= 0.0) {
        error(column,
              csv::quoted(m_fields[column])
                  + " is not positive; expected a value greater than zero");
        return std::nullopt;
    }
    return v;
}

std::optional<std::int64_t> CsvTable::integer(std::size_t column, std::int64_t min)
{
    const auto v = csv::parseInt64(m_fields[column]);
    if (!v || *v < min) {
        error(column,
              csv::quoted(m_fields[column]) + " is not a whole number of at least "
                  + std::to_string(min));
        return std::nullopt;
    }
    return v;
}

} // namespace ch::marketdata
