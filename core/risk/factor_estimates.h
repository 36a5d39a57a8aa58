#pragma once

#include "domain/dates.h"
#include "domain/market.h"
#include "risk/factor_params.h"

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ch::risk {

// The "Model parameters" table of the Risk page and `computehedge-cli risk params`: for each
// factor, the parameters estimated from the workspace's daily history (estimation.h), the user's
// stored overrides, and the parameters a run uses (the estimate with the overrides on top).

//! Overrides per index id, as stored in the workspace (0004_risk.sql).
using OverrideMap = std::map<std::string, FactorParamOverrides, std::less<>>;

//! History used for the estimates: the same two years before the valuation date that the market
//! snapshot uses for vols and correlations (pricing::buildMarketSnapshot's default window), so
//! the risk parameters and the Market page describe the same period.
inline constexpr int kEstimationWindowDays = 730;

//! GPU rental indices move as mean-reverting jump processes, token list prices fall in steps.
FactorModel factorModelOf(IndexKind kind);

//! One factor's row of the parameter table.
struct FactorEstimate
{
    std::string indexId;
    std::string name;     //!< the index's name for people
    std::string resource; //!< GPU type or model tier ("H100", "FRONTIER")
    Unit unit = Unit::GpuHour;
    FactorModel model = FactorModel::MeanRevertingJump;
    Date from{}; //!< estimation window (inclusive)
    Date to{};
    //! The fit, or nullopt when the history is too short (see `problem`).
    std::optional<FactorParams> estimated;
    std::size_t observations = 0; //!< prices in the window
    std::size_t events = 0;       //!< jumps (GPU) or price cuts (tokens) found
    double years = 0.0;           //!< span of the history used
    FactorParamOverrides overrides;
    //! What a run uses: the estimate with the overrides on top; without an estimate, the
    //! overrides alone when they set every parameter the model uses. nullopt: unusable.
    std::optional<FactorParams> effective;
    //! Why there is no estimate, for people ("no estimate from ... (3 observations; ...)").
    std::string estimationProblem;
    //! Why `effective` is missing or needs attention, for people; empty when all is well.
    std::string problem;

    bool isOverridden() const { return !overrides.empty(); }
};

//! Estimates every index in `indexIds` from `market`'s history in [asOf − windowDays, asOf] and
//! applies `overrides`. An index the dataset does not define gets a row with only `problem` set.
//! An override that breaks validateFactorParams (negative volatility, kappa on a token tier, ...)
//! leaves `effective` empty with the check's message in `problem`.
std::vector<FactorEstimate> estimateFactors(const MarketDataSet& market,
                                            const std::vector<std::string>& indexIds,
                                            Date asOf,
                                            const OverrideMap& overrides,
                                            int windowDays = kEstimationWindowDays);

//! `row` with `overrides` in place of its own, and `effective` and `problem` worked out again as
//! estimateFactors does (the parameter table calls this after an edit).
FactorEstimate withNewOverrides(FactorEstimate row, const FactorParamOverrides& overrides);

//! Checks an override before it is stored: throws ch::Error naming the index and the field when
//! the override applied to `estimated` (or to zeros without an estimate) is not a valid parameter
//! set for `model` (validateFactorParams).
void validateOverride(const std::string& indexId,
                      FactorModel model,
                      const std::optional<FactorParams>& estimated,
                      const FactorParamOverrides& overrides);

} // namespace ch::risk
