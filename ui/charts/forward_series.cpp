#include "ui/charts/forward_series.h"

#include "ui/conversions.h"
#include "ui/format.h"

#include <QCoreApplication>

namespace ch::ui {

ChartData buildForwardChart(const IndexDefinition& index, const pricing::ForwardCurve& curve)
{
    ChartData chart;
    chart.title = QCoreApplication::translate("Charts", "%1: forward curve, as of %2")
                      .arg(toQString(index.name), format::date(curve.asOf));
    chart.xLabel = QCoreApplication::translate("Charts", "Delivery month");
    chart.yLabel = format::unitPriceLabel(index.unit);
    chart.keyKind = ChartData::KeyKind::Month;
    chart.unit = index.unit;
    if (curve.points.empty())
        return chart;

    ChartSeries forward;
    forward.name = QCoreApplication::translate("Charts", "Forward (monthly average)");
    for (const pricing::ForwardPoint& p : curve.points) {
        forward.keys.push_back(monthKey(p.delivery));
        forward.values.push_back(p.usd);
    }
    ChartSeries spot;
    spot.name = QCoreApplication::translate("Charts", "Spot (index level %1)")
                    .arg(format::unitPrice(curve.spotUsd, index.unit));
    spot.style = ChartSeries::Style::Dashed;
    spot.keys = {forward.keys.front(), forward.keys.back()};
    spot.values = {curve.spotUsd, curve.spotUsd};

    chart.series.push_back(std::move(forward));
    chart.series.push_back(std::move(spot));
    return chart;
}

} // namespace ch::ui
