#include "ui/charts/hedge_frontier_series.h"

#include "ui/format.h"

#include <QCoreApplication>

#include <cmath>

namespace ch::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("HedgeCharts", text);
}

FrontierChartData::Point pointOf(const hedging::FrontierPoint& p)
{
    FrontierChartData::Point out;
    out.ratioPercent = 100.0 * p.hedgedRatio;
    out.car95UsdM = p.car95Usd / 1e6;
    out.costUsdK = (p.premiumUsd + p.feesUsd) / 1e3;
    out.marginUsdM = p.initialMarginUsd / 1e6;
    out.contracts = static_cast<long long>(p.contracts);
    out.withinBudget = p.withinBudget;
    return out;
}

} // namespace

QVector<double> FrontierChartData::ratios() const
{
    QVector<double> out;
    for (const Point& p : points)
        out.push_back(p.ratioPercent);
    return out;
}

QVector<double> FrontierChartData::car() const
{
    QVector<double> out;
    for (const Point& p : points)
        out.push_back(p.car95UsdM);
    return out;
}

QVector<double> FrontierChartData::cost() const
{
    QVector<double> out;
    for (const Point& p : points)
        out.push_back(p.costUsdK);
    return out;
}

QVector<double> FrontierChartData::overBudgetRatios() const
{
    QVector<double> out;
    for (const Point& p : points)
        if (!p.withinBudget)
            out.push_back(p.ratioPercent);
    return out;
}

QVector<double> FrontierChartData::overBudgetCar() const
{
    QVector<double> out;
    for (const Point& p : points)
        if (!p.withinBudget)
            out.push_back(p.car95UsdM);
    return out;
}

FrontierChartData buildFrontierChart(const hedging::HedgeFrontier& frontier, Date asOf)
{
    FrontierChartData c;
    if (frontier.points.empty())
        return c;
    c.title =
        tr("Hedge frontier as of %1 (reference dataset, not live quotes)").arg(format::date(asOf));
    c.xLabel = tr("Hedge ratio (%)");
    c.yLabel = tr("Cost-at-Risk 95% (USD m)");
    c.y2Label = tr("Hedge cost: premium + fees (USD k)");
    c.carName = tr("CaR95, uniform hedge ratio");
    c.costName = tr("Hedge cost, uniform hedge ratio");
    c.recommendationName = tr("Recommendation");
    c.targetName = tr("Policy target");
    c.overBudgetName = tr("Over the premium budget");
    for (const hedging::FrontierPoint& p : frontier.points)
        c.points.push_back(pointOf(p));
    const double reach = c.points.back().ratioPercent;
    if (reach < 95.0)
        c.capNote = tr("Hedging 100% of every hedgeable month covers only %1 of the exposure: "
                       "months outside the policy's buckets or the contracts' listings, and the "
                       "contract limits, cap it.")
                        .arg(format::percent(reach / 100.0));
    c.recommendation = pointOf(frontier.recommendation);
    c.policyTarget = pointOf(frontier.policyTarget);
    return c;
}

QString frontierReadout(const FrontierChartData::Point& p)
{
    QString text = tr("Hedge %1: CaR95 %2, cost %3, margin %4, %5 contracts")
                       .arg(format::percent(p.ratioPercent / 100.0),
                            format::currencyCompact(p.car95UsdM * 1e6),
                            format::currencyCompact(p.costUsdK * 1e3),
                            format::currencyCompact(p.marginUsdM * 1e6),
                            format::integer(p.contracts));
    if (!p.withinBudget)
        text += tr(" (over the premium budget)");
    return text;
}

const FrontierChartData::Point* nearestFrontierPoint(const FrontierChartData& chart,
                                                     double ratioPercent)
{
    if (chart.empty())
        return nullptr;
    const FrontierChartData::Point* best = nullptr;
    double bestDistance = 0.0;
    auto consider = [&](const FrontierChartData::Point& p) {
        const double d = std::fabs(p.ratioPercent - ratioPercent);
        if (best == nullptr || d < bestDistance) {
            best = &p;
            bestDistance = d;
        }
    };
    for (const FrontierChartData::Point& p : chart.points)
        consider(p);
    consider(chart.recommendation);
    consider(chart.policyTarget);
    return best;
}

} // namespace ch::ui
