#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/market.h"
#include "hedging/frontier.h"
#include "hedging/moments.h"
#include "hedging/optimiser.h"
#include "hedging/policy.h"
#include "hedging/positions.h"
#include "hedging/ratio.h"
#include "pricing/market_snapshot.h"
#include "risk/risk_inputs.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ch::hedging {

// The hedge recommendation (docs/hedging.md §5): per delivery month × exposure index (a plan
// resource priced on one index), what to hold, in whole contracts, what it costs and what risk
// it removes. Every figure is analytics (double USD); a proposal becomes Money only when booked.

enum class RecommendationMode : std::uint8_t {
    MinimumVariance, //!< the optimiser: least hedged-cost variance within the bands and limits
    PolicyTarget     //!< the policy target ratio of every month, rounded, within the limits
};
const char* recommendationModeCode(RecommendationMode m); //!< "minimum_variance", "policy_target"
std::optional<RecommendationMode> parseRecommendationMode(std::string_view code);

//! Everything a recommendation needs, as values. `risk` holds the exposure (cells at low, base and
//! high volume with their basis), every factor's forwards and model, and must include a factor for
//! each chosen contract's index (a cross hedge on CHG.H100 needs GPU.H100.NC even without
//! exposure on it). `choices` come from chooseHedgeContract, one per exposure index to hedge.
//! `optionVols` give the annualised daily-index vol of each contract index options are priced on.
//! `risk.instruments` are ignored here (see hedge_risk.h for Cost-at-Risk).
struct RecommendationInputs
{
    HedgePolicy policy;
    Date valuationDate{};
    risk::RiskInputs risk;
    std::vector<ContractSpec> contracts;
    std::vector<HedgeChoice> choices;
    std::vector<pricing::VolEstimate> optionVols;
    std::vector<ExistingPosition> positions;
    double rateAnnual = 0.0; //!< discounting of option premiums, continuous
    RecommendationMode mode = RecommendationMode::MinimumVariance;
};

//! What a number of contracts of a line's instrument costs. Premium: paid now (a collar's net,
//! negative when the put is worth more). Fees: the contract's fee per side for each leg (held to
//! cash settlement, so one side). Initial margin: the contract's initial-margin fraction × notional
//! for futures and for the short put of a collar (a long call needs no margin); capital posted,
//! returned at settlement, not a cost.
struct HedgeCosts
{
    double premiumUsd = 0.0;
    double feesUsd = 0.0;
    double notionalUsd = 0.0; //!< contracts × units × forward
    double initialMarginUsd = 0.0;

    friend bool operator==(const HedgeCosts&, const HedgeCosts&) = default;
};

//! One delivery month of one exposure index. Units: volumes in the exposure's unit, prices in USD
//! per unit, ratios as fractions of the exposure (0.75 = 75%).
struct RecommendationLine
{
    Month month{};
    int monthOffset = 0; //!< from RiskInputs::firstMonth
    int tenorMonths = 0; //!< months after the valuation month
    std::optional<std::size_t> bucket;
    std::size_t factor = 0; //!< the exposure's risk factor
    std::string resource;
    std::string exposureIndexId;
    Unit unit = Unit::GpuHour;
    double exposureUnits = 0.0; //!< open volume in the policy's scenario
    double exposureUsd = 0.0;   //!< at forward × basis (+ spread)
    double priceUsd = 0.0;      //!< exposureUsd / exposureUnits
    double minRatio = 0.0;
    double targetRatio = 0.0;
    double maxRatio = 0.0;
    double targetUnits = 0.0; //!< target ratio × exposure

    std::optional<HedgeInstrumentType> instrument; //!< none: not hedged (see the issues)
    std::string symbol;
    std::size_t contractFactor = 0;
    bool crossHedge = false;
    double beta = 0.0;       //!< ρ·σ_S/σ_F (ratio.h)
    double hedgeRatio = 0.0; //!< h*: contract units per exposure unit
    double rSquared = 0.0;
    double basisVolAnnual = 0.0;
    double unitsPerContract = 0.0;
    double forwardUsd = 0.0; //!< the contract's forward for the month
    double callStrikeUsd = 0.0;
    double putStrikeUsd = 0.0;
    double callPremiumUsd = 0.0; //!< per unit
    double putPremiumUsd = 0.0;  //!< per unit
    double initialMarginFraction = 0.0;
    double feePerSideUsd = 0.0;
    std::optional<std::size_t> candidate; //!< index into the moments' candidates

