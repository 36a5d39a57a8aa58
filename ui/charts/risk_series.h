#pragma once

#include "risk/cost_at_risk.h"
#include "storage/risk_repository.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>
#include <vector>

namespace ch::ui {

//! What a Risk page chart draws, built by the pure, tested functions below from a Cost-at-Risk
//! report; RiskChartView only draws it (STYLE.md §5). Costs are in USD millions; NaN in a line
//! leaves a gap.
struct RiskChartData
{
    enum class Axis {
        Cost,    //!< x is a cost in USD m (the histogram)
        Month,   //!< x is a delivery month: keys are monthKey() seconds (the fan chart)
        Category //!< x is a category: key i + 1 is categories[i] (the contributions)
    };
    struct Bars
    {
        QString name;
        QVector<double> keys;
        QVector<double> values;
        double width = 0.0; //!< in key units
        friend bool operator==(const Bars&, const Bars&) = default;
    };
    //! A shaded band between two lines.
    struct Band
    {
        QString name;
        QVector<double> keys;
        QVector<double> low;
        QVector<double> high;
        friend bool operator==(const Band&, const Band&) = default;
    };
    struct Line
    {
        QString name;
        QVector<double> keys;
        QVector<double> values;
        bool dashed = false;
        friend bool operator==(const Line&, const Line&) = default;
    };
    //! A vertical line across the plot at `key` (a percentile on the cost axis).
    struct Marker
    {
        QString name;
        double key = 0.0;
        friend bool operator==(const Marker&, const Marker&) = default;
    };

    QString title;
    QString xLabel;
    QString yLabel;
    Axis axis = Axis::Cost;
    QStringList categories;
    std::vector<Bars> bars;
    std::vector<Band> bands;
    std::vector<Line> lines;
    std::vector<Marker> markers;

    bool empty() const { return bars.empty() && bands.empty() && lines.empty(); }
    //! A legend is shown only when it distinguishes several series.
    bool needsLegend() const
    {
        return bars.size() + bands.size() + lines.size() + markers.size() > 1;
    }
};

//! "2026-11 to 2029-10": the months a period covers.
QString periodLabel(const risk::PeriodRisk& period);

//! Histogram of the total cost over the horizon: one bar per histogram bin at its centre, its
//! height the share of paths in the bin (%), and vertical markers at P50, P95 and P99 named with
//! their values. Cost axis in USD m.
RiskChartData buildCostHistogram(const risk::CostAtRiskReport& report, bool hedged);

//! Fan chart of monthly cost: the P5–P95 and P25–P75 bands and the median per delivery month,
//! and the budget line where a budget is set (`budgetUsd`, one per month; NaN elsewhere; no
//! line at all without any budget). USD m.
RiskChartData buildMonthlyFan(const risk::CostAtRiskReport& report,
                              bool hedged,
                              const std::vector<std::optional<double>>& budgetUsd);

//! Each factor's contribution to the horizon CaR95 (Euler allocation; the bars add up to the
//! CaR95, which the title states). One bar per factor, largest first; categories are the index
//! ids. USD m.
RiskChartData buildContributionChart(const risk::CostAtRiskReport& report, bool hedged);

//! The change of cost under each stress scenario against the base (stressed − base, USD m), one
//! category per scenario in the order given, and a second series with the hedges when
//! `withHedges`. The title names the base cost.
RiskChartData buildStressChart(const std::vector<storage::SavedStress>& results, bool withHedges);

} // namespace ch::ui
