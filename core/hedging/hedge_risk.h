#pragma once

#include "hedging/recommendation.h"
#include "risk/cost_at_risk.h"
#include "risk/risk_inputs.h"
#include "risk/run_control.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ch::hedging {

// Cost-at-Risk before and after a recommendation, from the risk engine's Monte Carlo
// (risk::runCostAtRisk), rather than the normal approximation the optimiser works with.
//
// "Current" is the book in RiskInputs::instruments (the existing positions, as the risk adapter
// built them); "proposed" adds the recommended trades (contracts − existing) on top. Both runs use
// the same seed, so the paths are the same and the difference is the hedge, not noise (common
// random numbers). Unhedged figures come from the runs' unhedged side.

//! The trades of a recommendation as risk-engine instruments: one per hedged line with a
//! non-zero trade (two for a collar: a call and a short put), at the line's forward (futures) or
//! strikes and premiums (options), on the contract's factor and month.
std::vector<risk::HedgeInstrument> tradeInstruments(const HedgeRecommendation& rec);

//! The recommended holdings (not trades) as instruments, for a risk run without existing hedges.
std::vector<risk::HedgeInstrument> holdingInstruments(const HedgeRecommendation& rec);

struct MonthRisk
{
    Month month{};
    double unhedgedCar95Usd = 0.0;
    double currentCar95Usd = 0.0;
    double proposedCar95Usd = 0.0;
};

struct HedgeRiskReport
{
    bool cancelled = false;
    std::uint64_t seed = 0;
    std::size_t paths = 0;
    risk::DistributionSummary unhedged; //!< horizon total
    risk::DistributionSummary current;
    risk::DistributionSummary proposed;
    std::vector<MonthRisk> months;
    std::vector<risk::FactorContribution> contributions; //!< of the proposed run
};

//! Runs the Monte Carlo once with the current book and once with the trades added (once only
//! when there is no current book). Progress runs 0..total over both runs. Throws what
//! runCostAtRisk throws; a cancelled run returns `cancelled` and no figures.
HedgeRiskReport evaluateHedgeRisk(const risk::RiskInputs& inputs,
                                  const HedgeRecommendation& rec,
                                  const risk::McConfig& config,
                                  const risk::RunControl& control = {});

} // namespace ch::hedging
