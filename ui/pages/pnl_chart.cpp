#include "ui/pages/pnl_chart.h"

#include "ui/widgets/chart_frame.h"

#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <qcustomplot.h>

#include <algorithm>

namespace ch::ui {

namespace {

// Tableau 10 (as DateValueChart): total dark, then the components.
const QColor kColours[] = {
    QColor(31, 119, 180), QColor(44, 160, 44), QColor(255, 127, 14), QColor(214, 39, 40)};

} // namespace

PnlChart::PnlChart(QWidget* parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_plot(new QCustomPlot(this))
{
    stackPlotAndMessage(*this, *m_stack, *m_plot, *m_message);

    enableHorizontalPanZoom(*m_plot);
    m_title = addTitleRow(*m_plot, 11);
    placeLegendBelow(*m_plot);

    setUtcDateTicker(*m_plot->xAxis, QStringLiteral("yyyy-MM-dd"), 6);
    // Thousands separators on the USD axis, whatever the system locale (ui/format.h).
    m_plot->setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    m_plot->yAxis->setNumberFormat(QStringLiteral("gb"));
    showMessage(QString());
}

void PnlChart::setChart(const PnlChartData& chart)
{
    if (chart.empty()) {
        showMessage(tr("No marks yet: the P&L series has one point per mark date. Use \"Mark to "
                       "reference curve\" on the Positions page."));
        return;
    }
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_title->setText(chart.title);
    m_plot->xAxis->setLabel(chart.xLabel);
    m_plot->yAxis->setLabel(chart.yLabel);
    double low = 0.0;
    double high = 0.0;
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
        const ChartSeries& s = chart.series[i];
        QCPGraph* g = m_plot->addGraph();
        g->setName(s.name);
        g->setData(s.keys, s.values, /*alreadySorted=*/true);
        QPen pen(kColours[i % std::size(kColours)]);
        pen.setWidthF(i == 0 ? 2.5 : 1.6);
        if (s.style == ChartSeries::Style::Dashed)
            pen.setStyle(Qt::DashLine);
        g->setPen(pen);
        g->setLineStyle(s.style == ChartSeries::Style::Step ? QCPGraph::lsStepLeft
                                                            : QCPGraph::lsLine);
        for (double v : s.values) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    }
    // A zero line: gains above, losses below.
    auto* zero = new QCPItemStraightLine(m_plot);
    zero->point1->setCoords(0, 0);
    zero->point2->setCoords(1, 0);
    zero->setPen(QPen(QColor(120, 120, 120), 1, Qt::DotLine));
    m_plot->legend->setVisible(chart.series.size() > 1);
    m_plot->xAxis->rescale();
    const double pad = std::max(1.0, (high - low) * 0.08);
    m_plot->yAxis->setRange(low - pad, high + pad);
    if (m_plot->xAxis->range().size() <= 0)
        m_plot->xAxis->setRange(m_plot->xAxis->range().lower - 86400,
                                m_plot->xAxis->range().upper + 86400);
    m_plot->replot();
    m_stack->setCurrentWidget(m_plot);
}

void PnlChart::showMessage(const QString& message)
{
    m_plot->clearGraphs();
    m_title->setText(QString());
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
}

bool PnlChart::hasChart() const
{
    return m_stack->currentWidget() == m_plot;
}

QString PnlChart::title() const
{
    return m_title->text();
}

int PnlChart::graphCount() const
{
    return m_plot->graphCount();
}

} // namespace ch::ui
