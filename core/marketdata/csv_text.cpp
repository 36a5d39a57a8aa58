#include "marketdata/csv_text.h"

#include <cmath>
#include <cstring>

namespace ch::marketdata::csv {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

LineReader::LineReader(std::string_view text)
    : m_text(text)
{
    if (m_text.substr(0, kBom.size()) == kBom)
        m_pos = kBom.size();
}

bool LineReader::next(std::string_view& line)
{
    if (m_pos >= m_text.size())
        return false;
    const char* begin = m_text.data() + m_pos;
    const auto rest = m_text.size() - m_pos;
    const void* nl = std::memchr(begin, '\n', rest);
    std::size_t len = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - begin) : rest;
    m_pos += nl ? len + 1 : len;
    if (len > 0 && begin[len - 1] == '\r')
        --len;
    line = std::string_view(begin, len);
    ++m_line;
    return true;
}

bool LineReader::restIsBlank() const
{
    for (std::size_t i = m_pos; i < m_text.size(); ++i) {
        const char c = m_text[i];
        if (!isSpace(c) && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

bool isBlank(std::string_view line)
{
    for (char c : line) {
        if (!isSpace(c))
            return false;
    }
    return true;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

SplitResult
splitFields(std::string_view line, std::vector<std::string_view>& fields, std::string& scratch)
{
    fields.clear();
    bool scratchReserved = false;
    std::size_t pos = 0;
    while (true) {
        while (pos < line.size() && isSpace(line[pos]))
            ++pos;
        if (pos < line.size() && line[pos] == '"') {
            // Quoted field: runs to the next quote that is not doubled.
            std::size_t i = pos + 1;
            bool escaped = false;
            while (true) {
                const auto q = line.find('"', i);
                if (q == std::string_view::npos)
                    return SplitResult::UnterminatedQuote;
                if (q + 1 < line.size() && line[q + 1] == '"') {
                    escaped = true;
                    i = q + 2;
                    continue;
                }
                i = q;
                break;
            }
            std::string_view inner = line.substr(pos + 1, i - pos - 1);
            if (escaped) {
                if (!scratchReserved) {
                    scratch.clear();
                    scratch.reserve(line.size());
                    scratchReserved = true;
                }
                const std::size_t start = scratch.size();
                for (std::size_t k = 0; k < inner.size(); ++k) {
                    scratch.push_back(inner[k]);
                    if (inner[k] == '"')
                        ++k; // skip the second quote of the pair
                }
                inner = std::string_view(scratch).substr(start);
            }
            fields.push_back(inner);
            pos = i + 1;
            while (pos < line.size() && isSpace(line[pos]))
                ++pos;
            if (pos == line.size())
                return SplitResult::Ok;
            if (line[pos] != ',')
                return SplitResult::TextAfterQuote;
            ++pos;
            continue;
        }
        const auto comma = line.find(',', pos);
        if (comma == std::string_view::npos) {
            fields.push_back(trim(line.substr(pos)));
            return SplitResult::Ok;
        }
        fields.push_back(trim(line.substr(pos, comma - pos)));
        pos = comma + 1;
    }
}

void appendField(std::string& out, std::string_view value)
{
    const bool needsQuotes =
        value.find_first_of(",\"\r\n") != std::string_view::npos
        || (!value.empty() && (isSpace(value.front()) || isSpace(value.back())));
    if (!needsQuotes) {
        out.append(value);
        return;
    }
    out.push_back('"');
    for (char c : value) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void appendFixed(std::string& out, double value, int decimals)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    out.append(buf, r.ptr);
}

void appendShortest(std::string& out, double value)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, r.ptr);
}

std::optional<double> parseDouble(std::string_view text)
{
    double v = 0.0;
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, v, std::chars_format::general);
    if (text.empty() || r.ec != std::errc{} || r.ptr != end || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<std::int64_t> parseInt64(std::string_view text)
{
    std::int64_t v = 0;
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, v);
    if (text.empty() || r.ec != std::errc{} || r.ptr != end)
        return std::nullopt;
    return v;
}

std::optional<std::uint64_t> parseUint64(std::string_view text)
{
    std::uint64_t v = 0;
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, v);
    if (text.empty() || r.ec != std::errc{} || r.ptr != end)
        return std::nullopt;
    return v;
}

std::string quoted(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out.push_back('"');
    out.append(text);
    out.push_back('"');
    return out;
}

} // namespace ch::marketdata::csv
