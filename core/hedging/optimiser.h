#pragma once

#include "domain/issue.h"
#include "hedging/moments.h"
#include "hedging/qp_solver.h"
#include "hedging/rounding.h"

#include <Eigen/Dense>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace ch::hedging {

// The hedge optimiser (docs/hedging.md §5): contract counts n minimising the variance of the
// hedged cost, Var(C − Σ n_i P_i) = varCost − 2nᵀc + nᵀΣn, a proxy for Cost-at-Risk (exact for
// a normal cost, and the quantity CaR scales with), subject to
//   - per candidate, whole-contract bounds [lower_i, upper_i] from the policy band of its tenor
//     bucket and the per-contract limit (rounding.h: contractBounds), and
//   - linear limits Σ w_i n_i <= bound: the premium budget (w = premium per contract) and the
//     contracts per delivery month (w = 1).
// Steps: (1) relax to real n and solve the convex QP (qp_solver.h) on counts scaled to [0, 1];
// (2) round each count with the policy's rounding into its bounds; (3) repair any limit the
// rounding broke by removing the contract that costs least variance per unit of the limit;
// (4) improve by single ±1 moves and pairwise exchanges while every bound and limit holds.
// The result never breaks a bound or a limit: when the band minimums alone break a limit, the
// minimums of that limit's candidates are scaled down first, with a warning Issue.

//! A linear limit Σ w_i n_i <= bound over candidate indices, named for messages.
struct LinearLimit
{
    std::string name; //!< "premium budget", "contracts in 2027-03", "CHG.H100 2027-03"
    std::vector<std::pair<std::size_t, double>> terms;
    double bound = 0.0;

    double usage(const std::vector<ContractCount>& n) const;
};

struct OptimiserProblem
{
    std::vector<ContractBounds> bounds; //!< one per candidate of the moments
    std::vector<LinearLimit> limits;
    RoundingPolicy rounding = RoundingPolicy::TowardZero;
};

struct OptimisedHedge
{
    Eigen::VectorXd continuous;           //!< the relaxed optimum (real counts)
    std::vector<ContractCount> contracts; //!< whole counts, within every bound and limit
    std::vector<ContractBounds> bounds;   //!< the bounds used (after any scaling of minimums)
    double unhedgedVariance = 0.0;        //!< Var(C)
    double continuousVariance = 0.0;      //!< at the relaxed optimum
    double variance = 0.0;                //!< at the whole counts
    int iterations = 0;                   //!< QP iterations
    bool converged = false;
    std::vector<Issue> issues; //!< source "optimiser"
};

//! Throws ch::Error when the bounds do not match the candidates or a bound has lower > upper.
OptimisedHedge optimiseHedge(const HedgeMoments& moments,
                             const OptimiserProblem& problem,
                             const QpSettings& settings = {});

//! True when every count is within its bounds and every limit holds (to 1e-9 relative).
bool isFeasible(const std::vector<ContractCount>& n,
                const std::vector<ContractBounds>& bounds,
                const std::vector<LinearLimit>& limits);

} // namespace ch::hedging
