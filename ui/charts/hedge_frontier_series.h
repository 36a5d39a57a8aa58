#pragma once

#include "domain/dates.h"
#include "hedging/frontier.h"

#include <QString>
#include <QVector>

namespace ch::ui {

//! What the hedge frontier chart draws (docs/hedging.md §7), built from a core HedgeFrontier by
//! buildFrontierChart; the widget (HedgeFrontierChart) only draws it.
//!
//! x is the achieved hedge ratio in percent (exposure-USD weighted, so a point capped by a limit
//! sits left of the ratio asked for); the left axis is the variance-based Cost-at-Risk at 95% in
//! USD millions; the right axis the hedge cost (premium + fees) in USD thousands. Initial margin is
//! capital posted, not a cost, so it is in the read-out but not on an axis.
struct FrontierChartData
{
    struct Point
    {
        double ratioPercent = 0.0;
        double car95UsdM = 0.0;
        double costUsdK = 0.0;
        double marginUsdM = 0.0;
        long long contracts = 0;
        bool withinBudget = true;

        friend bool operator==(const Point&, const Point&) = default;
    };
    QString title;
    QString xLabel;
    QString yLabel;
    QString y2Label;
    QString carName;
    QString costName;
    QString recommendationName;
    QString targetName;
    QString overBudgetName;
    //! Why the curve stops short of 100% (empty when it reaches 95% or more): months no
    //! instrument may hedge and the contract limits cap a uniform hedge.
    QString capNote;
    QVector<Point> points; //!< the uniform ratios 0%, 10%, …, 100%, in order
    Point recommendation;
    Point policyTarget;

    bool empty() const { return points.isEmpty(); }
    //! Keys and values of one series, for the widget.
    QVector<double> ratios() const;
    QVector<double> car() const;
    QVector<double> cost() const;
    //! Points over the premium budget: their ratios and CaR values (empty when none).
    QVector<double> overBudgetRatios() const;
    QVector<double> overBudgetCar() const;
};

//! The chart for `frontier` as of `asOf`; the title names the date and that prices are the
//! reference dataset's.
FrontierChartData buildFrontierChart(const hedging::HedgeFrontier& frontier, Date asOf);

//! "Hedge 60.0%: CaR95 USD 3.12m, cost USD 4.2k, margin USD 1.10m, 340 contracts" (and "over
//! the premium budget" when it is): the read-out of one point.
QString frontierReadout(const FrontierChartData::Point& point);

//! The point of `chart` nearest to `ratioPercent` on the x axis (a frontier point, the
//! recommendation or the policy target), or nullptr for an empty chart.
const FrontierChartData::Point* nearestFrontierPoint(const FrontierChartData& chart,
                                                     double ratioPercent);

} // namespace ch::ui
