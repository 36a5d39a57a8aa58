#include "storage/designation_draft.h"

#include "domain/error.h"
#include "domain/plan_text.h"
#include "storage/market_data_repository.h"
#include "storage/proposal_orders.h"
#include "storage/trading_repository.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace ch::storage {

namespace {

bool isHeldFuture(const hedging::ProposalLine& line)
{
    return line.instrument == hedging::HedgeInstrumentType::Future && line.contracts > 0;
}

//! "2026-12" or "2026-12..2027-03".
std::string monthRange(Month first, Month last)
{
    return first == last ? formatIsoMonth(first)
                         : formatIsoMonth(first) + ".." + formatIsoMonth(last);
}

Issue issue(std::string field, std::string message, Severity severity = Severity::Error)
{
    return Issue{"designation", 0, std::move(field), severity, std::move(message)};
}

bool isBlank(const std::string& text)
{
    return trimBlanks(text).empty();
}

} // namespace

std::vector<ProposalHedgeGroup> proposalHedgeGroups(const hedging::HedgeProposal& proposal)
{
    std::vector<ProposalHedgeGroup> out;
    int n = 0;
    for (const auto& line : proposal.lines) {
        ++n;
        if (!isHeldFuture(line))
            continue;
        auto g = std::find_if(out.begin(), out.end(), [&](const ProposalHedgeGroup& x) {
            return x.exposureIndexId == line.exposureIndexId && x.symbol == line.symbol;
        });
        if (g == out.end()) {
            out.push_back(ProposalHedgeGroup{
                line.exposureIndexId, line.symbol, line.resource, {}, line.month, line.month});
            g = out.end() - 1;
        }
        g->lineNumbers.push_back(n);
        g->firstMonth = std::min(g->firstMonth, line.month);
        g->lastMonth = std::max(g->lastMonth, line.month);
    }
    return out;
}

GroupExecution groupExecution(const hedging::HedgeProposal& proposal,
                              const ProposalHedgeGroup& group,
                              const std::vector<trading::Order>& orders,
                              const std::vector<std::string>& origins,
                              const std::vector<trading::Fill>& fills)
{
    require(orders.size() == origins.size(),
            "groupExecution: " + std::to_string(orders.size()) + " orders but "
                + std::to_string(origins.size()) + " origins");
    GroupExecution out;
    for (int n : group.lineNumbers)
        out.tradedContracts +=
            std::llabs(proposal.lines.at(static_cast<std::size_t>(n - 1)).tradeContracts);
    std::set<std::int64_t> ids;
    for (std::size_t i = 0; i < orders.size(); ++i) {
        // An order that nets several lines (one contract month hedging two exposures) counts for
        // every group it carries lines of.
        for (const int n : proposalLinesOfOrigin(origins[i], proposal.id))
            if (std::find(group.lineNumbers.begin(), group.lineNumbers.end(), n)
                != group.lineNumbers.end())
                ids.insert(orders[i].id().value);
    }
    out.orders = ids.size();
    for (const auto& f : fills)
        if (ids.contains(f.orderId.value)) {
            ++out.fills;
            out.filledContracts += std::llabs(f.quantity);
        }
    return out;
}

std::string nextDesignationReference(const std::vector<DesignatedHedge>& existing, int year)
{
    const std::string prefix = "HR-" + std::to_string(year) + "-";
    int highest = 0;
    for (const auto& h : existing) {
        const std::string& ref = h.designation.reference;
        if (ref.size() <= prefix.size() || ref.compare(0, prefix.size(), prefix) != 0)
            continue;
        int n = 0;
        const char* end = ref.data() + ref.size();
        const auto [ptr, ec] = std::from_chars(ref.data() + prefix.size(), end, n);
        if (ec == std::errc{} && ptr == end)
            highest = std::max(highest, n);
    }
    char number[16];
    std::snprintf(number, sizeof number, "%03d", highest + 1);
    return prefix + number;
}

