#include "ui/pages/pnl_series.h"

#include "ui/format.h"

#include <QCoreApplication>

namespace ch::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ch::ui::PnlChart", text);
}

double usd(const Money& m)
{
    return static_cast<double>(m.minorUnits()) / 100.0;
}

} // namespace

PnlChartData pnlChart(const std::vector<trading::PnlPoint>& points)
{
    PnlChartData out;
    out.xLabel = tr("Mark date");
    out.yLabel = tr("P&L (USD)");
    if (points.empty())
        return out;
    out.title = tr("Hedge book P&L to %1 (marks from the reference dataset, not live quotes)")
                    .arg(format::date(points.back().date));
    ChartSeries total{tr("Total (realised + unrealised − fees)"), {}, {}, ChartSeries::Style::Line};
    ChartSeries realised{tr("Realised"), {}, {}, ChartSeries::Style::Step};
    ChartSeries unrealised{tr("Unrealised"), {}, {}, ChartSeries::Style::Line};
    ChartSeries fees{tr("Fees paid"), {}, {}, ChartSeries::Style::Dashed};
    for (const auto& p : points) {
        const double key = dateKey(p.date);
        total.keys << key;
        total.values << usd(p.total());
        realised.keys << key;
        realised.values << usd(p.realised);
        unrealised.keys << key;
        unrealised.values << usd(p.unrealised);
        fees.keys << key;
        fees.values << -usd(p.fees);
        out.unmarkedPoints += p.unmarkedPositions > 0 ? 1 : 0;
    }
    out.series = {total, realised, unrealised, fees};
    return out;
}

} // namespace ch::ui
