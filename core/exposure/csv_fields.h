#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/plan_resource.h"
#include "exposure/csv_table.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ch::exposure {

//! Reads typed fields from one CSV row, adding an Issue for each field that is wrong, so one row
//! can report several columns at once. Messages quote the text as written and say what was
//! expected, e.g. `month: "2027-13" is not a month; expected YYYY-MM`.
class RowReader
{
public:
    RowReader(const CsvTable& table, const CsvRow& row, std::vector<Issue>& issues);

    int line() const { return m_row.line; }
    std::string_view text(std::string_view column) const;
    //! True while no field of this row has failed.
    bool ok() const { return m_ok; }
    void fail(std::string_view column, std::string message);

    std::optional<std::string> id(std::string_view column);
    std::optional<Month> month(std::string_view column);
    std::optional<Resource> resource(std::string_view column);
    //! A number >= 0 (or > 0 without `zeroAllowed`); `expected` ends the message: "a volume of
    //! zero or more".
    std::optional<double>
    number(std::string_view column, const std::string& expected, bool zeroAllowed = true);
    //! An exact decimal >= 0 with at most `decimals` decimals, scaled to an integer.
    std::optional<std::int64_t>
    fixedDecimal(std::string_view column, int decimals, const std::string& expected);
    //! A non-empty text; `expected` ends the message when it is empty.
    std::optional<std::string> required(std::string_view column, const std::string& expected);

private:
    const CsvTable& m_table;
    const CsvRow& m_row;
    std::vector<Issue>& m_issues;
    bool m_ok = true;
};

//! Rows that describe the same entity (a plan line, a contract) must agree on its attributes; this
//! remembers the first row's values and reports later rows that differ:
//! `resource: "H200" differs from "H100" on line 2 for line "gpt-train"; expected the same
//! resource on every row of a line`.
class AttributeCheck
{
public:
    explicit AttributeCheck(std::string entityNoun)
        : m_noun(std::move(entityNoun))
    {}
    //! False (and an Issue) when `value` differs from the first row of `entityId`.
    bool agree(RowReader& row,
               const std::string& entityId,
               std::string_view column,
               const std::string& value);

private:
    struct FirstValue
    {
        std::string column;
        std::string value;
        int line = 0;
    };
    std::string m_noun;
    std::unordered_map<std::string, std::vector<FirstValue>> m_first; //!< entity -> its values
};

//! `expected one of A, B, C` for enum columns.
std::string expectedOneOf(const std::string& codes);

} // namespace ch::exposure
