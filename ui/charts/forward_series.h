#pragma once

#include "domain/market.h"
#include "pricing/market_snapshot.h"
#include "ui/charts/chart_data.h"

namespace ch::ui {

//! The forward curve chart of one index: the monthly forwards (one key per delivery month) and a
//! dashed spot line at the curve's spot level across the same months, so the term structure reads
//! against today's level. Titled with the index name and the curve's as-of date; legend shown.
ChartData buildForwardChart(const IndexDefinition& index, const pricing::ForwardCurve& curve);

} // namespace ch::ui
