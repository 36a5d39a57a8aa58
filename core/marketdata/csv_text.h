#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

//! Small CSV helpers shared by the price importer and the dataset files (internal to marketdata).
//! Everything here is locale-independent: numbers go through std::to_chars/std::from_chars,
//! never printf or streams, because QCoreApplication sets the C locale from the environment and a
//! German locale would otherwise write "2,8100".
namespace ch::marketdata::csv {

//! Walks the lines of a text: skips a UTF-8 byte-order mark, accepts LF and CRLF line ends and
//! numbers lines from 1. Lines are views into the text (no copies).
class LineReader
{
public:
    explicit LineReader(std::string_view text);

    //! The next line without its line end; false at the end of the text.
    bool next(std::string_view& line);
    //! 1-based number of the line last returned by next().
    int lineNumber() const { return m_line; }
    //! True when nothing but blank lines follows the line last returned.
    bool restIsBlank() const;

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 0;
};

//! True for an empty line or one holding only spaces and tabs.
bool isBlank(std::string_view line);
std::string_view trim(std::string_view s);
bool equalsIgnoreCase(std::string_view a, std::string_view b);

enum class SplitResult { Ok, UnterminatedQuote, TextAfterQuote };

//! Splits one line at commas into `fields` (cleared first). Unquoted fields are trimmed of
//! spaces and tabs; a field may be enclosed in double quotes, with "" standing for one quote
//! (RFC 4180 §2, without line breaks inside quotes). Views point into `line` or, for a quoted
//! field holding "", into `scratch`, which is reserved once so earlier views stay valid.
SplitResult
splitFields(std::string_view line, std::vector<std::string_view>& fields, std::string& scratch);

//! Appends `value` as one CSV field, quoting it when it holds a comma, quote, CR/LF or
//! leading/trailing space.
void appendField(std::string& out, std::string_view value);
//! Appends `value` with exactly `decimals` digits after the point ("2.8100").
void appendFixed(std::string& out, double value, int decimals);
//! Appends the shortest text that reads back as the same double ("0.175").
void appendShortest(std::string& out, double value);

//! The whole field as a finite double (std::from_chars, general format); nullopt for anything
//! else, including "inf", "nan", "+1" and trailing characters.
std::optional<double> parseDouble(std::string_view text);
std::optional<std::int64_t> parseInt64(std::string_view text);
std::optional<std::uint64_t> parseUint64(std::string_view text);

//! `"text"` for messages: the user's text in double quotes.
std::string quoted(std::string_view text);

} // namespace ch::marketdata::csv
