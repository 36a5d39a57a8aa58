#include "domain/plan_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace ch {

std::string_view trimBlanks(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

std::optional<double> parseNumber(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    // from_chars accepts "nan", "inf" and hex-free general format; it rejects a leading '+'.
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::general);
    if (ec != std::errc() || ptr != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::string formatShortest(double value)
{
    char buf[64];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value);
    if (ec != std::errc())
        return "?";
    return std::string(buf, ptr);
}

std::string formatGrouped(double value)
{
    if (!std::isfinite(value))
        return formatShortest(value);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", value);
    std::string text(buf);
    // Drop trailing zeros of the fraction, then the point itself.
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    if (text == "-0")
        text = "0";
    const std::size_t start = text.front() == '-' ? 1 : 0;
    std::size_t intEnd = text.find('.');
    if (intEnd == std::string::npos)
        intEnd = text.size();
    for (std::size_t pos = intEnd; pos > start + 3; pos -= 3)
        text.insert(pos - 3, ",");
    return text;
}

FixedDecimal parseFixedDecimal(std::string_view text, int maxDecimals)
{
    FixedDecimal out;
    bool negative = false;
    if (!text.empty() && text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    std::int64_t value = 0;
    int decimals = 0;
    bool seenPoint = false;
    bool seenDigit = false;
    bool overflow = false;
    for (char c : text) {
        if (c == '.' && !seenPoint) {
            seenPoint = true;
            continue;
        }
        if (c < '0' || c > '9')
            return out; // NotANumber
        seenDigit = true;
        if (seenPoint)
            ++decimals;
        overflow = overflow || __builtin_mul_overflow(value, 10, &value)
                   || __builtin_add_overflow(value, c - '0', &value);
    }
    if (!seenDigit)
        return out;
    if (decimals > maxDecimals) {
        out.status = FixedDecimal::Status::TooManyDecimals;
        return out;
    }
    for (int i = decimals; i < maxDecimals; ++i)
        overflow = overflow || __builtin_mul_overflow(value, 10, &value);
    if (overflow) {
        out.status = FixedDecimal::Status::OutOfRange;
        return out;
    }
    out.status = FixedDecimal::Status::Ok;
    out.scaled = negative ? -value : value;
    return out;
}

std::string formatFixedDecimal(std::int64_t scaled, int decimals, int minDecimals)
{
    const bool negative = scaled < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(scaled) : static_cast<std::uint64_t>(scaled);
    std::uint64_t divisor = 1;
    for (int i = 0; i < decimals; ++i)
        divisor *= 10;
    std::string fraction;
    if (decimals > 0) {
        fraction = std::to_string(magnitude % divisor);
        fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
    }
    while (fraction.size() > static_cast<std::size_t>(minDecimals) && fraction.back() == '0')
        fraction.pop_back();
    std::string out = (negative ? "-" : "") + std::to_string(magnitude / divisor);
    if (!fraction.empty())
        out += "." + fraction;
    return out;
}

} // namespace ch
