#pragma once

#include "domain/dates.h"
#include "risk/risk_inputs.h"
#include "risk/run_control.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ch::risk {

//! Settings of one Monte Carlo run. The seed and path count are stored with the result: the same
//! inputs, seed and paths give bit-identical results for any thread count.
struct McConfig
{
    std::uint64_t seed = 20261030;
    std::size_t paths = 100'000;       //!< 1..1e9
    unsigned threads = 0;              //!< worker threads; 0 = std::thread::hardware_concurrency()
    std::size_t blockPaths = 256;      //!< paths simulated together (structure-of-arrays), 16..4096
    std::size_t histogramBins = 50;    //!< bins of the displayed histogram of total cost
    double contributionWindow = 0.005; //!< half-width in probability of the Euler window
    std::size_t fineBinsTotal = 4096;  //!< internal histogram bins, horizon total
    std::size_t fineBinsPeriod = 1024; //!< internal histogram bins, each quarter and month
};

//! A Monte Carlo estimate and its standard error, in USD.
struct Estimate
{
    double value = 0.0;
    double standardError = 0.0;

    friend bool operator==(const Estimate&, const Estimate&) = default;
};

//! Distribution of one cost (the horizon, a quarter or a month) in USD. CaR = P − E (how much the
//! cost can exceed its expectation at that confidence); ES = E[cost | cost >= P] (the average of
//! the worst 5% or 1% of outcomes). Standard errors: sd/√n for the mean; √(p(1−p)/n)/f(q) for
//! quantiles with the density f from the Siddiqui difference quotient at the Hall-Sheather
//! bandwidth; the delta method (including the quantile-mean covariance) for CaR; the asymptotic
//! tail-mean variance for ES. See docs/risk.md §4.
struct DistributionSummary
{
    Estimate expected;
    Estimate p50;
    Estimate p95;
    Estimate p99;
    Estimate car95;
    Estimate car99;
    Estimate es95;
    Estimate es99;
    double sdUsd = 0.0;
    double minUsd = 0.0;
    double maxUsd = 0.0;

    friend bool operator==(const DistributionSummary&, const DistributionSummary&) = default;
};

//! A period of the horizon and its cost distribution without and with the hedge instruments.
struct PeriodRisk
{
    Month first{};
    int months = 0;
    DistributionSummary unhedged;
    DistributionSummary hedged;

    friend bool operator==(const PeriodRisk&, const PeriodRisk&) = default;
};

//! One month of the fan chart of monthly cost, USD.
struct FanPoint
{
    Month month{};
    double p5Usd = 0.0;
    double p25Usd = 0.0;
    double p50Usd = 0.0;
    double p75Usd = 0.0;
    double p95Usd = 0.0;

    friend bool operator==(const FanPoint&, const FanPoint&) = default;
};

struct HistogramBin
{
    double lowUsd = 0.0;
    double highUsd = 0.0;
    std::uint64_t paths = 0;

    friend bool operator==(const HistogramBin&, const HistogramBin&) = default;
};

//! A factor's share of the horizon CaR (Euler allocation): E[cost_f | total near P] − E[cost_f],
//! rescaled so the factors add up to the CaR exactly. Hedged figures use the factor's cost net of
//! the payoffs of instruments on that factor. A factor with no exposure contributes exactly 0.
struct FactorContribution
{
    std::string indexId;
    double expectedCostUsd = 0.0;
    double car95Usd = 0.0;
    double car99Usd = 0.0;
    double hedgedCar95Usd = 0.0;
    double hedgedCar99Usd = 0.0;

    friend bool operator==(const FactorContribution&, const FactorContribution&) = default;
};

struct CostAtRiskReport
{
    PeriodRisk horizon;
    std::vector<PeriodRisk> quarters; //!< consecutive 3-month periods; the last may be shorter
    std::vector<PeriodRisk> months;
    std::vector<FanPoint> fanUnhedged;
    std::vector<FanPoint> fanHedged;
    std::vector<HistogramBin> histogramUnhedged; //!< total cost over the horizon
    std::vector<HistogramBin> histogramHedged;
    std::vector<FactorContribution> contributions;
    //! Unscaled window estimates Σ_f (E[cost_f | window] − E[cost_f]) behind the contributions;
    //! close to the CaR when the window is well populated.
    double windowCar95Usd = 0.0;
    double windowCar99Usd = 0.0;
    double car95ReductionUsd = 0.0; //!< unhedged − hedged horizon CaR95
    double car99ReductionUsd = 0.0;
    bool hasHedge = false;
    bool correlationRepaired = false; //!< the correlation was not PD and was repaired
    double correlationRepairFrobenius = 0.0;
    std::size_t exactTailPaths = 0; //!< paths outside the pilot-based histogram ranges

    friend bool operator==(const CostAtRiskReport&, const CostAtRiskReport&) = default;
};

//! The outcome of a run. A cancelled run has no report: nothing partial is ever shown or saved.
struct CostAtRisk
{
    std::uint64_t seed = 0;
    std::size_t paths = 0;
    std::size_t blockPaths = 0;
    bool cancelled = false;
    std::size_t pathsCompleted = 0;
    std::optional<CostAtRiskReport> report;
};

//! Runs the Monte Carlo on `config.threads` worker threads (docs/risk.md). Throws ch::Error for
//! invalid inputs or configuration. Progress and cancellation go through `control`.
CostAtRisk
runCostAtRisk(const RiskInputs& inputs, const McConfig& config, const RunControl& control = {});

} // namespace ch::risk
