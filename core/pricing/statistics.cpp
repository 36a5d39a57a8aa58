#include "pricing/statistics.h"

#include "domain/error.h"
#include "pricing/calendar.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ch::pricing {

namespace {

//! Log prices of `series` on the grid of business days (NaN where the series has no point).
//! Both inputs are sorted by date, so one merge pass does it.
std::vector<double> logPricesOnGrid(const PriceSeries& series, const std::vector<Date>& grid)
{
    std::vector<double> out(grid.size(), std::numeric_limits<double>::quiet_NaN());
    auto it = series.points.begin();
    for (std::size_t k = 0; k < grid.size(); ++k) {
        while (it != series.points.end() && it->date < grid[k])
            ++it;
        if (it == series.points.end())
            break;
        if (it->date == grid[k]) {
            require(it->usd > 0.0,
                    "log returns of " + series.indexId + ": price on " + formatIsoDate(it->date)
                        + " is not positive (" + std::to_string(it->usd) + ")");
            out[k] = std::log(it->usd);
        }
    }
    return out;
}

struct Moments
{
    double meanA = 0.0;
    double meanB = 0.0;
    double sab = 0.0;
    double saa = 0.0;
    double sbb = 0.0;
};

double correlationOf(const std::vector<double>& a, const std::vector<double>& b)
{
    const std::size_t n = a.size();
    if (n < 2)
        return 0.0;
    Moments m;
    for (std::size_t i = 0; i < n; ++i) {
        m.meanA += a[i];
        m.meanB += b[i];
    }
    m.meanA /= static_cast<double>(n);
    m.meanB /= static_cast<double>(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double da = a[i] - m.meanA;
        const double db = b[i] - m.meanB;
        m.sab += da * db;
        m.saa += da * da;
        m.sbb += db * db;
    }
    // A token step function with no cut in the window has exactly zero variance: its correlation
    // with anything is undefined, and 0 is the neutral choice for a risk model.
    const double tiny = std::numeric_limits<double>::min();
    if (m.saa <= tiny || m.sbb <= tiny)
        return 0.0;
    const double rho = m.sab / std::sqrt(m.saa * m.sbb);
    if (!std::isfinite(rho))
        return 0.0;
    return std::clamp(rho, -1.0, 1.0);
}

} // namespace

std::vector<DailyPrice> businessDayPrices(const PriceSeries& series, Date from, Date to)
{
    std::vector<DailyPrice> out;
    if (from > to)
        return out;
    const auto grid = businessDaysBetween(from, to);
    auto it = series.points.begin();
    for (const Date& d : grid) {
        while (it != series.points.end() && it->date < d)
            ++it;
        if (it == series.points.end())
            break;
        if (it->date == d)
            out.push_back(*it);
    }
    return out;
}

std::vector<double> businessDayLogReturns(const PriceSeries& series, Date from, Date to)
{
    const auto prices = businessDayPrices(series, from, to);
    std::vector<double> out;
    if (prices.size() < 2)
        return out;
    out.reserve(prices.size() - 1);
    for (std::size_t k = 1; k < prices.size(); ++k) {
        require(prices[k - 1].usd > 0.0 && prices[k].usd > 0.0,
                "log returns of " + series.indexId + ": non-positive price near "
                    + formatIsoDate(prices[k].date));
        out.push_back(std::log(prices[k].usd / prices[k - 1].usd));
    }
    return out;
}

double annualisedVol(const std::vector<double>& dailyLogReturns, double periodsPerYear)
{
    require(periodsPerYear > 0.0,
            "annualisedVol: periodsPerYear must be positive, got "
                + std::to_string(periodsPerYear));
    const std::size_t n = dailyLogReturns.size();
    if (n < 2)
        return 0.0;
    double mean = 0.0;
    for (double r : dailyLogReturns)
        mean += r;
    mean /= static_cast<double>(n);
    double ss = 0.0;
    for (double r : dailyLogReturns)
        ss += (r - mean) * (r - mean);
    const double vol = std::sqrt(ss / static_cast<double>(n - 1) * periodsPerYear);
    return std::isfinite(vol) ? vol : 0.0;
}

