#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ch {

// Number text for plan values: exact round-trip for files and the clipboard, readable grouping for
// messages. Locale-independent on purpose (std::from_chars / std::to_chars): a CSV written on a
// German desktop must read back on an American one. Formatting for people lives in ui/format.

//! Strips spaces and tabs at both ends.
std::string_view trimBlanks(std::string_view text);

//! A decimal or scientific number ("1200", "0.5", "1e6", "-3"); nullopt for anything else,
//! including "", "+1", "1,200", "nan", "inf" and trailing characters.
std::optional<double> parseNumber(std::string_view text);

//! The shortest text that reads back to exactly `value` (std::to_chars), e.g. "0.1", "265420.8".
std::string formatShortest(double value);

//! For messages: at most 4 decimals, trailing zeros dropped, thousands grouped with commas:
//! 1200 -> "1,200", 265420.8 -> "265,420.8", -5 -> "-5".
std::string formatGrouped(double value);

//! Exact parse of a decimal with at most `maxDecimals` decimals into an integer count of
//! 10^-maxDecimals units: ("2.35", 6) -> 2'350'000 (micros), ("12.5", 2) -> 1'250 (cents).
struct FixedDecimal
{
    enum class Status { Ok, NotANumber, TooManyDecimals, OutOfRange };
    Status status = Status::NotANumber;
    std::int64_t scaled = 0;
};
FixedDecimal parseFixedDecimal(std::string_view text, int maxDecimals);

//! Inverse of parseFixedDecimal: (2'350'000, 6, 2) -> "2.35", (1'250, 2, 2) -> "12.50".
//! Keeps at least `minDecimals` decimals and drops further trailing zeros.
std::string formatFixedDecimal(std::int64_t scaled, int decimals, int minDecimals);

} // namespace ch
