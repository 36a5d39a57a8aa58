#pragma once

#include "domain/market.h"
#include "ui/charts/chart_data.h"

namespace ch::ui {

//! The daily history chart of one index up to `asOf`: one series of the index levels (step style
//! for token list prices, which hold until the next price change), titled with the index name and
//! the as-of date, y axis in the index's unit ("USD per GPU-hour", "USD per 1M tokens").
//! Observations after `asOf` are left out.
ChartData buildHistoryChart(const IndexDefinition& index, const PriceSeries& series, Date asOf);

} // namespace ch::ui
