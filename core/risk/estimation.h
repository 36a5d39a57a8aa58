#pragma once

#include "domain/dates.h"
#include "domain/market.h"
#include "risk/factor_params.h"

#include <cstddef>
#include <vector>

namespace ch::risk {

// Parameter estimation from daily history, for the parameter table (estimates shown next to the
// user's overrides). Time is measured on an ACT/365 basis between the observation dates, so a
// calendar-day series and a business-day series give the same annualised parameters up to the
// weekend effect (docs/risk.md §5).

struct MrJumpFitOptions
{
    double thresholdSigmas = 4.0; //!< a residual beyond k residual sds is a jump
    int maxIterations = 50;
};

//! Mean-reverting jump fit of a GPU index. Model: x = ln price, x_{i+1} = c0 + c1·t_i + b·x_i +
//! ε_i (+ J_i on jump days), the exact AR(1) discretisation of an Ornstein-Uhlenbeck process
//! around a linearly trending log level, with b = e^{−κΔ} and Var ε = σ²(1 − b²)/(2κ). Jumps are
//! found iteratively: fit by least squares on the days not flagged, flag residuals beyond
//! k·sd, repeat until the flagged set no longer changes. Jump intensity = jumps / years; jump
//! size mean and sd from the flagged residuals, the sd corrected for the diffusion noise they
//! carry (√(var − sd_ε²)).
struct MrJumpFit
{
    FactorParams params;
    std::size_t observations = 0; //!< prices used
    std::size_t jumps = 0;
    int iterations = 0;
    bool converged = false;
    bool meanReverting = true; //!< false when b >= 1: no reversion found, kappa set to 0
    double stepYears = 0.0;    //!< median spacing of the observations
    double years = 0.0;        //!< span of the history
    double ar1Coefficient = 0.0;
    double trendPerYear = 0.0; //!< slope of the long-run log level, c1 / (1 − b)
    double residualSd = 0.0;   //!< sd of the non-jump residuals
};

//! Needs at least 30 strictly increasing dates with prices > 0 (else ch::Error).
MrJumpFit estimateMeanRevertingJump(const std::vector<Date>& dates,
                                    const std::vector<double>& pricesUsd,
                                    const MrJumpFitOptions& options = {});
//! The points of `series` with from <= date <= to.
MrJumpFit estimateMeanRevertingJump(const PriceSeries& series,
                                    Date from,
                                    Date to,
                                    const MrJumpFitOptions& options = {});

struct TokenCutFitOptions
{
    double minLogMove = 1e-6; //!< a day-on-day log move smaller than this is no price change
};

//! Step-cut fit of a token tier: list prices change only at releases, so every log move below
//! −minLogMove is a cut. Cuts per year = cuts / years; mean and sd (n − 1) of the log cuts.
//! Rises are counted but not modelled (the token model only cuts); sigma is 0.
struct TokenCutFit
{
    FactorParams params;
    std::size_t observations = 0;
    std::size_t cuts = 0;
    std::size_t rises = 0;
    double years = 0.0;
};

//! Needs at least 2 strictly increasing dates with prices > 0 (else ch::Error).
TokenCutFit estimateTokenCuts(const std::vector<Date>& dates,
                              const std::vector<double>& pricesUsd,
                              const TokenCutFitOptions& options = {});
TokenCutFit estimateTokenCuts(const PriceSeries& series,
                              Date from,
                              Date to,
                              const TokenCutFitOptions& options = {});

} // namespace ch::risk
