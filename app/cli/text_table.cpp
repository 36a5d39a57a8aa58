#include "text_table.h"

#include "domain/error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ch::cli {

namespace {

std::string groupThousands(const std::string& digits)
{
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

std::string pad(const std::string& text, std::size_t width, Align align)
{
    const std::size_t w = displayWidth(text);
    const std::string fill(w < width ? width - w : 0, ' ');
    return align == Align::Right ? fill + text : text + fill;
}

} // namespace

std::size_t displayWidth(const std::string& text)
{
    // Count bytes that do not continue a multi-byte sequence (continuation bytes are 10xxxxxx).
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

TextTable::TextTable(std::vector<Column> columns)
    : m_columns(std::move(columns))
{}

void TextTable::addRow(std::vector<std::string> cells)
{
    require(cells.size() == m_columns.size(),
            "TextTable::addRow: " + std::to_string(cells.size()) + " cells for "
                + std::to_string(m_columns.size()) + " columns");
    m_rows.push_back(std::move(cells));
}

std::string TextTable::render() const
{
    std::vector<std::size_t> widths;
    for (const auto& c : m_columns)
        widths.push_back(displayWidth(c.header));
    for (const auto& row : m_rows)
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));

    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0)
                out += "  ";
            // The last left-aligned column is not padded, so lines carry no trailing blanks.
            const bool last = i + 1 == cells.size();
            out += last && m_columns[i].align == Align::Left
                       ? cells[i]
                       : pad(cells[i], widths[i], m_columns[i].align);
        }
        return out + "\n";
    };

    std::vector<std::string> headers;
    std::vector<std::string> rules;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        headers.push_back(m_columns[i].header);
        rules.push_back(std::string(widths[i], '-'));
    }
    std::string out = line(headers) + line(rules);
    for (const auto& row : m_rows)
        out += line(row);
    return out;
}

std::string renderFields(const std::vector<std::pair<std::string, std::string>>& fields)
{
    std::size_t width = 0;
    for (const auto& [label, value] : fields)
        width = std::max(width, displayWidth(label) + 1);
    std::string out;
    for (const auto& [label, value] : fields)
        out += pad(label + ":", width, Align::Left) + "  " + value + "\n";
    return out;
}

std::string formatNumber(double value, int decimals)
{
    if (!std::isfinite(value))
        return "n/a";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
    const std::string text = buffer;
    const auto dot = text.find('.');
    const std::string integral = text.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? "" : text.substr(dot);
    // "-0.00" would read as a negative number; print the sign only when a digit is not zero.
    const bool negative = value < 0 && text.find_first_of("123456789") != std::string::npos;
    return (negative ? "-" : "") + groupThousands(integral) + fraction;
}

std::string formatCount(std::size_t count)
{
    return groupThousands(std::to_string(count));
}

std::string formatPercent(double fraction, int decimals)
{
    return formatNumber(fraction * 100.0, decimals) + "%";
}

std::string formatPrice(double usdPerUnit)
{
    return formatNumber(usdPerUnit, 4);
}

} // namespace ch::cli
