#pragma once

#include "domain/dates.h"
#include "risk/factor_params.h"

#include <Eigen/Dense>

#include <cstddef>
#include <string>
#include <vector>

namespace ch::risk {

//! One risk factor: a reference index with its forward curve over the horizon and its model.
//! Forwards are the expected monthly average index level (USD per unit); the simulation is built
//! so that E[simulated monthly price] equals the forward exactly (docs/risk.md §3.1).
struct RiskFactor
{
    std::string indexId;  //!< "GPU.H100.NC"
    std::string resource; //!< GPU type or token tier ("H100", "FRONTIER"); used by stress presets
    FactorModel model = FactorModel::MeanRevertingJump;
    std::vector<double> forwardUsd; //!< one per horizon month, each > 0
    FactorParams params;
};

//! One plan cell: a month's volume on one factor. The open (floating-price) volume is uncertain,
//! given as low / base / high and simulated as Beta-PERT (λ = 4); the contracted volume is
//! bought at a fixed price and adds a deterministic cost. The cell pays
//! `priceMultiplier × index + spreadUsd` per unit, which carries a basis to the index.
struct ExposureCell
{
    std::size_t factor = 0; //!< index into RiskInputs::factors
    int monthOffset = 0;    //!< 0 = RiskInputs::firstMonth
    double lowVolume = 0.0; //!< units of the factor (GPU-hours or MTok); 0 <= low <= base <= high
    double baseVolume = 0.0;
    double highVolume = 0.0;
    double priceMultiplier = 1.0;    //!< > 0; 1 when the cell pays the index itself
    double spreadUsd = 0.0;          //!< USD per unit added to the index price
    double contractedVolume = 0.0;   //!< fixed-price units (a natural hedge, no price risk)
    double contractedPriceUsd = 0.0; //!< USD per unit for the contracted volume
};

enum class InstrumentKind : unsigned char { Future, Call, Put };

//! A hedge instrument settling on one factor's monthly average price (the simulated monthly
//! price). Payoff per path in USD: futures (avg − strike) × units × contracts; calls
//! (max(avg − strike, 0) − premium) × units × contracts; puts (max(strike − avg, 0) − premium) ×
//! units × contracts. Contracts are signed (+ long, − short); the hedged cost is cost − payoff.
struct HedgeInstrument
{
    InstrumentKind kind = InstrumentKind::Future;
    std::size_t factor = 0;
    int monthOffset = 0;
    double strikeUsd = 0.0;          //!< trade price for a future, strike for an option
    double unitsPerContract = 730.0; //!< GPU-hours or MTok per contract, > 0
    double contracts = 0.0;          //!< signed
    double premiumUsd = 0.0;         //!< option premium per unit, >= 0 (0 for futures)
    std::string label;               //!< for reports ("CHG.H100 2027-01 long 12")
};

//! Volume uncertainty dependence. A common demand factor moves every cell's volume together
//! through a Gaussian copula: cell uniform = Φ(√ρd · Zdemand + √(1−ρd) · ε). The monthly demand
//! shock is correlated `priceVolumeCorrelation` with each factor's monthly price shock.
struct DemandModel
{
    double volumeCorrelation = 0.5;      //!< ρd in [0, 1]
    double priceVolumeCorrelation = 0.0; //!< in [−1, 1]
};

//! Everything a Cost-at-Risk run or a stress test needs, as plain values (the adapter from
//! exposure and pricing builds it). Invariants are checked by validateRiskInputs.
struct RiskInputs
{
    Month firstMonth{};    //!< delivery month of monthOffset 0
    int horizonMonths = 0; //!< 1..120
    std::vector<RiskFactor> factors;
    Eigen::MatrixXd correlation; //!< factors × factors, symmetric, unit diagonal, |ρ| <= 1
    std::vector<ExposureCell> cells;
    std::vector<HedgeInstrument> instruments;
    DemandModel demand;
};

//! Throws ch::Error naming the offending value when an invariant above does not hold.
void validateRiskInputs(const RiskInputs& in);

//! Price-sensitive expected cost per factor over the horizon: Σ base volume × multiplier ×
//! forward (USD). A +x% move of a factor's forwards moves the deterministic cost by x% of this.
std::vector<double> factorExposureUsd(const RiskInputs& in);

} // namespace ch::risk
