#include "ui/charts/history_series.h"

#include "ui/conversions.h"
#include "ui/format.h"

#include <QCoreApplication>

namespace ch::ui {

ChartData buildHistoryChart(const IndexDefinition& index, const PriceSeries& series, Date asOf)
{
    ChartData chart;
    chart.title = QCoreApplication::translate("Charts", "%1 (%2): daily index, as of %3")
                      .arg(toQString(index.name), toQString(index.id), format::date(asOf));
    chart.xLabel = QCoreApplication::translate("Charts", "Date");
    chart.yLabel = format::unitPriceLabel(index.unit);
    chart.keyKind = ChartData::KeyKind::Day;
    chart.unit = index.unit;

    ChartSeries line;
    line.name = toQString(index.id);
    line.style =
        index.kind == IndexKind::TokenPrice ? ChartSeries::Style::Step : ChartSeries::Style::Line;
    line.keys.reserve(static_cast<qsizetype>(series.points.size()));
    line.values.reserve(static_cast<qsizetype>(series.points.size()));
    for (const DailyPrice& p : series.points) {
        if (p.date > asOf)
            break; // points are sorted by date
        line.keys.push_back(dateKey(p.date));
        line.values.push_back(p.usd);
    }
    if (!line.keys.isEmpty())
        chart.series.push_back(std::move(line));
    return chart;
}

} // namespace ch::ui
