#include "exposure/csv_table.h"

#include "domain/plan_text.h"

#include <algorithm>
#include <cctype>

namespace ch::exposure {

namespace {

std::string lowerCase(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

//! Splits text into RFC 4180 records. `unterminated` is set to the line of a quote left open.
std::vector<CsvRow> splitRecords(std::string_view text, int& unterminated)
{
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string fieldText;
    bool inQuotes = false;
    bool fieldStarted = false;
    int line = 1;
    row.line = 1;
    const auto endField = [&] {
        row.fields.push_back(std::move(fieldText));
        fieldText.clear();
        fieldStarted = false;
    };
    const auto endRecord = [&](int nextLine) {
        endField();
        const bool blank = row.fields.size() == 1 && trimBlanks(row.fields[0]).empty();
        if (!blank)
            rows.push_back(std::move(row));
        row = CsvRow{nextLine, {}};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                fieldText += '"';
                ++i;
            } else if (c == '"') {
                inQuotes = false;
            } else {
                if (c == '\n')
                    ++line;
                fieldText += c;
            }
            continue;
        }
        if (c == '"' && trimBlanks(fieldText).empty() && !fieldStarted) {
            inQuotes = true;
            fieldStarted = true;
            fieldText.clear();
        } else if (c == ',') {
            endField();
        } else if (c == '\n') {
            ++line;
            endRecord(line);
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue; // CRLF: the '\n' ends the record
        } else {
            fieldText += c;
        }
    }
    if (inQuotes)
        unterminated = row.line;
    else if (!fieldText.empty() || !row.fields.empty())
        endRecord(line + 1);
    return rows;
}

} // namespace

bool CsvLayout::isKnown(std::string_view name) const
{
    return std::find(columns.begin(), columns.end(), name) != columns.end();
}

bool CsvLayout::isOptional(std::string_view name) const
{
    return std::find(optional.begin(), optional.end(), name) != optional.end();
}

std::string CsvLayout::expectedHeader() const
{
    std::string out;
    for (const auto& c : columns)
        out += (out.empty() ? "" : ",") + c;
    return out;
}

Parsed<CsvTable>
CsvTable::read(std::string_view text, const std::string& sourceName, const CsvLayout& layout)
{
    Parsed<CsvTable> out;
    out.value.m_source = sourceName;
    const auto issue = [&](int line, Severity s, std::string message) {
        out.issues.push_back(Issue{sourceName, line, "", s, std::move(message)});
    };
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    int unterminated = 0;
    auto records = splitRecords(text, unterminated);
    if (records.empty()) {
        issue(0,
              Severity::Error,
              "the file is empty; expected a header line " + layout.expectedHeader());
        return out;
    }
    const CsvRow header = std::move(records.front());
    records.erase(records.begin());
    for (const auto& name : header.fields)
        out.value.m_columns.push_back(lowerCase(trimBlanks(name)));

    const auto& cols = out.value.m_columns;
    for (std::size_t i = 0; i < cols.size(); ++i) {
        if (std::find(cols.begin(), cols.begin() + static_cast<std::ptrdiff_t>(i), cols[i])
            != cols.begin() + static_cast<std::ptrdiff_t>(i)) {
            issue(header.line, Severity::Error, "column " + quoted(cols[i]) + " appears twice");
            continue;
        }
        if (!layout.isKnown(cols[i]))
            issue(header.line,
                  Severity::Warning,
                  "column " + quoted(cols[i]) + " is not used and is ignored");
    }
    for (const auto& name : layout.columns)
        if (!layout.isOptional(name) && !out.value.hasColumn(name))
            issue(header.line,
                  Severity::Error,
                  "missing column " + quoted(name) + "; expected the header "
                      + layout.expectedHeader());
    if (out.hasErrors())
        return out;

    for (auto& row : records) {
        if (row.fields.size() != cols.size()) {
            issue(row.line,
                  Severity::Error,
                  "the row has " + std::to_string(row.fields.size()) + " fields; expected "
                      + std::to_string(cols.size()) + " like the header");
            continue;
        }
        out.value.m_rows.push_back(std::move(row));
    }
    if (unterminated > 0)
        issue(unterminated,
              Severity::Error,
              "a quoted field is not closed; expected a closing \" before the end of the file");
    return out;
}

bool CsvTable::hasColumn(std::string_view name) const
{
    return std::find(m_columns.begin(), m_columns.end(), name) != m_columns.end();
}

std::string_view CsvTable::field(const CsvRow& row, std::string_view name) const
{
    const auto it = std::find(m_columns.begin(), m_columns.end(), name);
    if (it == m_columns.end())
        return {};
    return trimBlanks(row.fields[static_cast<std::size_t>(it - m_columns.begin())]);
}

Issue CsvTable::error(const CsvRow& row, std::string_view column, std::string message) const
{
    return Issue{m_source, row.line, std::string(column), Severity::Error, std::move(message)};
}

std::string csvField(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csvRecord(const std::vector<std::string>& fields)
{
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        out += csvField(fields[i]);
    }
    return out + "\n";
}

std::string quoted(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

} // namespace ch::exposure
