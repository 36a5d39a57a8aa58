#pragma once

#include "domain/plan.h"
#include "hedging/policy.h"
#include "risk/risk_inputs.h"

#include <Eigen/Dense>

#include <cstddef>
#include <string>
#include <vector>

namespace ch::hedging {

// The moments the optimiser needs (docs/hedging.md §5): the variance of the unhedged cost C, the
// covariance of C with each candidate instrument's payoff per contract P_i, and the covariance
// matrix of the payoffs. The hedged cost C − Σ n_i P_i then has variance
//   Var(C) − 2 nᵀc + nᵀΣn,   c_i = Cov(C, P_i), Σ_ij = Cov(P_i, P_j),
// the quantity the optimiser minimises as a proxy for Cost-at-Risk.

//! One candidate hedge: `type` on contract `symbol` for one delivery month, settling on risk
//! factor `factor`. Per contract and per path, the company receives u × (A − forward) for a
//! future, u × (max(A − K_call, 0) − call premium) for a call and u × (max(A − K_call, 0) −
//! max(K_put − A, 0) − net premium) for a collar, A being the factor's monthly price (the same
//! payoffs as risk::HedgeInstrument). Prices in USD per unit of the contract.
struct HedgeCandidate
{
    std::size_t line = 0; //!< the recommendation line it hedges
    std::string symbol;
    HedgeInstrumentType type = HedgeInstrumentType::Future;
    std::size_t factor = 0; //!< index into RiskInputs::factors
    int monthOffset = 0;    //!< 0 = RiskInputs::firstMonth
    double unitsPerContract = 0.0;
    double forwardUsd = 0.0;     //!< the contract's forward for the month (a future's price)
    double callStrikeUsd = 0.0;  //!< Call and Collar
    double putStrikeUsd = 0.0;   //!< Collar
    double callPremiumUsd = 0.0; //!< per unit, paid
    double putPremiumUsd = 0.0;  //!< per unit, received (Collar)

    //! (call − put premium) × units; 0 for a future. Negative when a collar's put is worth more.
    double premiumPerContractUsd() const;
    friend bool operator==(const HedgeCandidate&, const HedgeCandidate&) = default;
};

struct HedgeMoments
{
    std::vector<HedgeCandidate> candidates;
    double expectedCostUsd = 0.0;   //!< E[C]
    double varCost = 0.0;           //!< Var(C), USD²
    Eigen::VectorXd covCostPayoff;  //!< c_i = Cov(C, P_i), USD² per contract
    Eigen::MatrixXd covPayoff;      //!< Σ_ij = Cov(P_i, P_j), USD² per contract²
    Eigen::VectorXd expectedPayoff; //!< E[P_i] per contract, net of premium, USD

    //! Per recommendation line l (when lines were given): Var(C_l) of the line's own cost, and
    //! Cov(C_line(i), P_i) of each candidate with its own line's cost, for stand-alone figures.
    Eigen::VectorXd lineVarCost;
    Eigen::VectorXd ownLineCovCostPayoff;

    //! Var(C − Σ n_i P_i) = varCost − 2 nᵀc + nᵀΣn (never below 0).
    double hedgedVariance(const Eigen::VectorXd& contracts) const;
    //! The stand-alone variance of line l's cost hedged with n contracts of candidate i (its own).
    double lineHedgedVariance(std::size_t line, std::size_t candidate, double contracts) const;
};

//! Moments under the risk engine's price model (docs/risk.md §3): each factor's log price is an
//! Ornstein–Uhlenbeck deviation from its forward plus compound-Poisson jumps, monthly steps,
//! diffusions correlated by RiskInputs::correlation, jumps independent, E[price] = forward.
//!
//! Second moments of prices are exact: E[P_a P_b] = F_a F_b exp(K_ab) with K_ab the log-MGF
//! difference of the model (Gaussian covariance plus, on one factor, the jumps they share), so
//! Var(C) and everything about futures is exact. Options are priced on the moment-matched
//! bivariate log-normal (log variance K_aa, log covariance K_ab), exact when there are no jumps:
//! closed forms by change of measure with the bivariate normal CDF (bivariate_normal.h).
//!
//! The cost is C = Σ_cells V_c (multiplier_c × A + spread_c) + contracted cost with V_c the
//! cell's `scenario` volume (volumes held fixed: only price risk is hedgeable). `lineOfCell`,
//! when not empty, gives each cell's recommendation line (or SIZE_MAX for none) for the per-line
//! figures; `lines` is their count. RiskInputs::instruments are ignored (the candidates are the
//! whole book). Throws ch::Error for invalid inputs (risk::validateRiskInputs) or a candidate
//! outside the horizon or with a non-positive size, forward or strike.
HedgeMoments analyticMoments(const risk::RiskInputs& in,
                             Scenario scenario,
                             std::vector<HedgeCandidate> candidates,
                             const std::vector<std::size_t>& lineOfCell = {},
                             std::size_t lines = 0);

} // namespace ch::hedging
