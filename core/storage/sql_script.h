#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ch::storage {

//! Splits a migration script into single statements, because Qt's SQLite driver runs only the
//! first statement of a query string. Semicolons inside quotes ('…', "…", `…`, […]) and comments
//! (-- … and /* … */) do not split; in CREATE TRIGGER a statement ends only at `END;`, as in
//! sqlite3_complete() (so a trigger body must not end an inner statement with `CASE … END;`).
//! Statements are returned trimmed, without the terminating semicolon; comment-only tails vanish.
std::vector<std::string> splitSqlScript(std::string_view script);

} // namespace ch::storage
