#pragma once

#include "risk/cost_at_risk.h"
#include "risk/mc_accumulator.h"

#include <vector>

namespace ch::risk::detail {

//! The empirical distribution of one quantity: outliers below the histogram range (exact), the
//! fine histogram (mass spread uniformly within each bin) and outliers above it (exact).
class EmpiricalDistribution
{
public:
    EmpiricalDistribution(const QuantityLayout& layout, const QuantitySums& sums);

    double count() const { return static_cast<double>(m_sums->n); }
    double mean() const { return m_mean; }
    double variance() const { return m_variance; }
    //! The value at continuous rank p·n.
    double quantile(double p) const;
    //! The bin of the in-range value x, clamped to the histogram.
    std::size_t binOf(double x) const;

    struct Tail
    {
        double mean = 0.0;     //!< expected shortfall E[X | X >= q_p]
        double variance = 0.0; //!< Var[X | X >= q_p]
    };
    Tail tail(double p) const;

    DistributionSummary summary() const;
    const QuantityLayout& layout() const { return *m_layout; }
    const QuantitySums& sums() const { return *m_sums; }

private:
    double rawQuantile(double p) const;
    Estimate quantileEstimate(double p) const;

    const QuantityLayout* m_layout;
    const QuantitySums* m_sums;
    std::vector<double> m_below; //!< sorted values < lo
    std::vector<double> m_above; //!< sorted values >= hi
    double m_mean = 0.0;
    double m_variance = 0.0;
};

//! Hall-Sheather bandwidth for the quantile density at p with n paths, α = 0.05 (Hall & Sheather,
//! JRSS B 50(3), 1988; as given in Koenker, Quantile Regression, 2005, §3.4), clamped so p ± h
//! stays inside (0, 1).
double hallSheatherBandwidth(double p, double n);

//! The displayed histogram of a quantity: `bins` equal bins from its minimum to its maximum.
std::vector<HistogramBin> displayHistogram(const EmpiricalDistribution& d, std::size_t bins);

//! Euler contributions of each factor to CaR at `p` for one side (0 unhedged, 1 hedged).
struct ContributionResult
{
    std::vector<double> contribution; //!< scaled to sum to the CaR
    std::vector<double> expectedCost; //!< E[cost_f]
    double windowCar = 0.0;           //!< unscaled Σ_f (E[cost_f | window] − E[cost_f])
};
ContributionResult eulerContributions(const EmpiricalDistribution& total,
                                      const ContributionSums& sums,
                                      const double* factorScale,
                                      std::size_t factors,
                                      double p,
                                      double window);

} // namespace ch::risk::detail
