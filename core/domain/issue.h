#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace ch {

enum class Severity { Warning, Error };

//! One problem found in user input (a CSV row, a form field, a CLI argument, workspace content).
//! Loaders collect Issues instead of throwing, so the user sees every problem at once.
//! toString() gives the house format: `plan.csv:14: gpu_hours: "-5" is negative; ...`.
struct Issue
{
    std::string source; //!< file name as the user knows it (no directory), or a form name
    int line = 0;       //!< 1-based line number; 0 when the issue is about the whole source
    std::string field;  //!< column or field name; empty when the whole line is at fault
    Severity severity = Severity::Error;
    std::string message;

    std::string toString() const;
    friend bool operator==(const Issue&, const Issue&) = default;
};

//! The result of parsing user input: the value that could be read plus every issue found. If any
//! issue is an error, callers must not write the value anywhere (an import writes nothing).
template <class T>
struct Parsed
{
    T value{};
    std::vector<Issue> issues;

    bool hasErrors() const
    {
        return std::any_of(issues.begin(), issues.end(), [](const Issue& i) {
            return i.severity == Severity::Error;
        });
    }
};

//! Sorts issues by source, then line, so tables and CLI output read top to bottom.
void sortIssues(std::vector<Issue>& issues);

} // namespace ch
