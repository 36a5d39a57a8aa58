#include "hedging/hedge_risk.h"

#include "domain/error.h"

#include <string>

namespace ch::hedging {

namespace {

std::string instrumentLabel(const RecommendationLine& line, const char* leg, ContractCount n)
{
    return line.symbol + " " + formatIsoMonth(line.month) + " " + leg + " " + (n > 0 ? "+" : "")
           + std::to_string(n);
}

void appendLine(std::vector<risk::HedgeInstrument>& out,
                const RecommendationLine& line,
                ContractCount n)
{
    if (!line.instrument || n == 0)
        return;
    risk::HedgeInstrument h;
    h.factor = line.contractFactor;
    h.monthOffset = line.monthOffset;
    h.unitsPerContract = line.unitsPerContract;
    h.contracts = static_cast<double>(n);
    switch (*line.instrument) {
    case HedgeInstrumentType::Future:
        h.kind = risk::InstrumentKind::Future;
        h.strikeUsd = line.forwardUsd;
        h.label = instrumentLabel(line, "future", n);
        out.push_back(h);
        break;
    case HedgeInstrumentType::Call:
    case HedgeInstrumentType::Collar:
        h.kind = risk::InstrumentKind::Call;
        h.strikeUsd = line.callStrikeUsd;
        h.premiumUsd = line.callPremiumUsd;
        h.label = instrumentLabel(line, "call", n);
        out.push_back(h);
        if (*line.instrument == HedgeInstrumentType::Collar) {
            h.kind = risk::InstrumentKind::Put;
            h.strikeUsd = line.putStrikeUsd;
            h.premiumUsd = line.putPremiumUsd;
            h.contracts = -static_cast<double>(n);
            h.label = instrumentLabel(line, "put", -n);
            out.push_back(h);
        }
        break;
    }
}

std::vector<MonthRisk> monthsOf(const risk::CostAtRiskReport& current,
                                const risk::CostAtRiskReport& proposed)
{
    std::vector<MonthRisk> out;
    for (std::size_t m = 0; m < proposed.months.size(); ++m) {
        MonthRisk r;
        r.month = proposed.months[m].first;
        r.unhedgedCar95Usd = proposed.months[m].unhedged.car95.value;
        r.currentCar95Usd = current.months[m].hedged.car95.value;
        r.proposedCar95Usd = proposed.months[m].hedged.car95.value;
        out.push_back(r);
    }
    return out;
}

} // namespace

std::vector<risk::HedgeInstrument> tradeInstruments(const HedgeRecommendation& rec)
{
    std::vector<risk::HedgeInstrument> out;
    for (const RecommendationLine& line : rec.lines)
        appendLine(out, line, line.tradeContracts);
    return out;
}

std::vector<risk::HedgeInstrument> holdingInstruments(const HedgeRecommendation& rec)
{
    std::vector<risk::HedgeInstrument> out;
    for (const RecommendationLine& line : rec.lines)
        appendLine(out, line, line.contracts);
    return out;
}

HedgeRiskReport evaluateHedgeRisk(const risk::RiskInputs& inputs,
                                  const HedgeRecommendation& rec,
                                  const risk::McConfig& config,
                                  const risk::RunControl& control)
{
    HedgeRiskReport out;
    out.seed = config.seed;
    out.paths = config.paths;
    const bool hasCurrent = !inputs.instruments.empty();
    const int runs = hasCurrent ? 2 : 1;
    const auto stage = [&](int index) {
        risk::RunControl c;
        c.stopRequested = control.stopRequested;
        if (control.progress)
            c.progress = [&control, index, runs](std::size_t done, std::size_t total) {
                control.progress(static_cast<std::size_t>(index) * total + done,
                                 static_cast<std::size_t>(runs) * total);
            };
        return c;
    };

    std::optional<risk::CostAtRiskReport> current;
    if (hasCurrent) {
        const risk::CostAtRisk run = risk::runCostAtRisk(inputs, config, stage(0));
        if (run.cancelled || !run.report) {
            out.cancelled = true;
            return out;
        }
        current = *run.report;
    }
    risk::RiskInputs proposedInputs = inputs;
    for (risk::HedgeInstrument& h : tradeInstruments(rec))
        proposedInputs.instruments.push_back(std::move(h));
    const risk::CostAtRisk run = risk::runCostAtRisk(proposedInputs, config, stage(runs - 1));
    if (run.cancelled || !run.report) {
        out.cancelled = true;
        return out;
    }
    const risk::CostAtRiskReport& proposed = *run.report;
    // Same seed and paths: the unhedged side of both runs is identical.
    out.unhedged = proposed.horizon.unhedged;
    out.current = current ? current->horizon.hedged : proposed.horizon.unhedged;
    out.proposed = proposed.horizon.hedged;
    out.months = monthsOf(current ? *current : proposed, proposed);
    if (!current)
        for (MonthRisk& m : out.months)
            m.currentCar95Usd = m.unhedgedCar95Usd;
    out.contributions = proposed.contributions;
    return out;
}

} // namespace ch::hedging
