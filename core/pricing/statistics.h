#pragma once

#include "domain/dates.h"
#include "domain/market.h"

#include <Eigen/Dense>

#include <cstddef>
#include <string>
#include <vector>

namespace ch::pricing {

//! Business days per year used to annualise daily statistics (the usual 252-day convention).
inline constexpr double kBusinessDaysPerYear = 252.0;

//! The observations of `series` on US business days (calendar.h) in [from, to], in date order.
//! Weekend and holiday values of a calendar-day series are skipped; a business day on which the
//! series has no point is simply absent (the next return then spans two business days, the same
//! as carrying the last value forward for the settlement average).
std::vector<DailyPrice> businessDayPrices(const PriceSeries& series, Date from, Date to);

//! Daily log returns ln(P_k / P_{k-1}) between consecutive businessDayPrices in [from, to].
std::vector<double> businessDayLogReturns(const PriceSeries& series, Date from, Date to);

//! Annualised volatility of daily log returns: the sample standard deviation (n − 1 divisor)
//! times sqrt(periodsPerYear). Returns 0 for fewer than two returns or a zero-variance window
//! (a token step function with no price change), never NaN.
double annualisedVol(const std::vector<double>& dailyLogReturns,
                     double periodsPerYear = kBusinessDaysPerYear);

//! Pearson correlation of two equally long samples; 0 when either has zero variance or fewer
//! than two points (no NaN), and clamped to [−1, 1] against rounding.
double sampleCorrelation(const std::vector<double>& a, const std::vector<double>& b);

//! Log returns of several series on their common business days: row k holds the returns from
//! the (k−1)-th to the k-th common date (dates[k]), column j belongs to series j. Only business
//! days on which every series has a point are used, so the matrix has no gaps. Used for hedge
//! ratios (regressions of one index's returns on another's).
struct AlignedReturns
{
    std::vector<std::string> indexIds;
    std::vector<Date> dates;    //!< end date of each return (one per row)
    Eigen::MatrixXd logReturns; //!< dates.size() × indexIds.size()
};
AlignedReturns alignedLogReturns(const std::vector<const PriceSeries*>& series, Date from, Date to);

//! Pairwise correlations of daily log returns over [from, to]: each pair uses the business days
//! on which both series have a point (so an index with a shorter history contributes what
//! overlaps). Zero-variance pairs get 0 off the diagonal; the diagonal is exactly 1. The result
//! is symmetric but not necessarily positive semi-definite (see nearestCorrelation).
struct PairwiseCorrelation
{
    Eigen::MatrixXd matrix;
    Eigen::MatrixXi observations;    //!< common returns behind each entry
    std::size_t minObservations = 0; //!< smallest off-diagonal count (0 for one series)
};
PairwiseCorrelation
pairwiseCorrelation(const std::vector<const PriceSeries*>& series, Date from, Date to);

} // namespace ch::pricing
