#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/market.h"
#include "domain/plan.h"
#include "domain/plan_records.h"
#include "pricing/market_snapshot.h"
#include "risk/factor_estimates.h"
#include "risk/risk_inputs.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ch::risk {

// The adapter from the workspace's plan, records and market to the risk engine's plain inputs
// (risk_inputs.h). Formulas in docs/risk.md, "Using it":
//   open volume of a cell   = max(planned − contracted, 0) per scenario (exposure::computeExposure)
//   price multiplier        = the line's measured basis mean (1 without bills)
//   contracted cost         = Σ contracted volume × its contract's fixed price (deterministic)
//   unallocated capacity    = paid for, covers nothing: a deterministic cost on its index
// so that at base volumes and forward prices the run's cost equals the Exposure page's total.

//! Which volumes the run simulates.
enum class VolumeMode : unsigned char {
    Uncertain, //!< Beta-PERT between the plan's low and high with the base as mode
    Low,       //!< held at the plan's low scenario (price risk only)
    Base,
    High
};
const char* volumeModeCode(VolumeMode m); //!< "uncertain", "low", "base", "high"
std::optional<VolumeMode> parseVolumeMode(std::string_view code);

//! A hedge the book holds (a trading position or a saved proposal line), by index and month.
//! Futures: strike = trade price; options: strike and premium per unit. Contracts signed.
struct HeldInstrument
{
    InstrumentKind kind = InstrumentKind::Future;
    std::string indexId; //!< the contract's underlying index
    Month month{};       //!< delivery month
    double strikeUsd = 0.0;
    double unitsPerContract = 0.0;
    double contracts = 0.0;
    double premiumUsd = 0.0;
    std::string label; //!< "CHG.H100 2027-01 long 12"

    friend bool operator==(const HeldInstrument&, const HeldInstrument&) = default;
};

//! Everything the adapter reads, as values (a worker thread can own a copy).
struct RiskSources
{
    Plan plan;
    std::vector<ContractedCapacity> contracts;
    std::vector<ActualBill> actuals;
    std::vector<BudgetEntry> budget;
    MarketDataSet market;
    pricing::MarketSnapshot snapshot; //!< built from `market` as of its valuation date
    OverrideMap overrides;
    std::vector<HeldInstrument> instruments;
};

struct RiskBuildOptions
{
    int horizonMonths = 0; //!< 0: the whole plan; otherwise 1..plan months from its first month
    VolumeMode volumes = VolumeMode::Uncertain;
    DemandModel demand;
    //! Indices to carry as factors without exposure (a cross hedge's contract index); indices of
    //! held instruments are added automatically.
    std::vector<std::string> extraIndexIds;
    int estimationWindowDays = kEstimationWindowDays;
};

//! The inputs of one run and what the page shows next to them.
struct BuiltRiskInputs
{
    RiskInputs inputs;
    std::vector<FactorEstimate> factors;          //!< one per inputs.factors, same order
    std::vector<std::optional<double>> budgetUsd; //!< per horizon month; nullopt: no budget set
    //! Per horizon month: the cost at forward prices and the volumes of the mode's scenario (base
    //! for uncertain volumes), contracted capacity included: the Exposure page's total.
    std::vector<double> forwardCostUsd;
    std::vector<Issue> issues; //!< source "risk"; any error means `inputs` must not be run
    std::string digest;        //!< riskInputsDigest(inputs), empty when there are errors

    bool ok() const;
};

//! Builds the engine's inputs: one factor per index the plan's lines price on (in plan order),
//! then the extra and instrument indices; the correlation sub-matrix of the snapshot; one cell per
//! line and month with volume or contracted capacity; the held instruments inside the horizon.
//! Problems are Issues, never exceptions: no plan, an index without a curve or history, a factor
//! without usable parameters, exposure input errors (errors); instruments outside the horizon or
//! on an unknown index (warnings, left out).
BuiltRiskInputs buildRiskInputs(const RiskSources& sources, const RiskBuildOptions& options);

//! The daily history of each factor up to the valuation date, for the historical stress replay.
std::vector<PriceSeries> factorHistory(const RiskSources& sources, const RiskInputs& inputs);

} // namespace ch::risk
