#include "domain/issue.h"

#include <tuple>

namespace ch {

std::string Issue::toString() const
{
    std::string out = source;
    if (line > 0)
        out += ":" + std::to_string(line);
    out += ": ";
    if (!field.empty())
        out += field + ": ";
    if (severity == Severity::Warning)
        out += "warning: ";
    out += message;
    return out;
}

void sortIssues(std::vector<Issue>& issues)
{
    std::stable_sort(issues.begin(), issues.end(), [](const Issue& a, const Issue& b) {
        return std::tie(a.source, a.line) < std::tie(b.source, b.line);
    });
}

} // namespace ch
