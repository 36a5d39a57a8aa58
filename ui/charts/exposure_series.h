#pragma once

#include "domain/dates.h"
#include "domain/plan.h"
#include "exposure/exposure.h"

#include <QString>
#include <QVector>

#include <vector>

namespace ch::ui {

//! What the exposure charts draw, built by pure, tested functions from an ExposureReport; the
//! widget (ExposureBarChart) only draws. Values are in USD millions, one per month; NaN leaves a
//! gap (a month without a value).
struct MonthlyChartData
{
    struct Series
    {
        QString name;
        QVector<double> values; //!< one per month in `months`
        friend bool operator==(const Series&, const Series&) = default;
    };
    QString title;
    QString xLabel;
    QString yLabel;
    std::vector<Month> months;
    std::vector<Series> stacks; //!< stacked bars, the first at the bottom
    std::vector<Series> lines;  //!< lines over the same months

    bool empty() const { return months.empty() || (stacks.empty() && lines.empty()); }
    //! A legend is shown only when it distinguishes several series.
    bool needsLegend() const { return stacks.size() + lines.size() > 1; }
};

//! Open exposure per delivery month, stacked by resource (resources present in the plan, in
//! allResources() order, each the sum of its lines' ExposureCell::exposureUsd), in USD m.
//! The stacks of a month add up to the report's byMonth exposure for the scenario.
MonthlyChartData buildExposureByResourceChart(const Plan& plan,
                                              const exposure::ExposureReport& report,
                                              Scenario scenario,
                                              Date asOf);

//! Budget against the expected cost of the budgeted cells at forward prices, per month
//! (report.byMonth's budgetUsd and budgetedCostUsd), in USD m; months without a budgeted cell
//! are gaps.
MonthlyChartData
buildBudgetChart(const exposure::ExposureReport& report, Scenario scenario, Date asOf);

//! "Low", "Base", "High".
QString scenarioLabel(Scenario s);

} // namespace ch::ui
