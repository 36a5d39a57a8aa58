#include "ui/charts/exposure_series.h"

#include "ui/conversions.h"
#include "ui/format.h"

#include <QCoreApplication>

#include <limits>

namespace ch::ui {

namespace {

constexpr double kUsdPerMillion = 1e6;

QString tr(const char* text)
{
    return QCoreApplication::translate("ExposureCharts", text);
}

std::vector<Month> monthsOf(const exposure::ExposureReport& report)
{
    std::vector<Month> months;
    for (int m = 0; m < report.months; ++m)
        months.push_back(addMonths(report.firstMonth, m));
    return months;
}

QString asOfSuffix(Scenario s, Date asOf)
{
    // Two lines, so two charts side by side fit a 1500-pixel window.
    return tr("%1 scenario\nas of %2 (reference prices, not live quotes)")
        .arg(scenarioLabel(s), format::date(asOf));
}

} // namespace

QString scenarioLabel(Scenario s)
{
    switch (s) {
    case Scenario::Low:
        return tr("Low");
    case Scenario::High:
        return tr("High");
    case Scenario::Base:
        break;
    }
    return tr("Base");
}

MonthlyChartData buildExposureByResourceChart(const Plan& plan,
                                              const exposure::ExposureReport& report,
                                              Scenario scenario,
                                              Date asOf)
{
    MonthlyChartData chart;
    chart.title = tr("Open exposure by resource, ") + asOfSuffix(scenario, asOf);
    chart.xLabel = tr("Delivery month");
    chart.yLabel = tr("Exposure (USD m)");
    chart.months = monthsOf(report);
    for (const Resource& r : allResources()) {
        MonthlyChartData::Series series{toQString(r.label()), QVector<double>(report.months, 0.0)};
        bool present = false;
        for (std::size_t l = 0; l < plan.lines().size() && l < report.lineCount; ++l) {
            if (plan.lines()[l].resource() != r)
                continue;
            present = true;
            for (int m = 0; m < report.months; ++m)
                series.values[m] += report.cell(l, m, scenario).exposureUsd / kUsdPerMillion;
        }
        if (present)
            chart.stacks.push_back(std::move(series));
    }
    return chart;
}

MonthlyChartData
buildBudgetChart(const exposure::ExposureReport& report, Scenario scenario, Date asOf)
{
    MonthlyChartData chart;
    chart.title = tr("Budget vs expected cost at forward prices, ") + asOfSuffix(scenario, asOf);
    chart.xLabel = tr("Delivery month");
    chart.yLabel = tr("Cost (USD m)");
    chart.months = monthsOf(report);
    const auto s = static_cast<std::size_t>(scenario);
    constexpr double gap = std::numeric_limits<double>::quiet_NaN();
    MonthlyChartData::Series budget{tr("Budget"), {}};
    MonthlyChartData::Series forward{tr("Expected cost of budgeted lines (forward)"), {}};
    bool any = false;
    for (const exposure::PeriodTotals& p : report.byMonth) {
        const exposure::CostSummary& c = p.costs[s];
        const bool budgeted = c.budgetedCells > 0;
        any = any || budgeted;
        budget.values.push_back(budgeted ? c.budgetUsd / kUsdPerMillion : gap);
        forward.values.push_back(budgeted ? c.budgetedCostUsd / kUsdPerMillion : gap);
    }
    if (any) {
        chart.lines.push_back(std::move(budget));
        chart.lines.push_back(std::move(forward));
    }
    return chart;
}

} // namespace ch::ui
