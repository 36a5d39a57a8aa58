#include "pricing/market_snapshot.h"

#include "domain/error.h"
#include "pricing/curve_models.h"
#include "pricing/nearest_correlation.h"
#include "pricing/statistics.h"

#include <algorithm>

namespace ch::pricing {

double ForwardCurve::forward(Month m) const
{
    if (!points.empty()) {
        const int offset = monthsBetween(points.front().delivery, m);
        if (offset >= 0 && static_cast<std::size_t>(offset) < points.size()
            && points[static_cast<std::size_t>(offset)].delivery == m)
            return points[static_cast<std::size_t>(offset)].usd;
    }
    const std::string range = points.empty()
                                  ? std::string("the curve is empty")
                                  : "the curve covers " + formatIsoMonth(points.front().delivery)
                                        + " to " + formatIsoMonth(points.back().delivery);
    throw Error("forward curve " + indexId + " has no point for " + formatIsoMonth(m) + " (" + range
                + ")");
}

const ForwardCurve* MarketSnapshot::findCurve(const std::string& indexId) const
{
    auto it = std::find_if(
        curves.begin(), curves.end(), [&](const ForwardCurve& c) { return c.indexId == indexId; });
    return it == curves.end() ? nullptr : &*it;
}

const VolEstimate* MarketSnapshot::findVol(const std::string& indexId) const
{
    auto it = std::find_if(
        vols.begin(), vols.end(), [&](const VolEstimate& v) { return v.indexId == indexId; });
    return it == vols.end() ? nullptr : &*it;
}

VolEstimate estimateVol(const PriceSeries& series, Date from, Date to)
{
    const auto returns = businessDayLogReturns(series, from, to);
    return {series.indexId, annualisedVol(returns), returns.size()};
}

CorrelationEstimate
estimateCorrelation(const std::vector<const PriceSeries*>& series, Date from, Date to)
{
    CorrelationEstimate out;
    for (const PriceSeries* s : series) {
        require(s != nullptr, "estimateCorrelation: null series");
        out.indexIds.push_back(s->indexId);
    }
    const PairwiseCorrelation raw = pairwiseCorrelation(series, from, to);
    out.observations = raw.minObservations;
    out.matrix = raw.matrix;
    // Pairwise estimates over different overlaps need not be jointly consistent; a matrix with a
    // negative eigenvalue would make the Cholesky factor of the risk simulation fail.
    if (raw.matrix.rows() > 0 && minEigenvalue(raw.matrix) < -1e-12) {
        out.matrix = nearestCorrelation(raw.matrix);
        out.repaired = true;
        out.repairFrobenius = (out.matrix - raw.matrix).norm();
    }
    return out;
}

MarketSnapshot
buildMarketSnapshot(const MarketDataSet& data, Date valuationDate, int curveMonths, int windowDays)
{
    require(valuationDate.ok(), "buildMarketSnapshot: invalid valuation date");
    require(curveMonths >= 1,
            "buildMarketSnapshot: curveMonths must be at least 1, got "
                + std::to_string(curveMonths));
    require(windowDays >= 1,
            "buildMarketSnapshot: windowDays must be at least 1, got "
                + std::to_string(windowDays));
    MarketSnapshot snap;
    snap.valuationDate = valuationDate;
    const Date from = dateFromDaysSinceEpoch(daysSinceEpoch(valuationDate) - windowDays);

    std::vector<const PriceSeries*> series;
    for (const IndexDefinition& index : data.indices) {
        const PriceSeries* s = data.findSeries(index.id);
        require(s != nullptr, "buildMarketSnapshot: index " + index.id + " has no price series");
        series.push_back(s);
        snap.curves.push_back(buildForwardCurve(index, *s, valuationDate, curveMonths, windowDays));
        snap.vols.push_back(estimateVol(*s, from, valuationDate));
    }
    snap.correlation = estimateCorrelation(series, from, valuationDate);
    return snap;
}

} // namespace ch::pricing
