#pragma once

#include "domain/market.h"
#include "pricing/market_snapshot.h"

#include <optional>
#include <vector>

namespace ch::ui {

//! One row of the Market page's index table: an index and the figures core worked out for it.
//! A figure is empty when core has none (no history, no curve, no vol estimate).
struct IndexRow
{
    IndexDefinition index;
    std::optional<DailyPrice> last;      //!< last observation on or before the valuation date
    std::optional<double> annualVol;     //!< VolEstimate::annualVol, a fraction (0.42 = 42%)
    std::optional<double> forwardUsd;    //!< forward for the curve's last delivery month
    std::optional<Month> forwardMonth;   //!< that delivery month
    std::optional<double> forwardVsSpot; //!< forwardUsd / curve spot − 1, a fraction
};

//! Joins the dataset's indices with the snapshot's curves and vols, in dataset order. The only
//! arithmetic is the ratio of two core figures (the far forward over the curve's spot), so the
//! table can show the term structure's slope in one number.
std::vector<IndexRow> buildIndexRows(const MarketDataSet& data,
                                     const pricing::MarketSnapshot& snapshot);

} // namespace ch::ui