    ContractBounds bounds;               //!< whole counts the band and contract limit allow
    ContractCount targetContracts = 0;   //!< the policy target, rounded with the policy's rounding
    double optimalContracts = 0.0;       //!< the relaxed optimum the count was rounded from
    ContractCount contracts = 0;         //!< recommended holding
    ContractCount existingContracts = 0; //!< held now in the same instrument
    double existingOtherUnits = 0.0;     //!< exposure units hedged by other held instruments
    ContractCount tradeContracts = 0;    //!< contracts − existingContracts
    double hedgedUnits = 0.0;            //!< contracts × units / h* + existingOtherUnits
    double hedgedRatio = 0.0;            //!< hedgedUnits / exposureUnits
    double roundingResidualUnits = 0.0;  //!< (optimal − contracts) × units / h*
    double roundingResidualRatio = 0.0;  //!< roundingResidualUnits / exposureUnits
    HedgeCosts costs;
    //! Stand-alone Cost-at-Risk of this line's cost at 95%, normal approximation from the
    //! moments (z₀.₉₅ × sd), before and after its own hedge. Lines do not add up (diversification).
    double car95BeforeUsd = 0.0;
    double car95AfterUsd = 0.0;
};

struct RecommendationSummary
{
    double exposureUsd = 0.0;
    double hedgedRatio = 0.0; //!< Σ hedgedRatio × exposureUsd / Σ exposureUsd
    ContractCount contracts = 0;
    ContractCount tradeContracts = 0;
    HedgeCosts costs;
    double expectedPayoffUsd = 0.0; //!< model E[Σ n P], net of premium (≈ −premium + fair value)
    double sdBeforeUsd = 0.0;       //!< of the horizon cost, from the moments
    double sdAfterUsd = 0.0;
    double car95BeforeUsd = 0.0; //!< z × sd (normal approximation; see hedge_risk.h for MC)
    double car95AfterUsd = 0.0;
    double car99BeforeUsd = 0.0;
    double car99AfterUsd = 0.0;
};

struct HedgeRecommendation
{
    std::string policyId;
    int policyVersion = 0;
    Date valuationDate{};
    RecommendationMode mode = RecommendationMode::MinimumVariance;
    std::vector<RecommendationLine> lines;
    HedgeMoments moments;
    std::vector<LinearLimit> limits;
    RecommendationSummary summary;
    HedgeFrontier frontier;
    std::vector<Issue> issues;
    int optimiserIterations = 0;
};

//! Builds the book of candidates from the policy and choices, computes the moments, optimises (or
//! takes the policy target), and reports lines, summary, frontier and issues. Problems that
//! leave a line unhedged are Issues (no instrument for the resource, no chosen contract, contract
//! not listed that far out, missing vol for an option); so are existing positions outside the
//! bands (source "positions"). A policy with errors gives no lines, only its issues.
HedgeRecommendation recommendHedge(const RecommendationInputs& inputs);

//! A user's change to one line: its instrument (optional) and its contract count.
struct LineEdit
{
    std::size_t line = 0;
    std::optional<HedgeInstrumentType> instrument;
    ContractCount contracts = 0;
};

//! The recommendation with the edits applied and everything recomputed (a pure function): the
//! moments for changed instruments, costs, risk figures, frontier. Counts outside a band, a limit
//! or the budget are kept (the user decided) and reported as errors (source "edit"). Requires the
//! same inputs that built `base` (ch::Error for an edit naming an unknown line or a negative
//! count).
HedgeRecommendation applyEdits(const RecommendationInputs& inputs,
                               const HedgeRecommendation& base,
                               const std::vector<LineEdit>& edits);

//! The costs of `contracts` contracts of the line's instrument (zero for an unhedged line).
HedgeCosts costsOf(const RecommendationLine& line, ContractCount contracts);

} // namespace ch::hedging
