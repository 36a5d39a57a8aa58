#include "exposure/exposure.h"

#include "domain/error.h"
#include "domain/plan_text.h"
#include "exposure/csv_table.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace ch::exposure {

namespace {

constexpr std::size_t kScenarioCount = 3;

std::size_t si(Scenario s)
{
    return static_cast<std::size_t>(s);
}

const pricing::ForwardCurve* findCurve(const std::vector<pricing::ForwardCurve>& curves,
                                       std::string_view indexId)
{
    for (const auto& c : curves)
        if (c.indexId == indexId)
            return &c;
    return nullptr;
}

//! Line id -> position, built once: contracts and budgets look lines up by id many times.
class LineLookup
{
public:
    explicit LineLookup(const Plan& plan)
    {
        for (std::size_t i = 0; i < plan.lines().size(); ++i)
            m_index.emplace(plan.lines()[i].id(), i);
    }
    std::optional<std::size_t> find(std::string_view id) const
    {
        const auto it = m_index.find(id);
        return it == m_index.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    }

private:
    std::unordered_map<std::string_view, std::size_t> m_index;
};

//! The first plan month a curve has no point for, if any.
std::optional<Month> firstUncovered(const pricing::ForwardCurve& curve, const Plan& plan)
{
    std::set<Month> covered;
    for (const auto& p : curve.points)
        covered.insert(p.delivery);
    for (int i = 0; i < plan.months(); ++i)
        if (covered.count(plan.monthAt(i)) == 0)
            return plan.monthAt(i);
    return std::nullopt;
}

//! Per line × month × scenario contracted volume and its cost at the contracts' fixed prices.
struct ContractedGrid
{
    std::size_t months;
    std::vector<double> volume;
    std::vector<double> costUsd;

    ContractedGrid(std::size_t lines, std::size_t m)
        : months(m)
        , volume(lines * m * kScenarioCount, 0.0)
        , costUsd(lines * m * kScenarioCount, 0.0)
    {}
    std::size_t at(std::size_t line, std::size_t month, std::size_t s) const
    {
        return (line * months + month) * kScenarioCount + s;
    }
};

void addCosts(CostSummary& sum, const ExposureCell& c)
{
    sum.exposureUsd += c.exposureUsd;
    sum.contractedCostUsd += c.contractedCostUsd;
    sum.totalCostUsd += c.totalCostUsd;
    if (c.budgetUsd) {
        sum.budgetUsd += *c.budgetUsd;
        sum.budgetedCostUsd += c.totalCostUsd;
        sum.varianceUsd += *c.varianceUsd;
        ++sum.budgetedCells;
    }
}

void addUnallocated(CostSummary& sum, const UnallocatedCapacity& u)
{
    sum.contractedCostUsd += u.costUsd;
    sum.totalCostUsd += u.costUsd;
}

std::string quarterOf(Month m)
{
    const unsigned q = (static_cast<unsigned>(m.month()) - 1) / 3 + 1;
    return std::to_string(static_cast<int>(m.year())) + "-Q" + std::to_string(q);
}

std::string yearOf(Month m)
{
    return std::to_string(static_cast<int>(m.year()));
}

//! Groups the month totals into consecutive periods with the same key.
std::vector<PeriodTotals> groupPeriods(const std::vector<PeriodTotals>& byMonth,
                                       std::string (*keyOf)(Month))
{
    std::vector<PeriodTotals> out;
    for (const auto& m : byMonth) {
        const std::string key = keyOf(m.first);
        if (out.empty() || out.back().period != key)
            out.push_back(PeriodTotals{key, m.first, m.first, {}});
        PeriodTotals& p = out.back();
        p.last = m.first;
        for (std::size_t s = 0; s < kScenarioCount; ++s) {
            CostSummary& into = p.costs[s];
            const CostSummary& from = m.costs[s];
            into.exposureUsd += from.exposureUsd;
            into.contractedCostUsd += from.contractedCostUsd;
            into.totalCostUsd += from.totalCostUsd;
            into.budgetUsd += from.budgetUsd;
            into.budgetedCostUsd += from.budgetedCostUsd;
            into.varianceUsd += from.varianceUsd;
            into.budgetedCells += from.budgetedCells;
        }
    }
    return out;
}

} // namespace

const char* priceSourceCode(PriceSource s)
{
    return s == PriceSource::Forward ? "forward" : "forward_x_basis";
}

const char* priceSourceLabel(PriceSource s)
{
    return s == PriceSource::Forward ? "forward" : "forward × basis";
}

const ExposureCell& ExposureReport::cell(std::size_t lineIndex, int monthIndex, Scenario s) const
{
    require(lineIndex < lineCount && monthIndex >= 0 && monthIndex < months,
            "ExposureReport::cell: line " + std::to_string(lineIndex) + ", month "
                + std::to_string(monthIndex) + " is outside the report");
    return cells[(lineIndex * static_cast<std::size_t>(months)
                  + static_cast<std::size_t>(monthIndex))
                     * kScenarioCount
                 + si(s)];
}