DesignationDraft draftDesignation(const StoredProposal& stored,
                                  const std::string& exposureIndexId,
                                  const std::string& symbol,
                                  const ContractSpec& spec,
                                  const std::vector<DesignatedHedge>& existing,
                                  const GroupExecution& execution,
                                  const std::string& preparedBy,
                                  Date designationDate)
{
    const hedging::HedgeProposal& p = stored.proposal;
    require(stored.status == ProposalStatus::Submitted,
            "proposal " + p.id + " is a draft; submit it before designating a hedge from it");
    require(spec.symbol == symbol,
            "draftDesignation: contract spec " + spec.symbol + " given for " + symbol);
    const auto groups = proposalHedgeGroups(p);
    const auto g = std::find_if(groups.begin(), groups.end(), [&](const ProposalHedgeGroup& x) {
        return x.exposureIndexId == exposureIndexId && x.symbol == symbol;
    });
    require(g != groups.end(),
            "proposal " + p.id + " holds no " + symbol + " futures hedging " + exposureIndexId);

    DesignationDraft out;
    out.group = *g;
    out.execution = execution;
    ContractCount sum = 0;
    ContractCount lowest = 0;
    ContractCount highest = 0;
    double hedgedSum = 0.0;
    bool everyLineHasHedgedUnits = true;
    for (int n : g->lineNumbers) {
        const hedging::ProposalLine& line = p.lines.at(static_cast<std::size_t>(n - 1));
        const ContractCount c = line.contracts;
        lowest = sum == 0 ? c : std::min(lowest, c);
        highest = std::max(highest, c);
        sum += c;
        hedgedSum += line.hedgedUnits;
        everyLineHasHedgedUnits = everyLineHasHedgedUnits && line.hedgedUnits > 0.0;
    }
    const double months = static_cast<double>(g->lineNumbers.size());
    const double averageContracts = static_cast<double>(sum) / months;
    // The hedged item is the exposure the contracts hedge: contracts × units / h* as the
    // recommendation sized them (ProposalLine::hedgedUnits). A proposal stored before those were
    // recorded falls back to contracts × units, a 1:1 designation.
    const double units = everyLineHasHedgedUnits
                             ? hedgedSum / months
                             : averageContracts * static_cast<double>(spec.unitsPerContract);
    if (!everyLineHasHedgedUnits)
        out.warnings.push_back("proposal " + p.id
                               + " does not record the exposure its lines hedge (saved before "
                                 "schema 7): the hedged item is the contracts' own volume (1:1)");
    const ContractCount contracts = std::llround(averageContracts);
    const std::string range = monthRange(g->firstMonth, g->lastMonth);
    const char* unit = unitSymbol(spec.unit);

    DesignatedHedge& h = out.hedge;
    trading::HedgeDesignation& d = h.designation;
    const std::chrono::year_month_day ymd{designationDate};
    d.reference = nextDesignationReference(existing, static_cast<int>(ymd.year()));
    d.designationDate = designationDate;
    d.hedgedItem = "Forecast " + g->resource + " purchases " + range + ", "
                   + formatGrouped(std::round(units)) + " " + unit + " per month";
    d.hedgingInstrument = "Long " + symbol + " " + range + " futures, " + std::to_string(contracts)
                          + " contracts per delivery month";
    if (spec.underlyingIndex != exposureIndexId)
        d.hedgingInstrument += " (cross hedge: settles on " + spec.underlyingIndex + ")";
    d.riskHedged = "Variability of cash flows of forecast " + g->resource
                   + " purchases from changes in the " + exposureIndexId + " price index";
    d.hedgeRatio =
        static_cast<double>(contracts) * static_cast<double>(spec.unitsPerContract) / units;
    d.method = trading::EffectivenessMethod::DollarOffsetAndRegression;
    d.assessmentFrequency = "quarterly";
    d.preparedBy = preparedBy;
    h.hedgedIndex = exposureIndexId;
    h.instrumentSymbol = symbol;
    h.hedgedUnitsPerMonth = units;
    h.contractsPerMonth = contracts;

    if (lowest != highest)
        out.warnings.push_back("holdings vary from " + std::to_string(lowest) + " to "
                               + std::to_string(highest)
                               + " contracts per month; the designation uses their average");
    int options = 0;
    for (const auto& line : p.lines)
        if (line.exposureIndexId == exposureIndexId && line.symbol == symbol
            && line.instrument != hedging::HedgeInstrumentType::Future && line.contracts > 0)
            ++options;
    if (options > 0)
        out.warnings.push_back(std::to_string(options) + " option line(s) of proposal " + p.id
                               + " on " + symbol
                               + " are not designated: the effectiveness tests value futures");
    if (execution.fills == 0)
        out.warnings.push_back("no order of proposal " + p.id + " on " + symbol
                               + " has filled yet: the designation documents a hedge that is not "
                                 "executed");
    else if (execution.filledContracts < execution.tradedContracts)
        out.warnings.push_back("orders of proposal " + p.id + " on " + symbol + " filled "
                               + std::to_string(execution.filledContracts) + " of "
                               + std::to_string(execution.tradedContracts) + " contracts traded");
    return out;
}

