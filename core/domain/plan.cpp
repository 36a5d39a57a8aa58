#include "domain/plan.h"

#include "domain/error.h"
#include "domain/plan_text.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace ch {

const char* scenarioCode(Scenario s)
{
    switch (s) {
    case Scenario::Low:
        return "low";
    case Scenario::Base:
        return "base";
    case Scenario::High:
        return "high";
    }
    return "?";
}

std::optional<Scenario> parseScenario(std::string_view code)
{
    for (Scenario s : kScenarios)
        if (code == scenarioCode(s))
            return s;
    return std::nullopt;
}

std::vector<Issue> checkVolumeTriple(double low, double base, double high, const std::string& where)
{
    std::vector<Issue> issues;
    const auto fail = [&](const char* field, const std::string& message) {
        issues.push_back(Issue{"plan", 0, field, Severity::Error, where + ": " + message});
    };
    bool valuesOk = true;
    const std::array<std::pair<const char*, double>, 3> values{
        {{"low", low}, {"base", base}, {"high", high}}};
    for (const auto& [field, v] : values) {
        if (!std::isfinite(v)) {
            fail(field,
                 std::string(field)
                     + " is not a finite number; expected a volume of zero "
                       "or more");
            valuesOk = false;
        } else if (v < 0.0) {
            fail(field,
                 std::string(field) + " " + formatGrouped(v)
                     + " is negative; expected a volume of zero or more");
            valuesOk = false;
        }
    }
    if (!valuesOk)
        return issues;
    if (low > base)
        fail("low",
             "low " + formatGrouped(low) + " is above base " + formatGrouped(base)
                 + "; expected low ≤ base ≤ high");
    if (base > high)
        fail("base",
             "base " + formatGrouped(base) + " is above high " + formatGrouped(high)
                 + "; expected low ≤ base ≤ high");
    else if (low > high)
        fail("low",
             "low " + formatGrouped(low) + " is above high " + formatGrouped(high)
                 + "; expected low ≤ base ≤ high");
    return issues;
}

VolumeTriple::VolumeTriple(double low, double base, double high)
    : m_low(low)
    , m_base(base)
    , m_high(high)
{
    const auto issues = checkVolumeTriple(low, base, high, "VolumeTriple");
    require(issues.empty(), issues.empty() ? std::string() : issues.front().message);
}

double VolumeTriple::at(Scenario s) const
{
    switch (s) {
    case Scenario::Low:
        return m_low;
    case Scenario::Base:
        return m_base;
    case Scenario::High:
        return m_high;
    }
    return m_base;
}

PlanLine::PlanLine(std::string id,
                   std::string name,
                   Resource resource,
                   std::string indexId,
                   ConfidenceClass confidence,
                   std::vector<VolumeTriple> cells,
                   std::string helperId)
    : m_id(std::move(id))
    , m_name(std::move(name))
    , m_resource(resource)
    , m_indexId(std::move(indexId))
    , m_confidence(confidence)
    , m_cells(std::move(cells))
    , m_helperId(std::move(helperId))
{
    require(isValidId(m_id), "PlanLine: \"" + m_id + "\" is not a valid line id");
    require(!trimBlanks(m_name).empty(), "PlanLine " + m_id + ": the name is empty");
    require(isValidId(m_indexId),
            "PlanLine " + m_id + ": \"" + m_indexId + "\" is not a valid index id");
    require(m_helperId.empty() || isValidId(m_helperId),
            "PlanLine " + m_id + ": \"" + m_helperId + "\" is not a valid helper id");
}

std::string PlanLine::cellLabel(Month m) const
{
    return m_name + ", " + formatIsoMonth(m);
}

Month firstPlanMonth(Date valuationDate)
{
    return addMonths(monthOf(valuationDate), 1);
}

Plan::Plan(Month firstMonth,
           int months,
           std::vector<PlanLine> lines,
           std::vector<PlanHelper> helpers)
    : m_first(firstMonth)
    , m_months(months)
    , m_lines(std::move(lines))
    , m_helpers(std::move(helpers))
{
    require(firstMonth.ok(), "Plan: the first month is not a valid month");
    require(months >= 1 && months <= kMaxPlanMonths,
            "Plan: " + std::to_string(months) + " months; expected 1 to 36");
    std::set<std::string, std::less<>> helperIds;
    for (const auto& h : m_helpers)
        require(helperIds.insert(helperId(h)).second,
                "Plan: helper id \"" + helperId(h) + "\" is used twice");
    std::set<std::string, std::less<>> lineIds;
    for (const auto& line : m_lines) {
        require(lineIds.insert(line.id()).second,
                "Plan: line id \"" + line.id() + "\" is used twice");
        require(line.cells().size() == static_cast<std::size_t>(months),
                "Plan: line " + line.id() + " has " + std::to_string(line.cells().size())
                    + " cells; expected " + std::to_string(months));
        require(!line.isGenerated() || helperIds.count(line.helperId()) == 1,
                "Plan: line " + line.id() + " names unknown helper \"" + line.helperId() + "\"");
    }
}

Month Plan::lastMonth() const
{
    return addMonths(m_first, m_months - 1);
}

Month Plan::monthAt(int index) const
{
    require(index >= 0 && index < m_months,
            "Plan: month index " + std::to_string(index) + " is outside the plan");
    return addMonths(m_first, index);
}

