#pragma once

#include "domain/dates.h"
#include "domain/market.h"
#include "risk/risk_inputs.h"

#include <string>
#include <vector>

namespace ch::risk {

// Deterministic stress tests on the forward curves: each scenario multiplies every factor's
// forward for every month by (1 + shock), and the cost, the hedge payoff and the hedged cost are
// re-evaluated at base volumes and the shocked forwards (options at intrinsic value). No
// simulation: a stress answers "what if exactly this happens", CaR answers "how bad, how often".

//! Relative shocks per factor and month: shocked forward = forward × (1 + shock[f][m]).
struct StressScenario
{
    std::string name;
    std::string description;
    std::vector<std::vector<double>> shock; //!< factors × horizon months, each > −1

    friend bool operator==(const StressScenario&, const StressScenario&) = default;
};

//! One user-defined shock: `relative` on factor `factor` from month offset `firstMonth` to
//! `lastMonth` inclusive. Shocks on the same factor and month compound: (1 + a)(1 + b) − 1.
struct FactorShock
{
    std::size_t factor = 0;
    int firstMonth = 0;
    int lastMonth = 0;
    double relative = 0.0;
};

StressScenario
userScenario(const RiskInputs& in, const std::string& name, const std::vector<FactorShock>& shocks);

//! Preset "GPU shortage": every MeanRevertingJump (GPU) factor rises by `rise`, reached linearly
//! over the first `rampMonths` months and held for the rest of the horizon.
StressScenario gpuShortageScenario(const RiskInputs& in, double rise = 0.40, int rampMonths = 3);
//! Preset "Frontier model release": every TokenCuts factor falls by `cut` at once.
StressScenario frontierReleaseScenario(const RiskInputs& in, double cut = -0.50);
//! Preset "New GPU generation": GPU factors whose resource is in `olderResources` fall by `cut`.
StressScenario newGpuGenerationScenario(const RiskInputs& in,
                                        double cut = -0.30,
                                        const std::vector<std::string>& olderResources = {
                                            "A100", "H100", "L40S"});
//! The three presets above with their default sizes.
std::vector<StressScenario> presetScenarios(const RiskInputs& in);

//! The largest rise or fall of one index over a window of `months` months (window end = the last
//! point on or before start + months × 30.4375 days), as a log move with its dates.
struct HistoricalMove
{
    std::string indexId;
    int months = 0;
    double logMove = 0.0;
    Date from{};
    Date to{};
    bool found = false; //!< false when the history is shorter than the window
};
HistoricalMove largestHistoricalMove(const PriceSeries& series, int months, bool rise);

//! Historical replay: each factor with a move in `moves` (matched by index id) gets that move,
//! unfolding linearly in log terms over `months` months and held afterwards; factors without a
//! move are unshocked. Each index uses its own worst window (they need not coincide in time,
//! which makes the scenario conservative).
StressScenario historicalReplayScenario(const RiskInputs& in,
                                        const std::vector<HistoricalMove>& moves,
                                        int months,
                                        const std::string& name);
//! Worst 1-, 3- and 6-month rises and falls of every factor's history: six scenarios.
std::vector<StressScenario> historicalScenarios(const RiskInputs& in,
                                                const std::vector<PriceSeries>& history);

struct StressResult
{
    std::string name;
    double baseCostUsd = 0.0;
    double stressedCostUsd = 0.0;
    double baseHedgedCostUsd = 0.0; //!< cost − hedge payoff
    double stressedHedgedCostUsd = 0.0;
    std::vector<double> monthlyDeltaUsd;       //!< stressed − base cost per month
    std::vector<double> monthlyHedgedDeltaUsd; //!< the same for the hedged cost
    std::vector<double> factorDeltaUsd;        //!< unhedged cost change per factor

    double deltaUsd() const { return stressedCostUsd - baseCostUsd; }
    double hedgedDeltaUsd() const { return stressedHedgedCostUsd - baseHedgedCostUsd; }
};

//! Throws ch::Error when the scenario's shape does not match the inputs or a shock is <= −1.
StressResult runStress(const RiskInputs& in, const StressScenario& scenario);
std::vector<StressResult> runStresses(const RiskInputs& in,
                                      const std::vector<StressScenario>& scenarios);

} // namespace ch::risk