std::vector<Issue> checkExposureInputs(const Plan& plan,
                                       const std::vector<ContractedCapacity>& contracts,
                                       const std::vector<BudgetEntry>& budgets,
                                       const std::vector<pricing::ForwardCurve>& curves)
{
    std::vector<Issue> issues;
    const auto add = [&](Severity s, std::string message) {
        issues.push_back(Issue{"exposure", 0, "", s, std::move(message)});
    };
    const LineLookup lineAt(plan);
    std::unordered_map<const pricing::ForwardCurve*, std::optional<Month>> gaps;
    for (const auto& line : plan.lines()) {
        const std::string who = "line " + quoted(line.id()) + ": ";
        const auto* curve = findCurve(curves, line.indexId());
        if (!curve) {
            add(Severity::Error, who + "no forward curve for " + line.indexId());
            continue;
        }
        if (curve->unit != line.unit()) {
            add(Severity::Error,
                who + "the " + line.indexId() + " curve is in " + unitPriceLabel(curve->unit)
                    + " but the line is in " + unitSymbol(line.unit()));
            continue;
        }
        auto [gap, fresh] = gaps.try_emplace(curve);
        if (fresh)
            gap->second = firstUncovered(*curve, plan);
        if (gap->second)
            add(Severity::Error,
                who + "the " + line.indexId() + " curve has no forward for "
                    + formatIsoMonth(*gap->second));
    }
    for (const auto& c : contracts) {
        if (c.isPooled())
            continue;
        const std::string who = "contract " + quoted(c.id()) + ": ";
        const auto at = lineAt.find(c.lineId());
        const PlanLine* line = at ? &plan.lines()[*at] : nullptr;
        if (!line)
            add(Severity::Error, who + "line " + quoted(c.lineId()) + " is not in the plan");
        else if (line->resource() != c.resource() || line->indexId() != c.indexId())
            add(Severity::Error,
                who + c.resource().code() + " on " + c.indexId() + " does not match line "
                    + quoted(line->id()) + " (" + line->resource().code() + " on " + line->indexId()
                    + ")");
    }
    std::set<std::pair<std::string_view, Month>> budgeted;
    for (const auto& b : budgets) {
        const auto at = lineAt.find(b.lineId());
        const PlanLine* line = at ? &plan.lines()[*at] : nullptr;
        const auto who = [&] {
            return "budget for line " + quoted(b.lineId()) + ", " + formatIsoMonth(b.month())
                   + ": ";
        };
        if (!line)
            add(Severity::Error, who() + "the line is not in the plan");
        else if (b.rate() && b.rate()->unit() != line->unit())
            add(Severity::Error,
                who() + "a budget price in " + unitPriceLabel(b.rate()->unit()) + " for a line in "
                    + unitSymbol(line->unit()));
        else if (!plan.monthIndex(b.month()))
            add(Severity::Warning, who() + "the month is outside the plan; the budget is not used");
        if (!budgeted.emplace(b.lineId(), b.month()).second)
            add(Severity::Error, who() + "a second budget for the same line and month");
    }
    return issues;
}

