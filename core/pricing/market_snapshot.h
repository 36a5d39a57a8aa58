#pragma once

#include "domain/dates.h"
#include "domain/market.h"

#include <Eigen/Dense>

#include <optional>
#include <string>
#include <vector>

namespace ch::pricing {

//! The forward price for one delivery month: the expected business-day average of the index over
//! that month, in USD per unit.
struct ForwardPoint
{
    Month delivery{};
    double usd = 0.0;
};

//! Parameters of the curve model fitted to one index (documented in docs/pricing.md).
struct CurveModel
{
    enum class Kind {
        MeanReverting, //!< GPU: log price reverts to a slowly declining long-run level
        StepTrend      //!< tokens: drift plus downward jumps at model releases
    };
    Kind kind = Kind::MeanReverting;
    double kappaPerYear = 0.0;   //!< mean-reversion speed (MeanReverting)
    double longRunUsd = 0.0;     //!< long-run level today (MeanReverting)
    double declinePerYear = 0.0; //!< structural decline of the long-run level (log, per year)
    double volAnnual = 0.0;      //!< OU diffusion vol of log price, per sqrt(year) (MeanReverting)
    double jumpsPerYear = 0.0;   //!< price-cut intensity (StepTrend)
    double meanJumpLog = 0.0;    //!< mean log size of a cut, negative (StepTrend)
};

//! Monthly forward curve of one index as of a valuation date, 36 months by default, starting with
//! the month after the valuation month.
struct ForwardCurve
{
    std::string indexId;
    Date asOf{};
    Unit unit = Unit::GpuHour;
    double spotUsd = 0.0;
    CurveModel model;
    std::vector<ForwardPoint> points;

    //! Forward for `m`; throws ch::Error when `m` is outside the curve.
    double forward(Month m) const;
};

//! Annualised volatility of daily log returns over business days (√252 scaling).
struct VolEstimate
{
    std::string indexId;
    double annualVol = 0.0;
    std::size_t observations = 0;
};

//! Correlation of daily log returns between indices, repaired to the nearest valid correlation
//! matrix (PSD, unit diagonal; Higham 2002) when the pairwise estimate is not one.
struct CorrelationEstimate
{
    std::vector<std::string> indexIds;
    Eigen::MatrixXd matrix;
    bool repaired = false;
    double repairFrobenius = 0.0; //!< ‖repaired − raw‖_F, 0 when not repaired
    std::size_t observations = 0; //!< fewest common returns behind any off-diagonal entry
};

//! Volatility of `series` from its business-day log returns in [from, to] (statistics.h).
VolEstimate estimateVol(const PriceSeries& series, Date from, Date to);

//! Pairwise correlation of the series over [from, to] (statistics.h: pairwiseCorrelation),
//! repaired with nearestCorrelation when its smallest eigenvalue is below −1e-12.
CorrelationEstimate
estimateCorrelation(const std::vector<const PriceSeries*>& series, Date from, Date to);

//! Everything the Market page, exposure and risk need about prices as of one valuation date.
struct MarketSnapshot
{
    Date valuationDate{};
    std::vector<ForwardCurve> curves;
    std::vector<VolEstimate> vols;
    CorrelationEstimate correlation;

    const ForwardCurve* findCurve(const std::string& indexId) const;
    const VolEstimate* findVol(const std::string& indexId) const;
};

//! Builds curves, vols and correlations from a dataset as of `valuationDate`, using the history
//! in [valuationDate − windowDays, valuationDate] for the statistics. Curves, vols and the
//! correlation matrix follow the order of data.indices. Throws ch::Error when an index has no
//! series or no price on or before the valuation date, or curveMonths/windowDays < 1.
MarketSnapshot buildMarketSnapshot(const MarketDataSet& data,
                                   Date valuationDate,
                                   int curveMonths = 36,
                                   int windowDays = 730);

} // namespace ch::pricing