std::optional<int> Plan::monthIndex(Month m) const
{
    const int i = monthsBetween(m_first, m);
    if (i < 0 || i >= m_months)
        return std::nullopt;
    return i;
}

const PlanLine* Plan::findLine(std::string_view id) const
{
    const auto i = lineIndex(id);
    return i ? &m_lines[*i] : nullptr;
}

std::optional<std::size_t> Plan::lineIndex(std::string_view id) const
{
    for (std::size_t i = 0; i < m_lines.size(); ++i)
        if (m_lines[i].id() == id)
            return i;
    return std::nullopt;
}

const PlanHelper* Plan::findHelper(std::string_view id) const
{
    for (const auto& h : m_helpers)
        if (helperId(h) == id)
            return &h;
    return nullptr;
}

std::size_t Plan::requireLine(std::string_view lineId, bool manualOnly) const
{
    const auto i = lineIndex(lineId);
    require(i.has_value(), "Plan: no line \"" + std::string(lineId) + "\"");
    require(!manualOnly || !m_lines[*i].isGenerated(),
            "Plan: line \"" + std::string(lineId) + "\" is generated by helper \""
                + m_lines[*i].helperId() + "\"; change the helper's inputs instead");
    return *i;
}

int Plan::requireMonth(Month m) const
{
    const auto i = monthIndex(m);
    require(i.has_value(),
            "Plan: " + formatIsoMonth(m) + " is outside the plan (" + formatIsoMonth(m_first)
                + " to " + formatIsoMonth(lastMonth()) + ")");
    return *i;
}

const VolumeTriple& Plan::cell(std::string_view lineId, Month m) const
{
    return m_lines[requireLine(lineId, false)].m_cells[static_cast<std::size_t>(requireMonth(m))];
}

PlanLine Plan::blankLine(std::string id, std::string name, Resource resource) const
{
    return PlanLine(std::move(id),
                    std::move(name),
                    resource,
                    resource.defaultIndexId(),
                    ConfidenceClass::Forecast,
                    std::vector<VolumeTriple>(static_cast<std::size_t>(m_months)));
}

Plan Plan::withCell(std::string_view lineId, Month m, const VolumeTriple& v) const
{
    return withCells(lineId, m, {v});
}

Plan Plan::withCells(std::string_view lineId, Month from, const std::vector<VolumeTriple>& v) const
{
    const std::size_t line = requireLine(lineId, true);
    const int first = requireMonth(from);
    require(static_cast<std::size_t>(first) + v.size() <= static_cast<std::size_t>(m_months),
            "Plan: " + std::to_string(v.size()) + " cells from " + formatIsoMonth(from)
                + " run past the end of the plan");
    Plan out = *this;
    std::copy(v.begin(), v.end(), out.m_lines[line].m_cells.begin() + first);
    return out;
}

std::vector<VolumeTriple> Plan::cellsOf(std::string_view lineId, Month from, int count) const
{
    const std::size_t line = requireLine(lineId, false);
    const int first = requireMonth(from);
    require(count >= 0 && first + count <= m_months,
            "Plan: " + std::to_string(count) + " cells from " + formatIsoMonth(from)
                + " run past the end of the plan");
    const auto& cells = m_lines[line].m_cells;
    return {cells.begin() + first, cells.begin() + first + count};
}

Plan Plan::withLine(PlanLine line, std::optional<std::size_t> position) const
{
    require(!line.isGenerated(),
            "Plan: line " + line.id() + " is generated; add its helper instead");
    require(!lineIndex(line.id()), "Plan: line id \"" + line.id() + "\" is already used");
    const std::size_t at = position.value_or(m_lines.size());
    require(at <= m_lines.size(), "Plan: line position " + std::to_string(at) + " is past the end");
    std::vector<PlanLine> lines = m_lines;
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), std::move(line));
    return Plan(m_first, m_months, std::move(lines), m_helpers);
}

Plan Plan::withoutLine(std::string_view lineId) const
{
    const std::size_t at = requireLine(lineId, true);
    Plan out = *this;
    out.m_lines.erase(out.m_lines.begin() + static_cast<std::ptrdiff_t>(at));
    return out;
}

Plan Plan::withLineAttributes(std::string_view lineId,
                              std::string name,
                              std::string indexId,
                              ConfidenceClass confidence) const
{
    const std::size_t at = requireLine(lineId, true);
    const PlanLine& old = m_lines[at];
    std::vector<PlanLine> lines = m_lines;
    lines[at] = PlanLine(
        old.id(), std::move(name), old.resource(), std::move(indexId), confidence, old.cells());
    return Plan(m_first, m_months, std::move(lines), m_helpers);
}

Plan Plan::fillRight(std::string_view lineId, Month from, std::optional<Month> through) const
{
    const std::size_t line = requireLine(lineId, true);
    const int first = requireMonth(from);
    const int last = through ? requireMonth(*through) : m_months - 1;
    require(last >= first,
            "Plan: fill through " + formatIsoMonth(through.value_or(from)) + " is before "
                + formatIsoMonth(from));
    Plan out = *this;
    auto& cells = out.m_lines[line].m_cells;
    const VolumeTriple source = cells[static_cast<std::size_t>(first)];
    std::fill(cells.begin() + first + 1, cells.begin() + last + 1, source);
    return out;
}

} // namespace ch
