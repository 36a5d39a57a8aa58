#include "storage/sql_script.h"

#include <cctype>

namespace ch::storage {

namespace {

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$'
           || static_cast<unsigned char>(c) >= 0x80;
}

std::string upper(std::string_view word)
{
    std::string out(word);
    for (char& c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string trimmed(std::string_view text)
{
    const auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    std::size_t b = 0;
    std::size_t e = text.size();
    while (b < e && isSpace(text[b]))
        ++b;
    while (e > b && isSpace(text[e - 1]))
        --e;
    return std::string(text.substr(b, e - b));
}

//! Tracks the words that matter for statement boundaries: whether the statement is a CREATE
//! [TEMP|TEMPORARY] TRIGGER and whether the last token before a semicolon was END.
struct StatementState
{
    std::size_t start = 0;
    bool hasContent = false;
    int wordCount = 0;
    bool isTrigger = false;
    bool firstWordIsCreate = false;
    std::string lastToken;

    void addWord(std::string_view word)
    {
        const std::string w = upper(word);
        ++wordCount;
        if (wordCount == 1)
            firstWordIsCreate = w == "CREATE";
        else if (firstWordIsCreate && wordCount <= 3 && w == "TRIGGER")
            isTrigger = true;
        lastToken = w;
    }
};

} // namespace

std::vector<std::string> splitSqlScript(std::string_view script)
{
    std::vector<std::string> out;
    StatementState st;
    const std::size_t n = script.size();
    const auto finish = [&](std::size_t end, std::size_t next) {
        if (st.hasContent)
            out.push_back(trimmed(script.substr(st.start, end - st.start)));
        st = StatementState{};
        st.start = next;
    };

    std::size_t i = 0;
    while (i < n) {
        const char c = script[i];
        if (c == '-' && i + 1 < n && script[i + 1] == '-') {
            while (i < n && script[i] != '\n')
                ++i;
            continue;
        }
        if (c == '/' && i + 1 < n && script[i + 1] == '*') {
            const std::size_t close = script.find("*/", i + 2);
            i = close == std::string_view::npos ? n : close + 2;
            continue;
        }
        if (std::isspace(static_cast<unsigned char>(c)) != 0) {
            ++i;
            continue;
        }
        if (c == ';' && (!st.isTrigger || st.lastToken == "END")) {
            finish(i, i + 1);
            ++i;
            continue;
        }
        st.hasContent = true;
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            const char closing = c == '[' ? ']' : c;
            ++i;
            while (i < n) {
                if (script[i] == closing) {
                    // A doubled quote inside a string or identifier is an escaped quote.
                    if (closing != ']' && i + 1 < n && script[i + 1] == closing) {
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            i = i < n ? i + 1 : n;
            st.lastToken.clear();
            continue;
        }
        if (isWordChar(c)) {
            const std::size_t b = i;
            while (i < n && isWordChar(script[i]))
                ++i;
            st.addWord(script.substr(b, i - b));
            continue;
        }
        st.lastToken.clear();
        ++i;
    }
    finish(n, n);
    return out;
}

} // namespace ch::storage
