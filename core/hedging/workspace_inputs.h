#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/market.h"
#include "domain/plan.h"
#include "exposure/basis.h"
#include "hedging/policy.h"
#include "hedging/positions.h"
#include "hedging/ratio.h"
#include "hedging/recommendation.h"
#include "risk/inputs_builder.h"

#include <optional>
#include <string>
#include <vector>

namespace ch::hedging {

// The adapter from a workspace's contents (risk::RiskSources: plan, bills, market, snapshot,
// overrides, held hedges) to RecommendationInputs (docs/hedging.md, "Using it"). The GUI's Hedge
// page, `computehedge-cli hedge` and bench/hedging_bench all build their inputs here, so they
// recommend the same thing from the same workspace.
//
// Steps: (1) every index the plan prices on is an exposure; (2) its hedge contract is chosen
// among the contracts the policy allows for its resource (chooseHedgeContract) from the history
// up to the valuation date — from the company's paid prices when the line's bills measure a basis
// over enough months, else from the index; (3) the risk inputs are built by the risk adapter with
// uncertain volumes (Beta-PERT between low and high; the recommendation sizes on the policy's
// scenario, the Monte Carlo keeps the volume risk), carrying every chosen contract's index as a
// factor even without exposure on it (a cross hedge on CHG.H100 needs GPU.H100.NC); (4) option
// vols are the snapshot's daily-index vols.

//! A USD discount rate for option premiums, continuously compounded. An assumption, not market
//! data: the reference dataset has no rates; premiums move by about rT (4% × 1 year = 4%).
inline constexpr double kDefaultRateAnnual = 0.04;

struct HedgeBuildOptions
{
    int windowDays = 730; //!< history behind h*: the two years the snapshot's statistics use
    Sampling sampling = Sampling::Weekly;
    bool usePaidPrices = true; //!< regress the company's paid prices where bills measure a basis
    double rateAnnual = kDefaultRateAnnual;
    RecommendationMode mode = RecommendationMode::MinimumVariance;
    risk::DemandModel demand;
};

//! The window of ratio estimates: [valuation − windowDays, valuation].
RatioWindow ratioWindowFor(Date valuationDate, const HedgeBuildOptions& options);

//! Each series of the market cut at the valuation date (no look-ahead).
std::vector<PriceSeries> historyUpTo(const MarketDataSet& market, Date valuationDate);

//! The paid-price series of an exposure index: of the plan lines priced on `indexId` with measured
//! basis, the one with the most months of bills. nullopt when no line has bills.
std::optional<std::vector<MonthlyPrice>>
paidPricesFor(const Plan& plan, const exposure::BasisReport& basis, const std::string& indexId);

//! The paid prices h* of `indexId` is regressed on (paidPricesFor over the bills of the plan),
//! when options.usePaidPrices and there are enough months for window.minObservations monthly
//! returns; with too few months, nullopt and a warning (source "hedge ratio") saying so.
std::optional<std::vector<MonthlyPrice>> paidPricesForRatio(const risk::RiskSources& sources,
                                                            const std::string& indexId,
                                                            const HedgeBuildOptions& options,
                                                            std::vector<Issue>& issues);

//! One exposure index of the plan and how its hedge contract was chosen.
struct ExposureChoice
{
    std::string indexId;
    std::string resource; //!< IndexDefinition::resource, the policy's rule key
    Unit unit = Unit::GpuHour;
    std::size_t paidMonths = 0; //!< months of paid prices regressed (0: the index was used)
    std::optional<HedgeChoice> choice;
};

//! The exposure indices of the plan (plan order) with their chosen contracts. Issues: source
//! "hedge ratio" from chooseHedgeContract (R² below 0.8, no contract), a warning when bills exist
//! but are too few to regress, and an error for an index missing from the market.
std::vector<ExposureChoice> chooseContracts(const risk::RiskSources& sources,
                                            const HedgePolicy& policy,
                                            const HedgeBuildOptions& options,
                                            std::vector<Issue>& issues);

//! Everything a recommendation and its Monte Carlo need. `inputs.risk.instruments` holds the
//! current book (the held positions), which evaluateHedgeRisk treats as "current".
struct BuiltHedgeInputs
{
    RecommendationInputs inputs;
    std::vector<ExposureChoice> exposures;
    risk::BuiltRiskInputs risk; //!< the risk adapter's result (factors, budget, forward cost)
    std::vector<Issue> issues;  //!< any error means `inputs` must not be used

    bool ok() const;
};

//! Sets RecommendationLine::unit of every line from the exposure's index definition.
//! recommendHedge and applyEdits see only risk factors, which carry no unit, and leave the
//! default (GPU-hours); call this on their result before showing volumes. Lines of an index not
//! in `exposures` keep their unit.
void assignLineUnits(HedgeRecommendation& rec, const std::vector<ExposureChoice>& exposures);

BuiltHedgeInputs buildHedgeInputs(const risk::RiskSources& sources,
                                  const HedgePolicy& policy,
                                  const std::vector<ExistingPosition>& positions,
                                  const HedgeBuildOptions& options = {});

} // namespace ch::hedging