double sampleCorrelation(const std::vector<double>& a, const std::vector<double>& b)
{
    require(a.size() == b.size(),
            "sampleCorrelation: samples differ in length (" + std::to_string(a.size()) + " and "
                + std::to_string(b.size()) + ")");
    return correlationOf(a, b);
}

AlignedReturns alignedLogReturns(const std::vector<const PriceSeries*>& series, Date from, Date to)
{
    AlignedReturns out;
    for (const PriceSeries* s : series) {
        require(s != nullptr, "alignedLogReturns: null series");
        out.indexIds.push_back(s->indexId);
    }
    const auto grid = from > to ? std::vector<Date>{} : businessDaysBetween(from, to);
    std::vector<std::vector<double>> logPrices;
    logPrices.reserve(series.size());
    for (const PriceSeries* s : series)
        logPrices.push_back(logPricesOnGrid(*s, grid));

    std::vector<std::size_t> common;
    for (std::size_t k = 0; k < grid.size(); ++k) {
        const bool all = std::all_of(
            logPrices.begin(), logPrices.end(), [k](const auto& lp) { return !std::isnan(lp[k]); });
        if (all)
            common.push_back(k);
    }
    const std::size_t rows = common.size() < 2 ? 0 : common.size() - 1;
    out.logReturns.resize(static_cast<Eigen::Index>(rows),
                          static_cast<Eigen::Index>(series.size()));
    out.dates.reserve(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t prev = common[r];
        const std::size_t cur = common[r + 1];
        out.dates.push_back(grid[cur]);
        for (std::size_t j = 0; j < series.size(); ++j)
            out.logReturns(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(j)) =
                logPrices[j][cur] - logPrices[j][prev];
    }
    return out;
}

PairwiseCorrelation
pairwiseCorrelation(const std::vector<const PriceSeries*>& series, Date from, Date to)
{
    for (const PriceSeries* s : series)
        require(s != nullptr, "pairwiseCorrelation: null series");
    const auto n = static_cast<Eigen::Index>(series.size());
    PairwiseCorrelation out;
    out.matrix = Eigen::MatrixXd::Identity(n, n);
    out.observations = Eigen::MatrixXi::Zero(n, n);

    const auto grid = from > to ? std::vector<Date>{} : businessDaysBetween(from, to);
    std::vector<std::vector<double>> logPrices;
    logPrices.reserve(series.size());
    for (const PriceSeries* s : series)
        logPrices.push_back(logPricesOnGrid(*s, grid));
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto& li = logPrices[static_cast<std::size_t>(i)];
        const auto own =
            std::count_if(li.begin(), li.end(), [](double v) { return !std::isnan(v); });
        out.observations(i, i) = own < 2 ? 0 : static_cast<int>(own - 1);
    }

    std::vector<double> ra;
    std::vector<double> rb;
    std::size_t minObs = std::numeric_limits<std::size_t>::max();
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = i + 1; j < n; ++j) {
            const auto& li = logPrices[static_cast<std::size_t>(i)];
            const auto& lj = logPrices[static_cast<std::size_t>(j)];
            ra.clear();
            rb.clear();
            bool havePrev = false;
            std::size_t prev = 0;
            for (std::size_t k = 0; k < grid.size(); ++k) {
                if (std::isnan(li[k]) || std::isnan(lj[k]))
                    continue;
                if (havePrev) {
                    ra.push_back(li[k] - li[prev]);
                    rb.push_back(lj[k] - lj[prev]);
                }
                prev = k;
                havePrev = true;
            }
            const double rho = correlationOf(ra, rb);
            out.matrix(i, j) = rho;
            out.matrix(j, i) = rho;
            out.observations(i, j) = static_cast<int>(ra.size());
            out.observations(j, i) = static_cast<int>(ra.size());
            minObs = std::min(minObs, ra.size());
        }
    }
    out.minObservations = n < 2 ? 0 : minObs;
    return out;
}

} // namespace ch::pricing