ExposureReport computeExposure(const Plan& plan,
                               const std::vector<ContractedCapacity>& contracts,
                               const BasisReport& basis,
                               const std::vector<BudgetEntry>& budgets,
                               const std::vector<pricing::ForwardCurve>& curves)
{
    for (const auto& issue : checkExposureInputs(plan, contracts, budgets, curves))
        require(issue.severity != Severity::Error, "computeExposure: " + issue.toString());

    const auto& lines = plan.lines();
    const std::size_t nLines = lines.size();
    const auto nMonths = static_cast<std::size_t>(plan.months());
    ExposureReport r;
    r.firstMonth = plan.firstMonth();
    r.months = plan.months();
    r.lineCount = nLines;

    const LineLookup lineAt(plan);
    std::unordered_map<std::string_view, const BasisEstimate*> basisOf;
    for (const auto& b : basis.lines)
        basisOf.emplace(b.lineId, &b);

    // Bound contracts: the same volume in every scenario.
    ContractedGrid grid(nLines, nMonths);
    for (const auto& c : contracts) {
        if (c.isPooled())
            continue;
        const std::size_t line = *lineAt.find(c.lineId());
        for (std::size_t m = 0; m < nMonths; ++m) {
            const double q = c.quantity(plan.monthAt(static_cast<int>(m))).amount();
            for (std::size_t s = 0; s < kScenarioCount; ++s) {
                grid.volume[grid.at(line, m, s)] += q;
                grid.costUsd[grid.at(line, m, s)] += q * c.price().usd();
            }
        }
    }
    // Pooled capacity: each matching line, in plan order, takes what it still has open.
    for (const auto& c : contracts) {
        if (!c.isPooled())
            continue;
        for (std::size_t m = 0; m < nMonths; ++m) {
            const Month month = plan.monthAt(static_cast<int>(m));
            const double q = c.quantity(month).amount();
            if (q <= 0.0)
                continue;
            for (Scenario sc : kScenarios) {
                const std::size_t s = si(sc);
                double remaining = q;
                for (std::size_t l = 0; l < nLines && remaining > 0.0; ++l) {
                    if (lines[l].resource() != c.resource() || lines[l].indexId() != c.indexId())
                        continue;
                    const double planned = lines[l].cells()[m].at(sc);
                    const double open = std::max(planned - grid.volume[grid.at(l, m, s)], 0.0);
                    const double take = std::min(remaining, open);
                    grid.volume[grid.at(l, m, s)] += take;
                    grid.costUsd[grid.at(l, m, s)] += take * c.price().usd();
                    remaining -= take;
                }
                if (remaining > 0.0)
                    r.unallocated.push_back(UnallocatedCapacity{c.id(),
                                                                c.resource(),
                                                                c.indexId(),
                                                                month,
                                                                sc,
                                                                remaining,
                                                                remaining * c.price().usd()});
            }
        }
    }

    std::map<std::pair<std::size_t, std::size_t>, const BudgetEntry*> budgetOf;
    for (const auto& b : budgets)
        if (const auto m = plan.monthIndex(b.month()))
            budgetOf[{*lineAt.find(b.lineId()), static_cast<std::size_t>(*m)}] = &b;

    r.cells.reserve(nLines * nMonths * kScenarioCount);
    for (std::size_t l = 0; l < nLines; ++l) {
        const PlanLine& line = lines[l];
        const pricing::ForwardCurve& curve = *findCurve(curves, line.indexId());
        const auto found = basisOf.find(line.id());
        const BasisEstimate* b = found == basisOf.end() ? nullptr : found->second;
        const bool measured = b && b->isMeasured();
        for (std::size_t m = 0; m < nMonths; ++m) {
            const Month month = plan.monthAt(static_cast<int>(m));
            const double forward = curve.forward(month);
            const auto budget = budgetOf.find({l, m});
            for (Scenario sc : kScenarios) {
                ExposureCell c;
                c.lineIndex = l;
                c.month = month;
                c.scenario = sc;
                c.plannedVolume = line.cells()[m].at(sc);
                c.contractedVolume = grid.volume[grid.at(l, m, si(sc))];
                c.openVolume = std::max(c.plannedVolume - c.contractedVolume, 0.0);
                c.surplusVolume = std::max(c.contractedVolume - c.plannedVolume, 0.0);
                c.forwardUsd = forward;
                c.basisFactor = measured ? b->mean : 1.0;
                c.priceSource = measured ? PriceSource::ForwardTimesBasis : PriceSource::Forward;
                c.priceUsd = forward * c.basisFactor;
                c.exposureUsd = c.openVolume * c.priceUsd;
                c.contractedCostUsd = grid.costUsd[grid.at(l, m, si(sc))];
                c.totalCostUsd = c.contractedCostUsd + c.exposureUsd;
                if (budget != budgetOf.end()) {
                    c.budgetUsd = budget->second->budgetUsd(c.plannedVolume);
                    c.varianceUsd = c.totalCostUsd - *c.budgetUsd;
                }
                r.cells.push_back(c);
            }
        }
    }

    // Totals by month and resource, then quarters and years from the months.
    r.byMonth.resize(nMonths);
    for (std::size_t m = 0; m < nMonths; ++m) {
        const Month month = plan.monthAt(static_cast<int>(m));
        r.byMonth[m] = PeriodTotals{formatIsoMonth(month), month, month, {}};
    }
    std::map<Resource, ResourceTotals> byResource;
    for (const auto& c : r.cells) {
        const std::size_t s = si(c.scenario);
        addCosts(r.byMonth[static_cast<std::size_t>(monthsBetween(r.firstMonth, c.month))].costs[s],
                 c);
        addCosts(r.total[s], c);
        const Resource res = lines[c.lineIndex].resource();
        ResourceTotals& rt =
            byResource.try_emplace(res, ResourceTotals{res, {}, {}, {}, {}, {}}).first->second;
        addCosts(rt.costs[s], c);
        rt.plannedVolume[s] += c.plannedVolume;
        rt.contractedVolume[s] += c.contractedVolume;
        rt.openVolume[s] += c.openVolume;
        rt.surplusVolume[s] += c.surplusVolume;
    }
    for (const auto& u : r.unallocated) {
        const std::size_t s = si(u.scenario);
        addUnallocated(
            r.byMonth[static_cast<std::size_t>(monthsBetween(r.firstMonth, u.month))].costs[s], u);
        addUnallocated(r.total[s], u);
        ResourceTotals& rt =
            byResource.try_emplace(u.resource, ResourceTotals{u.resource, {}, {}, {}, {}, {}})
                .first->second;
        addUnallocated(rt.costs[s], u);
        rt.contractedVolume[s] += u.volume;
        rt.surplusVolume[s] += u.volume;
    }
    r.byQuarter = groupPeriods(r.byMonth, quarterOf);
    r.byYear = groupPeriods(r.byMonth, yearOf);
    for (const Resource& res : allResources())
        if (const auto it = byResource.find(res); it != byResource.end())
            r.byResource.push_back(it->second);
    return r;
}

} // namespace ch::exposure
