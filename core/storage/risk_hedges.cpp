// Hedges for the risk run (positions held, a proposal's trades), the risk sources of a workspace,
// and the demo workspace's risk step.

#include "domain/error.h"
#include "domain/plan.h"
#include "storage/conversions.h"
#include "storage/hedge_repository.h"
#include "storage/market_data_repository.h"
#include "storage/plan_repository.h"
#include "storage/risk_repository.h"
#include "storage/trading_repository.h"

#include <algorithm>

namespace ch::storage {

namespace {

const ContractSpec* findSpec(const std::vector<ContractSpec>& specs, const std::string& symbol)
{
    const auto it = std::find_if(
        specs.begin(), specs.end(), [&](const ContractSpec& c) { return c.symbol == symbol; });
    return it == specs.end() ? nullptr : &*it;
}

std::string signedCount(std::int64_t n)
{
    return (n > 0 ? "+" : "") + std::to_string(n);
}

} // namespace

std::string hedgeSourceLabel(const std::optional<std::string>& proposalId)
{
    return proposalId ? "positions held + trades of proposal " + *proposalId : "positions held";
}

HeldHedges loadHeldHedges(Workspace& workspace)
{
    HeldHedges out;
    const std::vector<ContractSpec> contracts = MarketDataRepository(workspace).contracts();
    for (const trading::Position& p : TradingRepository(workspace).positions()) {
        if (p.settled || p.netQty == 0)
            continue;
        const std::string label = p.symbol + " " + formatIsoMonth(p.deliveryMonth) + " "
                                  + (p.netQty > 0 ? "long " : "short ")
                                  + std::to_string(p.netQty > 0 ? p.netQty : -p.netQty);
        const ContractSpec* spec = findSpec(contracts, p.symbol);
        if (spec == nullptr) {
            out.issues.push_back(Issue{"positions",
                                       0,
                                       "symbol",
                                       Severity::Warning,
                                       label + ": the workspace has no contract " + p.symbol
                                           + "; the position is left out of the risk run"});
            continue;
        }
        risk::HeldInstrument h;
        h.kind = risk::InstrumentKind::Future;
        h.indexId = spec->underlyingIndex;
        h.month = p.deliveryMonth;
        h.strikeUsd = microsToUsd(p.averagePriceMicros());
        h.unitsPerContract = static_cast<double>(p.unitsPerContract);
        h.contracts = static_cast<double>(p.netQty);
        h.label = label;
        out.instruments.push_back(std::move(h));
    }
    return out;
}

HeldHedges loadProposalTrades(Workspace& workspace, const std::string& proposalId)
{
    const std::optional<StoredProposal> stored = HedgeRepository(workspace).proposal(proposalId);
    require(stored.has_value(), "hedge proposal \"" + proposalId + "\" does not exist");
    const std::vector<ContractSpec> contracts = MarketDataRepository(workspace).contracts();
    HeldHedges out;
    for (const hedging::ProposalLine& line : stored->proposal.lines) {
        if (line.tradeContracts == 0)
            continue;
        const std::string what = proposalId + " " + line.symbol + " " + formatIsoMonth(line.month);
        const ContractSpec* spec = findSpec(contracts, line.symbol);
        if (spec == nullptr) {
            out.issues.push_back(Issue{"proposal",
                                       0,
                                       "symbol",
                                       Severity::Warning,
                                       what + ": the workspace has no contract " + line.symbol
                                           + "; the trade is left out of the risk run"});
            continue;
        }
        const double units = static_cast<double>(spec->unitsPerContract);
        // The stored premium is for the whole holding, net: its rate per unit.
        const double premiumPerUnit =
            line.contracts != 0 ? line.premiumUsd / (static_cast<double>(line.contracts) * units)
                                : 0.0;
        risk::HeldInstrument h;
        h.indexId = spec->underlyingIndex;
        h.month = line.month;
        h.unitsPerContract = units;
        h.contracts = static_cast<double>(line.tradeContracts);
        switch (line.instrument) {
        case hedging::HedgeInstrumentType::Future:
            h.kind = risk::InstrumentKind::Future;
            h.strikeUsd = line.forwardUsd;
            h.label = what + " future " + signedCount(line.tradeContracts);
            out.instruments.push_back(h);
            break;
        case hedging::HedgeInstrumentType::Call:
        case hedging::HedgeInstrumentType::Collar: {
            const bool collar = line.instrument == hedging::HedgeInstrumentType::Collar;
            h.kind = risk::InstrumentKind::Call;
            h.strikeUsd = line.callStrikeUsd;
            h.premiumUsd = std::max(premiumPerUnit, 0.0);
            h.label = what + " call " + signedCount(line.tradeContracts);
            out.instruments.push_back(h);
            if (collar) {
                // Short put: with negative contracts its premium is received.
                h.kind = risk::InstrumentKind::Put;
                h.strikeUsd = line.putStrikeUsd;
                h.premiumUsd = std::max(-premiumPerUnit, 0.0);
                h.contracts = -h.contracts;
                h.label = what + " put " + signedCount(-line.tradeContracts);
                out.instruments.push_back(h);
            }
            break;
        }
        }
    }
    return out;
}

risk::RiskSources loadRiskSources(Workspace& workspace,
                                  const MarketDataSet& market,
                                  const pricing::MarketSnapshot& snapshot,
                                  std::vector<Issue>& issues,
                                  const std::optional<std::string>& proposalId)
{
    risk::RiskSources s;
    PlanBook book = PlanRepository(workspace).load();
    s.plan = std::move(book.plan);
    s.contracts = std::move(book.contracts);
    s.actuals = std::move(book.actuals);
    s.budget = std::move(book.budget);
    s.market = market;
    s.snapshot = snapshot;
    s.overrides = RiskRepository(workspace).overrides();
    for (HeldHedges held :
         {loadHeldHedges(workspace),
          proposalId ? loadProposalTrades(workspace, *proposalId) : HeldHedges{}}) {
        for (risk::HeldInstrument& h : held.instruments)
            s.instruments.push_back(std::move(h));
        for (Issue& i : held.issues)
            issues.push_back(std::move(i));
    }
    return s;
}

void seedDemoRisk(Workspace& workspace, const MarketDataSet& market)
{
    // A winter capacity squeeze: the plan's second to fourth months, H100 and B200 scarce.
    const Month first = addMonths(firstPlanMonth(market.info.valuationDate), 1);
    const Month last = addMonths(first, 2);
    RiskRepository(workspace).saveUserScenario(risk::UserScenarioSpec{
        "Winter capacity squeeze",
        {{"GPU.H100.NC", first, last, 0.25}, {"GPU.B200.NC", first, last, 0.15}}});
}

} // namespace ch::storage
