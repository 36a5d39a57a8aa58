#include "exposure/csv_fields.h"

#include "domain/plan_text.h"

#include <algorithm>

namespace ch::exposure {

RowReader::RowReader(const CsvTable& table, const CsvRow& row, std::vector<Issue>& issues)
    : m_table(table)
    , m_row(row)
    , m_issues(issues)
{}

std::string_view RowReader::text(std::string_view column) const
{
    return m_table.field(m_row, column);
}

void RowReader::fail(std::string_view column, std::string message)
{
    m_issues.push_back(m_table.error(m_row, column, std::move(message)));
    m_ok = false;
}

std::optional<std::string> RowReader::id(std::string_view column)
{
    const auto t = text(column);
    if (isValidId(t))
        return std::string(t);
    fail(column,
         (t.empty() ? std::string("the id is empty") : quoted(t) + " is not a valid id")
             + "; expected 1-64 characters of letters, digits, '.', '_' or '-'");
    return std::nullopt;
}

std::optional<Month> RowReader::month(std::string_view column)
{
    const auto t = text(column);
    if (auto m = parseIsoMonth(t))
        return m;
    fail(column, quoted(t) + " is not a month; expected YYYY-MM");
    return std::nullopt;
}

std::optional<Resource> RowReader::resource(std::string_view column)
{
    const auto t = text(column);
    if (auto r = parseResource(t))
        return r;
    fail(column, quoted(t) + " is not a known resource; " + expectedOneOf(allResourceCodes()));
    return std::nullopt;
}

std::optional<double>
RowReader::number(std::string_view column, const std::string& expected, bool zeroAllowed)
{
    const auto t = text(column);
    const auto v = parseNumber(t);
    if (!v)
        fail(column, quoted(t) + " is not a number; expected " + expected);
    else if (*v < 0.0)
        fail(column, quoted(t) + " is negative; expected " + expected);
    else if (*v == 0.0 && !zeroAllowed)
        fail(column, quoted(t) + " is zero; expected " + expected);
    else
        return *v == 0.0 ? 0.0 : *v; // -0 reads as 0
    return std::nullopt;
}

std::optional<std::int64_t>
RowReader::fixedDecimal(std::string_view column, int decimals, const std::string& expected)
{
    const auto t = text(column);
    const auto d = parseFixedDecimal(t, decimals);
    switch (d.status) {
    case FixedDecimal::Status::Ok:
        if (d.scaled >= 0)
            return d.scaled;
        fail(column, quoted(t) + " is negative; expected " + expected);
        break;
    case FixedDecimal::Status::NotANumber:
        fail(column, quoted(t) + " is not a number; expected " + expected);
        break;
    case FixedDecimal::Status::TooManyDecimals:
        fail(column,
             quoted(t) + " has more than " + std::to_string(decimals) + " decimals; expected "
                 + expected);
        break;
    case FixedDecimal::Status::OutOfRange:
        fail(column, quoted(t) + " is too large; expected " + expected);
        break;
    }
    return std::nullopt;
}

std::optional<std::string> RowReader::required(std::string_view column, const std::string& expected)
{
    const auto t = text(column);
    if (!t.empty())
        return std::string(t);
    fail(column, "the " + std::string(column) + " is empty; expected " + expected);
    return std::nullopt;
}

bool AttributeCheck::agree(RowReader& row,
                           const std::string& entityId,
                           std::string_view column,
                           const std::string& value)
{
    auto& values = m_first[entityId];
    const auto it = std::find_if(
        values.begin(), values.end(), [&](const FirstValue& v) { return v.column == column; });
    if (it == values.end()) {
        values.push_back(FirstValue{std::string(column), value, row.line()});
        return true;
    }
    if (it->value == value)
        return true;
    row.fail(column,
             quoted(value) + " differs from " + quoted(it->value) + " on line "
                 + std::to_string(it->line) + " for " + m_noun + " " + quoted(entityId)
                 + "; expected the same " + std::string(column) + " on every row of a " + m_noun);
    return false;
}

std::string expectedOneOf(const std::string& codes)
{
    return "expected one of " + codes;
}

} // namespace ch::exposure
