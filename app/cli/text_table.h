#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

// Plain-text output for people: aligned tables and "label: value" blocks. Numbers use ',' as the
// thousands separator and '.' as the decimal point whatever the locale, so output is the same on
// every machine (JSON output is the form for programs).

namespace ch::cli {

enum class Align { Left, Right };

struct Column
{
    std::string header;
    Align align = Align::Left;
};

//! A table whose column widths fit the widest cell (counted in UTF-8 code points); numbers are
//! right-aligned by declaring their column Align::Right.
class TextTable
{
public:
    explicit TextTable(std::vector<Column> columns);
    //! Throws ch::Error when the row has a different number of cells than there are columns.
    void addRow(std::vector<std::string> cells);
    std::size_t rowCount() const { return m_rows.size(); }
    //! Header, a dashed rule, then the rows; every line ends with '\n'.
    std::string render() const;

private:
    std::vector<Column> m_columns;
    std::vector<std::vector<std::string>> m_rows;
};

//! "label:  value" lines with the values aligned.
std::string renderFields(const std::vector<std::pair<std::string, std::string>>& fields);

//! 1234567.891 with 2 decimals -> "1,234,567.89"; NaN -> "n/a".
std::string formatNumber(double value, int decimals);
//! 1234567 -> "1,234,567".
std::string formatCount(std::size_t count);
//! 0.4567 with 1 decimal -> "45.7%".
std::string formatPercent(double fraction, int decimals);
//! A price in USD per unit: 4 decimals, enough for token prices below a cent per 1M tokens.
std::string formatPrice(double usdPerUnit);
//! Number of UTF-8 code points, the width a terminal gives the text.
std::size_t displayWidth(const std::string& text);

} // namespace ch::cli
