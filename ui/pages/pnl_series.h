#pragma once

#include "trading/pnl_series.h"
#include "ui/charts/chart_data.h"

#include <QString>

#include <vector>

namespace ch::ui {

//! What the P&L chart draws: keys are mark dates (seconds since 1970-01-01 UTC, as ChartSeries),
//! values USD. Built by pnlChart(), a pure function; PnlChart only draws.
struct PnlChartData
{
    QString title;
    QString xLabel;
    QString yLabel;
    std::vector<ChartSeries> series; //!< total, realised, unrealised, fees (a cost, drawn < 0)
    int unmarkedPoints = 0;          //!< points that left an open position unvalued

    bool empty() const { return series.empty(); }
};

//! The book's P&L over time from trading::buildPnlSeries: total (realised + unrealised − fees),
//! realised, unrealised and cumulative fees shown as a negative amount, in USD (cents / 100).
//! The title names the last date and that the marks come from the reference dataset.
PnlChartData pnlChart(const std::vector<trading::PnlPoint>& points);

} // namespace ch::ui
