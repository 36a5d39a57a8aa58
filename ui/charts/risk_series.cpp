#include "ui/charts/risk_series.h"

#include "ui/charts/chart_data.h"
#include "ui/conversions.h"
#include "ui/format.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>
#include <utility>

namespace ch::ui {

namespace {

constexpr double kMillion = 1e6;

QString tr(const char* text)
{
    return QCoreApplication::translate("RiskCharts", text);
}

QString sideLabel(bool hedged)
{
    return hedged ? tr("with hedges") : tr("unhedged");
}

} // namespace

QString periodLabel(const risk::PeriodRisk& period)
{
    if (period.months <= 1)
        return format::month(period.first);
    return tr("%1 to %2")
        .arg(format::month(period.first),
             format::month(addMonths(period.first, period.months - 1)));
}

RiskChartData buildCostHistogram(const risk::CostAtRiskReport& report, bool hedged)
{
    RiskChartData chart;
    chart.axis = RiskChartData::Axis::Cost;
    chart.title = tr("Total cost, %1 (%2)").arg(periodLabel(report.horizon), sideLabel(hedged));
    chart.xLabel = tr("Total cost (USD m)");
    chart.yLabel = tr("Share of paths (%)");
    const auto& bins = hedged ? report.histogramHedged : report.histogramUnhedged;
    double total = 0.0;
    for (const risk::HistogramBin& b : bins)
        total += static_cast<double>(b.paths);
    if (bins.empty() || total <= 0.0)
        return chart;
    RiskChartData::Bars bars;
    bars.name = tr("Paths per bin");
    bars.width = (bins.front().highUsd - bins.front().lowUsd) / kMillion;
    for (const risk::HistogramBin& b : bins) {
        bars.keys.push_back((b.lowUsd + b.highUsd) / 2.0 / kMillion);
        bars.values.push_back(100.0 * static_cast<double>(b.paths) / total);
    }
    chart.bars.push_back(std::move(bars));
    const risk::DistributionSummary& d = hedged ? report.horizon.hedged : report.horizon.unhedged;
    for (const auto& [name, e] : {std::pair{"P50", &d.p50}, {"P95", &d.p95}, {"P99", &d.p99}})
        chart.markers.push_back(
            {QStringLiteral("%1: %2").arg(QLatin1String(name), format::currencyCompact(e->value)),
             e->value / kMillion});
    return chart;
}

RiskChartData buildMonthlyFan(const risk::CostAtRiskReport& report,
                              bool hedged,
                              const std::vector<std::optional<double>>& budgetUsd)
{
    RiskChartData chart;
    chart.axis = RiskChartData::Axis::Month;
    chart.xLabel = tr("Delivery month");
    chart.yLabel = tr("Cost (USD m)");
    const auto& fan = hedged ? report.fanHedged : report.fanUnhedged;
    bool anyBudget = false;
    for (const auto& b : budgetUsd)
        anyBudget = anyBudget || b.has_value();
    chart.title = (anyBudget ? tr("Monthly cost against budget (%1)") : tr("Monthly cost (%1)"))
                      .arg(sideLabel(hedged));
    if (fan.empty())
        return chart;
    RiskChartData::Band outer{tr("P5 to P95"), {}, {}, {}};
    RiskChartData::Band inner{tr("P25 to P75"), {}, {}, {}};
    RiskChartData::Line median{tr("Median (P50)"), {}, {}, false};
    for (const risk::FanPoint& p : fan) {
        const double key = monthKey(p.month);
        outer.keys.push_back(key);
        outer.low.push_back(p.p5Usd / kMillion);
        outer.high.push_back(p.p95Usd / kMillion);
        inner.keys.push_back(key);
        inner.low.push_back(p.p25Usd / kMillion);
        inner.high.push_back(p.p75Usd / kMillion);
        median.keys.push_back(key);
        median.values.push_back(p.p50Usd / kMillion);
    }
    chart.bands = {std::move(outer), std::move(inner)};
    chart.lines.push_back(std::move(median));
    if (anyBudget) {
        RiskChartData::Line budget{tr("Budget"), {}, {}, true};
        for (std::size_t i = 0; i < fan.size(); ++i) {
            budget.keys.push_back(monthKey(fan[i].month));
            budget.values.push_back(i < budgetUsd.size() && budgetUsd[i]
                                        ? *budgetUsd[i] / kMillion
                                        : std::numeric_limits<double>::quiet_NaN());
        }
        chart.lines.push_back(std::move(budget));
    }
    return chart;
}

RiskChartData buildContributionChart(const risk::CostAtRiskReport& report, bool hedged)
{
    RiskChartData chart;
    chart.axis = RiskChartData::Axis::Category;
    const double car95 =
        hedged ? report.horizon.hedged.car95.value : report.horizon.unhedged.car95.value;
    chart.title = tr("Contribution to CaR95 by index (%1; adds up to the CaR95 of %2)")
                      .arg(sideLabel(hedged), format::currencyCompact(car95));
    chart.xLabel = tr("Index");
    chart.yLabel = tr("Contribution to CaR95 (USD m)");
    if (report.contributions.empty())
        return chart;
    // Largest first: the bars read as a ranking of where the risk comes from.
    std::vector<std::pair<QString, double>> rows;
    for (const risk::FactorContribution& c : report.contributions)
        rows.emplace_back(toQString(c.indexId),
                          (hedged ? c.hedgedCar95Usd : c.car95Usd) / kMillion);
    std::stable_sort(
        rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    RiskChartData::Bars bars;
    bars.name = tr("CaR95 contribution");
    bars.width = 0.6;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        chart.categories << rows[i].first;
        bars.keys.push_back(static_cast<double>(i + 1));
        bars.values.push_back(rows[i].second);
    }
    chart.bars.push_back(std::move(bars));
    return chart;
}

RiskChartData buildStressChart(const std::vector<storage::SavedStress>& results, bool withHedges)
{
    RiskChartData chart;
    chart.axis = RiskChartData::Axis::Category;
    chart.xLabel = tr("Scenario");
    chart.yLabel = tr("Change in cost (USD m)");
    chart.title = results.empty()
                      ? tr("Change in cost by scenario")
                      : tr("Change in cost by scenario, against the base of %1")
                            .arg(format::currencyCompact(results.front().result.baseCostUsd));
    if (results.empty())
        return chart;
    RiskChartData::Bars unhedged{tr("Unhedged"), {}, {}, withHedges ? 0.4 : 0.6};
    RiskChartData::Bars hedged{tr("With hedges"), {}, {}, 0.4};
    for (std::size_t i = 0; i < results.size(); ++i) {
        const risk::StressResult& r = results[i].result;
        chart.categories << toQString(r.name);
        unhedged.keys.push_back(static_cast<double>(i + 1));
        unhedged.values.push_back(r.deltaUsd() / kMillion);
        hedged.keys.push_back(static_cast<double>(i + 1));
        hedged.values.push_back(r.hedgedDeltaUsd() / kMillion);
    }
    chart.bars.push_back(std::move(unhedged));
    if (withHedges)
        chart.bars.push_back(std::move(hedged));
    return chart;
}

} // namespace ch::ui