DesignationDraft draftDesignation(Workspace& workspace,
                                  const StoredProposal& proposal,
                                  const std::string& exposureIndexId,
                                  const std::string& symbol,
                                  const std::string& preparedBy,
                                  Date designationDate)
{
    const auto contracts = MarketDataRepository(workspace).contracts();
    const auto spec = std::find_if(contracts.begin(), contracts.end(), [&](const ContractSpec& c) {
        return c.symbol == symbol;
    });
    require(spec != contracts.end(), "contract " + symbol + " does not exist in this workspace");
    GroupExecution execution;
    const auto groups = proposalHedgeGroups(proposal.proposal);
    const auto g = std::find_if(groups.begin(), groups.end(), [&](const ProposalHedgeGroup& x) {
        return x.exposureIndexId == exposureIndexId && x.symbol == symbol;
    });
    if (g != groups.end()) {
        const TradingRepository trading(workspace);
        const auto orders = trading.orders();
        std::vector<std::string> origins;
        origins.reserve(orders.size());
        for (const auto& o : orders)
            origins.push_back(trading.origin(o.id()));
        execution = groupExecution(proposal.proposal, *g, orders, origins, trading.fills());
    }
    return draftDesignation(proposal,
                            exposureIndexId,
                            symbol,
                            *spec,
                            DesignationRepository(workspace).designations(),
                            execution,
                            preparedBy,
                            designationDate);
}

std::vector<Issue> validateDesignation(const DesignatedHedge& hedge,
                                       const std::vector<DesignatedHedge>& existing,
                                       const MarketDataSet& market)
{
    std::vector<Issue> out;
    const trading::HedgeDesignation& d = hedge.designation;
    if (isBlank(d.reference))
        out.push_back(issue("reference", "a designation needs a reference, e.g. HR-2026-004"));
    else if (std::any_of(existing.begin(), existing.end(), [&](const DesignatedHedge& e) {
                 return e.designation.reference == d.reference;
             }))
        out.push_back(issue("reference", d.reference + " is already used by another designation"));
    const std::pair<const char*, const std::string*> texts[] = {
        {"hedged_item", &d.hedgedItem},
        {"hedging_instrument", &d.hedgingInstrument},
        {"risk_hedged", &d.riskHedged},
        {"assessment_frequency", &d.assessmentFrequency},
        {"prepared_by", &d.preparedBy}};
    for (const auto& [field, text] : texts)
        if (isBlank(*text))
            out.push_back(issue(field, "is empty; the designation memo must state it"));
    if (!std::isfinite(d.hedgeRatio) || d.hedgeRatio <= 0)
        out.push_back(issue("hedge_ratio", formatShortest(d.hedgeRatio) + " is not positive"));
    if (!market.findIndex(hedge.hedgedIndex))
        out.push_back(issue("hedged_index",
                            "\"" + hedge.hedgedIndex + "\" is not an index of this workspace"));
    const ContractSpec* spec = market.findContract(hedge.instrumentSymbol);
    if (!spec)
        out.push_back(
            issue("instrument_symbol",
                  "\"" + hedge.instrumentSymbol + "\" is not a contract of this workspace"));
    const bool unitsOk = std::isfinite(hedge.hedgedUnitsPerMonth) && hedge.hedgedUnitsPerMonth > 0;
    if (!unitsOk)
        out.push_back(issue("hedged_units_per_month",
                            formatShortest(hedge.hedgedUnitsPerMonth) + " is not positive"));
    if (hedge.contractsPerMonth <= 0)
        out.push_back(issue("contracts_per_month",
                            std::to_string(hedge.contractsPerMonth) + " is not positive"));
    if (spec && unitsOk && hedge.contractsPerMonth > 0 && d.hedgeRatio > 0) {
        // The tests value contractsPerMonth × units per contract against hedgedUnitsPerMonth; a
        // memo ratio that disagrees documents a different hedge from the one assessed.
        const double implied = static_cast<double>(hedge.contractsPerMonth)
                               * static_cast<double>(spec->unitsPerContract)
                               / hedge.hedgedUnitsPerMonth;
        if (std::abs(d.hedgeRatio - implied) > 0.01 * implied)
            out.push_back(issue("hedge_ratio",
                                formatGrouped(d.hedgeRatio)
                                    + " differs from contracts × units per contract / hedged "
                                      "units = "
                                    + formatGrouped(implied),
                                Severity::Warning));
    }
    return out;
}

} // namespace ch::storage
